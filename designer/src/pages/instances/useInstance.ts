import { useCallback, useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { InstanceDetail } from '../../api/operations'

/** How often a live instance is fetched again: every second while it runs, less often while it only waits. */
function pollDelay(detail: InstanceDetail | undefined): number | null {
  if (!detail) return null
  if (detail.status === 'running') return 1000
  if (detail.status === 'suspended') return 3000
  return null
}

/**
 * The instance, fetched again while it is running or waiting so the page follows it. `replace` takes an answer the
 * page already has (the instance a retry or cancel returned) without another request.
 */
export function useInstance(instanceId: string) {
  const [state, setState] = useState<{ id: string; detail?: InstanceDetail; error?: unknown }>({ id: instanceId })
  const [generation, setGeneration] = useState(0)
  const current = state.id === instanceId ? state : { id: instanceId }

  useEffect(() => {
    const controller = new AbortController()
    api<InstanceDetail>(`/api/workflow-instances/${encodeURIComponent(instanceId)}`, { signal: controller.signal }).then(
      (detail) => setState({ id: instanceId, detail }),
      (error) => {
        if (!controller.signal.aborted) setState((s) => ({ id: instanceId, detail: s.id === instanceId ? s.detail : undefined, error }))
      },
    )
    return () => controller.abort()
  }, [instanceId, generation])

  const delay = current.error ? null : pollDelay(current.detail)
  const updatedAt = current.detail?.updatedAt
  useEffect(() => {
    if (delay === null) return
    const timer = window.setTimeout(() => setGeneration((g) => g + 1), delay)
    return () => window.clearTimeout(timer)
  }, [delay, updatedAt, generation])

  const replace = useCallback((detail: InstanceDetail) => setState({ id: detail.id, detail }), [])
  const refresh = useCallback(() => setGeneration((g) => g + 1), [])
  return { detail: current.detail, error: current.error, replace, refresh }
}
