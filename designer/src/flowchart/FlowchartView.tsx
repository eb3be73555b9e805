// STUB, owned by the designer (canvas) engineer: their read-only React Flow chart replaces this file at merge.
// It keeps the agreed export so the instance view compiles and shows the path as text meanwhile: each step with its
// display name and a state label ("Completed", "Waiting", …), the words the real chart shows on its nodes too.

import type { JSX } from 'react'
import type { ActivityDescriptor, WorkflowDefinition } from '../api/types'

export type StepState = 'completed' | 'active' | 'waiting' | 'faulted' | 'cancelled'

export interface FlowchartViewProps {
  definition: WorkflowDefinition
  descriptors: ActivityDescriptor[]
  steps?: Record<string, StepState>
  takenConnections?: Set<string> /* `${from}:${outcome}:${to}` */
  onSelectStep?: (activityId: string) => void
  height?: number
}

const stateLabels: Record<StepState, string> = {
  completed: 'Completed',
  active: 'Running',
  waiting: 'Waiting',
  faulted: 'Faulted',
  cancelled: 'Cancelled',
}

export default function FlowchartView({ definition, descriptors, steps, onSelectStep }: FlowchartViewProps): JSX.Element {
  const names = new Map(descriptors.map((d) => [d.type, d.displayName]))
  return (
    <ol className="flowchart-stub">
      {definition.activities.map((a) => {
        const state = steps?.[a.id]
        const name = a.displayName || names.get(a.type) || a.id
        return (
          <li key={a.id}>
            {onSelectStep ? (
              <button type="button" className="button secondary" onClick={() => onSelectStep(a.id)}>
                {name}
              </button>
            ) : (
              name
            )}{' '}
            – {state ? stateLabels[state] : 'Not reached'}
          </li>
        )
      })}
    </ol>
  )
}
