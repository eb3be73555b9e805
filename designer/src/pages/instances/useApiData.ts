import { useCallback, useEffect, useState } from 'react'
import { api } from '../../api/client'

export interface ApiData<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  /** Fetch again (after an error, or after an action changed the data). */
  reload: () => void
}

/**
 * GETs `path` (nothing when null) and keeps the answer; a change of path fetches again and an answer to an older
 * path is dropped, so quick filter changes cannot show stale results.
 */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: unknown }>({ path: null })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    if (!path) return
    const controller = new AbortController()
    api<T>(path, { signal: controller.signal }).then(
      (data) => setState({ path, data }),
      (error) => {
        if (!controller.signal.aborted) setState({ path, error })
      },
    )
    return () => controller.abort()
  }, [path, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const current = state.path === path
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !!path && (!current || (state.data === undefined && state.error === undefined)),
    reload,
  }
}
