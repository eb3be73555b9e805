import type { WorkflowParameter } from '../../../api/types'

/** The workflow's declared inputs as a JSON-schema object, for the start form. */
export function inputsSchema(inputs: WorkflowParameter[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const i of inputs) {
    const type = i.type === 'datetime' ? 'string' : i.type === 'any' ? undefined : i.type
    properties[i.name] = { type, title: i.name, description: i.description ?? undefined, default: i.default ?? undefined, ...(i.type === 'datetime' ? { format: 'date-time' } : {}) }
  }
  return { type: 'object', properties, required: inputs.filter((i) => i.required).map((i) => i.name) }
}

/** Starting values: each input's default. */
export function inputDefaults(inputs: WorkflowParameter[]): Record<string, unknown> {
  return Object.fromEntries(inputs.filter((i) => i.default !== undefined && i.default !== null).map((i) => [i.name, i.default]))
}
