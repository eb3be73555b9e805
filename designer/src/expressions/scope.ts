// The names an expression can use at a given step, offered as completions: the workflow's inputs and variables,
// the outputs of the other activities (from their descriptors) and the instance's own facts.

import type { ActivityDescriptor, WorkflowDefinition } from '../api/types'

export interface ScopeName {
  label: string
  detail: string
}

export function scopeNames(definition: WorkflowDefinition, descriptors: Map<string, ActivityDescriptor>, currentActivityId?: string): ScopeName[] {
  const names: ScopeName[] = [
    { label: 'input', detail: 'the workflow inputs' },
    { label: 'variables', detail: 'the workflow variables' },
    { label: 'activities', detail: 'outputs of earlier steps' },
    { label: 'instance.id', detail: 'this run' },
    { label: 'instance.definitionId', detail: 'this workflow' },
    { label: 'instance.correlationId', detail: 'the business key' },
  ]
  for (const i of definition.inputs) names.push({ label: `input.${i.name}`, detail: `input (${i.type})` })
  for (const v of definition.variables) names.push({ label: `variables.${v.name}`, detail: `variable (${v.type})` })
  for (const a of definition.activities) {
    if (a.id === currentActivityId) continue
    const outputs = descriptors.get(a.type)?.outputs ?? []
    if (outputs.length === 0) continue
    names.push({ label: `activities.${a.id}.output`, detail: `output of ${a.displayName || a.id}` })
    for (const o of outputs) names.push({ label: `activities.${a.id}.output.${o.name}`, detail: `${o.type}: ${o.description}` })
  }
  return names
}
