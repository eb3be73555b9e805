// The path an instance took, read from its journal: each activity's latest state and the connections followed.
// Pure (no React, no fetching) so the designer's test-run panel can light up its chart from the same journal.

import type { JournalEntry } from '../../api/operations'
import type { Connection } from '../../api/types'
import type { StepState } from '../../flowchart/FlowchartView'

export interface InstancePath {
  /** The latest state of every activity the instance reached, by activity id. */
  steps: Record<string, StepState>
  /** Connections followed, as `${from}:${outcome}:${to}`. */
  takenConnections: Set<string>
}

/** The key of a connection in {@link InstancePath.takenConnections} (the one FlowchartView expects). */
export function connectionKey(c: Connection): string {
  return `${c.from}:${c.outcome}:${c.to}`
}

/**
 * Replays `entries` (oldest first, as the journal API returns them; they may come in several pages) over the
 * definition's `connections`. An activity that ran more than once (a loop, a retry) shows its latest state. A
 * completion follows every connection from the port(s) it named, exactly as the runtime schedules them.
 */
export function pathFromJournal(entries: readonly JournalEntry[], connections: readonly Connection[]): InstancePath {
  const steps: Record<string, StepState> = {}
  const takenConnections = new Set<string>()
  for (const entry of entries) {
    const id = entry.activityId
    switch (entry.kind) {
      case 'activityScheduled':
      case 'activityStarted':
      case 'activityRetried':
      case 'bookmarkResumed':
        if (id) steps[id] = 'active'
        break
      case 'bookmarkCreated':
        if (id) steps[id] = 'waiting'
        break
      case 'activityFaulted':
        if (id) steps[id] = 'faulted'
        break
      case 'activityCompleted':
        if (!id) break
        steps[id] = 'completed'
        for (const outcome of (entry.outcome ?? '').split(',').filter(Boolean))
          for (const c of connections) if (c.from === id && c.outcome === outcome) takenConnections.add(connectionKey(c))
        break
      case 'instanceCancelled':
        // Whatever was running or waiting stopped there.
        for (const [key, state] of Object.entries(steps)) if (state === 'active' || state === 'waiting') steps[key] = 'cancelled'
        break
      default:
        break
    }
  }
  return { steps, takenConnections }
}
