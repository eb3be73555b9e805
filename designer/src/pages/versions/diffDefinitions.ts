// What changed between two versions of a workflow, as data: pure functions with no React, so the comparison is easy
// to test and to reason about. Canvas positions are compared separately (`moved`): moving a step changes nothing
// about what the workflow does, so it is never reported as a change of the step's settings.

import type { ActivityNode, Connection, Json, VariableDefinition, WorkflowDefinition, WorkflowParameter } from '../../api/types'

/** One field that differs: `before` or `after` is undefined when the field was not set on that side. */
export interface FieldChange {
  /** A stable path, e.g. `inputs.message`, `displayName`, `connections`. */
  field: string
  /** The field in words, for people. */
  label: string
  before: unknown
  after: unknown
}

export interface ActivityChange {
  id: string
  before: ActivityNode
  after: ActivityNode
  changes: FieldChange[]
}

export interface NamedChange<T> {
  name: string
  before: T
  after: T
  changes: FieldChange[]
}

export interface ListDiff<T> {
  added: T[]
  removed: T[]
  changed: NamedChange<T>[]
}

export interface DefinitionDiff {
  /** Name and description. */
  details: FieldChange[]
  activities: { added: ActivityNode[]; removed: ActivityNode[]; changed: ActivityChange[]; moved: string[] }
  connections: { added: Connection[]; removed: Connection[] }
  inputs: ListDiff<WorkflowParameter>
  outputs: ListDiff<WorkflowParameter>
  variables: ListDiff<VariableDefinition>
  /** True when nothing but canvas positions differ. */
  unchanged: boolean
}

/** JSON with object keys sorted, so that two values equal in content compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null)
}

function fieldChange(field: string, label: string, before: unknown, after: unknown): FieldChange[] {
  return same(before, after) ? [] : [{ field, label, before, after }]
}

/** A connection in words and as a key: "from —outcome→ to" (the outcome is Done when left out). */
export function connectionKey(c: Connection): string {
  return `${c.from} —${c.outcome || 'Done'}→ ${c.to}`
}

function outgoing(connections: Connection[], activityId: string): string[] {
  return connections
    .filter((c) => c.from === activityId)
    .map((c) => `${c.outcome || 'Done'} → ${c.to}`)
    .sort()
}

function diffActivity(before: ActivityNode, after: ActivityNode, old: WorkflowDefinition, next: WorkflowDefinition): FieldChange[] {
  const changes: FieldChange[] = [
    ...fieldChange('type', 'Activity type', before.type, after.type),
    ...fieldChange('displayName', 'Display name', before.displayName, after.displayName),
  ]
  const inputNames = [...new Set([...Object.keys(before.inputs ?? {}), ...Object.keys(after.inputs ?? {})])].sort()
  for (const name of inputNames) {
    changes.push(...fieldChange(`inputs.${name}`, `Input “${name}”`, before.inputs?.[name], after.inputs?.[name]))
  }
  changes.push(...fieldChange('retry', 'Retry policy', before.retry, after.retry))
  const beforeOut = outgoing(old.connections ?? [], before.id)
  const afterOut = outgoing(next.connections ?? [], after.id)
  if (!same(beforeOut, afterOut)) changes.push({ field: 'connections', label: 'Connections out', before: beforeOut, after: afterOut })
  return changes
}

function diffNamed<T extends { name: string }>(before: T[] = [], after: T[] = []): ListDiff<T> {
  const old = new Map(before.map((p) => [p.name, p]))
  const next = new Map(after.map((p) => [p.name, p]))
  const changed: NamedChange<T>[] = []
  for (const [name, a] of next) {
    const b = old.get(name)
    if (!b) continue
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'name').sort()
    const changes = keys.flatMap((k) =>
      fieldChange(k, k, (b as Record<string, unknown>)[k], (a as Record<string, unknown>)[k]),
    )
    if (changes.length > 0) changed.push({ name, before: b, after: a, changes })
  }
  return {
    added: after.filter((p) => !old.has(p.name)),
    removed: before.filter((p) => !next.has(p.name)),
    changed,
  }
}

/** Everything that differs from `before` to `after`. */
export function diffDefinitions(before: WorkflowDefinition, after: WorkflowDefinition): DefinitionDiff {
  const oldActivities = new Map(before.activities.map((a) => [a.id, a]))
  const newActivities = new Map(after.activities.map((a) => [a.id, a]))
  const changed: ActivityChange[] = []
  const moved: string[] = []
  for (const a of after.activities) {
    const b = oldActivities.get(a.id)
    if (!b) continue
    const changes = diffActivity(b, a, before, after)
    if (changes.length > 0) changed.push({ id: a.id, before: b, after: a, changes })
    if (!same(b.position, a.position)) moved.push(a.id)
  }

  const oldConnections = new Set((before.connections ?? []).map(connectionKey))
  const newConnections = new Set((after.connections ?? []).map(connectionKey))

  const diff: Omit<DefinitionDiff, 'unchanged'> = {
    details: [
      ...fieldChange('name', 'Name', before.name, after.name),
      ...fieldChange('description', 'Description', before.description || undefined, after.description || undefined),
    ],
    activities: {
      added: after.activities.filter((a) => !oldActivities.has(a.id)),
      removed: before.activities.filter((a) => !newActivities.has(a.id)),
      changed,
      moved,
    },
    connections: {
      added: (after.connections ?? []).filter((c) => !oldConnections.has(connectionKey(c))),
      removed: (before.connections ?? []).filter((c) => !newConnections.has(connectionKey(c))),
    },
    inputs: diffNamed(before.inputs, after.inputs),
    outputs: diffNamed(before.outputs, after.outputs),
    variables: diffNamed(before.variables, after.variables),
  }
  const lists = [diff.inputs, diff.outputs, diff.variables]
  const unchanged =
    diff.details.length === 0 &&
    diff.activities.added.length + diff.activities.removed.length + diff.activities.changed.length === 0 &&
    diff.connections.added.length + diff.connections.removed.length === 0 &&
    lists.every((l) => l.added.length + l.removed.length + l.changed.length === 0)
  return { ...diff, unchanged }
}

/** A value as people read it: expressions say which language they are, absent values say so. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return '(not set)'
  if (typeof value === 'string') return value === '' ? '(empty text)' : value
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, Json>
    const keys = Object.keys(v)
    if (keys.length === 1 && keys[0] === '$js') return `JavaScript: ${String(v.$js)}`
    if (keys.length === 1 && keys[0] === '$liquid') return `Liquid template: ${String(v.$liquid)}`
  }
  if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return value.length ? value.join('; ') : '(none)'
  return JSON.stringify(value, null, 1)
}
