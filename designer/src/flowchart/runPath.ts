// Reads an instance's journal (and its open waits) into what a flowchart lights up: each step's state and the
// connections the instance went along. Shared by the designer's test runs and the instance view (FlowchartView's
// `steps` and `takenConnections`).

import type { InstanceDetail, JournalEntry } from '../api/operations'
import type { Connection } from '../api/types'
import { connectionKey } from './outcomes'
import type { StepState } from './stepState'

export interface RunPath {
  steps: Record<string, StepState>
  taken: Set<string>
  /** Activity ids in the order the run first reached them. */
  order: string[]
}

/**
 * Replays `journal` (oldest first; it may have come in several pages) over the definition's `connections`. An
 * activity that ran more than once (a loop, a retry) shows its latest state; a completion follows every connection
 * from the port(s) it named. The instance's open waits, when given, mark their steps as waiting.
 */
export function runPath(journal: readonly JournalEntry[], instance: Pick<InstanceDetail, 'status' | 'bookmarks'> | null, connections: readonly Connection[]): RunPath {
  const steps: Record<string, StepState> = {}
  const outcomes = new Map<string, Set<string>>()
  const order: string[] = []
  for (const e of journal) {
    const id = e.activityId
    if (!id) continue
    if (!order.includes(id)) order.push(id)
    switch (e.kind) {
      case 'activityScheduled':
      case 'activityStarted':
      case 'bookmarkResumed':
      case 'activityRetried':
        steps[id] = 'active'
        break
      case 'bookmarkCreated':
        steps[id] = 'waiting'
        break
      case 'activityCompleted':
        steps[id] = 'completed'
        if (e.outcome) for (const o of e.outcome.split(',')) outcomes.set(id, (outcomes.get(id) ?? new Set()).add(o.trim()))
        break
      case 'activityFaulted':
        steps[id] = 'faulted'
        break
      case 'instanceCancelled':
        // Whatever was running or waiting stopped there.
        for (const [key, state] of Object.entries(steps)) if (state === 'active' || state === 'waiting') steps[key] = 'cancelled'
        break
    }
  }
  for (const b of instance?.bookmarks ?? []) if (b.kind !== 'Retry') steps[b.activityId] = 'waiting'
  if (instance?.status === 'cancelled') for (const [id, s] of Object.entries(steps)) if (s === 'active' || s === 'waiting') steps[id] = 'cancelled'
  const taken = new Set<string>()
  for (const c of connections) if (outcomes.get(c.from)?.has(c.outcome || 'Done') && c.to in steps) taken.add(connectionKey(c))
  return { steps, taken, order }
}
