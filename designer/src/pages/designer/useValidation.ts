// Live validation: the server's validator runs ~400 ms after the last edit, so problems appear as the user works.

import { useEffect, useState } from 'react'
import { api, describeError, type ProblemError } from '../../api/client'
import type { ValidationResult } from '../../api/designer'
import type { WorkflowDefinition } from '../../api/types'

export function useValidation(definition: WorkflowDefinition | null) {
  const [problems, setProblems] = useState<ProblemError[]>([])
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!definition) return
    const abort = new AbortController()
    setChecking(true)
    const timer = setTimeout(() => {
      api<ValidationResult>('/api/workflow-definitions/validate', { method: 'POST', body: definition, signal: abort.signal })
        .then((r) => {
          setProblems(r.errors ?? [])
          setError(null)
          setChecking(false)
        })
        .catch((e) => {
          if (abort.signal.aborted) return
          setError(describeError(e))
          setChecking(false)
        })
    }, 400)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [definition])
  return { problems, checking, error }
}
