// Undo and redo over whole definitions. Typing in one field is merged into one step (same key within a second),
// and a drag is one step however many positions it passes through.

import { useCallback, useState } from 'react'
import type { WorkflowDefinition } from '../../api/types'

interface State {
  past: WorkflowDefinition[]
  present: WorkflowDefinition
  future: WorkflowDefinition[]
  lastKey?: string
  lastAt: number
}

export interface EditOptions {
  /** Edits with the same key within a second make one undo step (typing in a field). */
  coalesce?: string
  /** false: change the present without an undo step (positions during a drag; see `checkpoint`). */
  record?: boolean
}

const LIMIT = 100

export function useHistory(initial: WorkflowDefinition) {
  const [state, setState] = useState<State>({ past: [], present: initial, future: [], lastAt: 0 })

  const edit = useCallback((change: (d: WorkflowDefinition) => WorkflowDefinition, options: EditOptions = {}) => {
    setState((s) => {
      const next = change(s.present)
      if (next === s.present) return s
      if (options.record === false) return { ...s, present: next }
      const now = Date.now()
      const merge = options.coalesce !== undefined && options.coalesce === s.lastKey && now - s.lastAt < 1000
      return {
        past: merge ? s.past : [...s.past, s.present].slice(-LIMIT),
        present: next,
        future: [],
        lastKey: options.coalesce,
        lastAt: now,
      }
    })
  }, [])

  /** Records `before` as an undo step for changes already made without recording (the end of a drag). */
  const checkpoint = useCallback((before: WorkflowDefinition) => {
    setState((s) => (s.present === before ? s : { past: [...s.past, before].slice(-LIMIT), present: s.present, future: [], lastAt: 0 }))
  }, [])

  const undo = useCallback(() => {
    setState((s) => (s.past.length === 0 ? s : { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future], lastAt: 0 }))
  }, [])

  const redo = useCallback(() => {
    setState((s) => (s.future.length === 0 ? s : { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1), lastAt: 0 }))
  }, [])

  const reset = useCallback((d: WorkflowDefinition) => setState({ past: [], present: d, future: [], lastAt: 0 }), [])

  return { definition: state.present, canUndo: state.past.length > 0, canRedo: state.future.length > 0, edit, checkpoint, undo, redo, reset }
}
