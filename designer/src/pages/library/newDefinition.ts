import type { WorkflowDefinition } from '../../api/types'

/** The smallest workflow that can be published: a Start connected to an End, placed for the designer's canvas. */
export function newDefinition(id: string, name: string, description: string): WorkflowDefinition {
  return {
    id,
    name,
    description: description.trim() || null,
    inputs: [],
    outputs: [],
    variables: [],
    activities: [
      { id: 'start', type: 'Start', displayName: 'Start', inputs: {}, position: { x: 0, y: 0 } },
      { id: 'end', type: 'End', displayName: 'End', inputs: {}, position: { x: 0, y: 160 } },
    ],
    connections: [{ from: 'start', outcome: 'Done', to: 'end' }],
  }
}
