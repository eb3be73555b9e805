import { useEffect, useState } from 'react'
import { listDefinitions } from '../../api/library'
import type { DefinitionSummary } from '../../api/types'

export interface DefinitionsState {
  definitions: DefinitionSummary[] | null
  loading: boolean
  error: unknown
}

/** The definitions matching `search`, fetched again when `search` or `reloadKey` changes; stale answers are dropped. */
export function useDefinitions(search: string, reloadKey: number): DefinitionsState {
  const [state, setState] = useState<DefinitionsState>({ definitions: null, loading: true, error: null })
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ ...s, loading: true }))
    listDefinitions(search, controller.signal).then(
      (definitions) => setState({ definitions, loading: false, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ definitions: null, loading: false, error })
      },
    )
    return () => controller.abort()
  }, [search, reloadKey])
  return state
}
