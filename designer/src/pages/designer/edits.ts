// Pure edits of a workflow definition: every change the canvas, the palette and the property panel make goes
// through one of these, so undo/redo only has to remember whole definitions.

import type { ActivityDescriptor, ActivityNode, Connection, InputValue, Json, Position, WorkflowDefinition } from '../../api/types'
import { layoutPositions } from '../../flowchart/layout'
import { connectionKey } from '../../flowchart/outcomes'

/** Fills in the arrays a saved document may leave out, so the editors can rely on them. */
export function normalise(d: WorkflowDefinition): WorkflowDefinition {
  return {
    ...d,
    inputs: d.inputs ?? [],
    outputs: d.outputs ?? [],
    variables: d.variables ?? [],
    connections: (d.connections ?? []).map((c) => ({ ...c, outcome: c.outcome || 'Done' })),
    activities: (d.activities ?? []).map((a) => ({ ...a, inputs: a.inputs ?? {} })),
  }
}

/** A readable, unused id for a new activity of `type`: humanTask1, decision2, … */
export function newActivityId(definition: WorkflowDefinition, type: string, taken: Set<string> = new Set()): string {
  const base = type.charAt(0).toLowerCase() + type.slice(1).replace(/[^A-Za-z0-9]/g, '')
  const used = new Set([...definition.activities.map((a) => a.id), ...taken])
  for (let n = 1; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`
}

export const ACTIVITY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export function addActivity(d: WorkflowDefinition, descriptor: ActivityDescriptor, position: Position): { definition: WorkflowDefinition; id: string } {
  const id = newActivityId(d, descriptor.type)
  const activity: ActivityNode = { id, type: descriptor.type, inputs: {}, position: { x: Math.round(position.x), y: Math.round(position.y) } }
  return { definition: { ...d, activities: [...d.activities, activity] }, id }
}

export function removeElements(d: WorkflowDefinition, activityIds: Set<string>, connectionKeys: Set<string>): WorkflowDefinition {
  return {
    ...d,
    activities: d.activities.filter((a) => !activityIds.has(a.id)),
    connections: d.connections.filter((c) => !activityIds.has(c.from) && !activityIds.has(c.to) && !connectionKeys.has(connectionKey(c))),
  }
}

/** Adds a connection; a duplicate or a connection to itself changes nothing. */
export function connect(d: WorkflowDefinition, from: string, outcome: string, to: string): WorkflowDefinition {
  if (from === to) return d
  const c: Connection = { from, outcome: outcome || 'Done', to }
  if (d.connections.some((x) => connectionKey(x) === connectionKey(c))) return d
  return { ...d, connections: [...d.connections, c] }
}

/** Makes `to` the only next step of `from`'s port `outcome` (null: no next step). */
export function setNextStep(d: WorkflowDefinition, from: string, outcome: string, to: string | null): WorkflowDefinition {
  const rest = d.connections.filter((c) => !(c.from === from && (c.outcome || 'Done') === outcome))
  return { ...d, connections: to ? [...rest, { from, outcome, to }] : rest }
}

export function updateActivity(d: WorkflowDefinition, id: string, change: (a: ActivityNode) => ActivityNode): WorkflowDefinition {
  return { ...d, activities: d.activities.map((a) => (a.id === id ? change(a) : a)) }
}

/** Sets an input (undefined removes it, so the activity's default applies). */
export function setInput(d: WorkflowDefinition, id: string, name: string, value: InputValue | undefined): WorkflowDefinition {
  return updateActivity(d, id, (a) => {
    const inputs = { ...a.inputs }
    if (value === undefined) delete inputs[name]
    else inputs[name] = value as Json
    return { ...a, inputs }
  })
}

/** Renames an activity and every connection that names it. */
export function renameActivity(d: WorkflowDefinition, oldId: string, newId: string): WorkflowDefinition {
  return {
    ...d,
    activities: d.activities.map((a) => (a.id === oldId ? { ...a, id: newId } : a)),
    connections: d.connections.map((c) => ({ ...c, from: c.from === oldId ? newId : c.from, to: c.to === oldId ? newId : c.to })),
  }
}

export function moveActivities(d: WorkflowDefinition, positions: Map<string, Position>): WorkflowDefinition {
  return {
    ...d,
    activities: d.activities.map((a) => {
      const p = positions.get(a.id)
      return p ? { ...a, position: { x: Math.round(p.x), y: Math.round(p.y) } } : a
    }),
  }
}

export function autoLayout(d: WorkflowDefinition): WorkflowDefinition {
  const positions = layoutPositions(d.activities, d.connections)
  return { ...d, activities: d.activities.map((a) => ({ ...a, position: positions[a.id] })) }
}

/** What copy puts on the clipboard: the selected activities and the connections among them. */
export interface Clipboard {
  activities: ActivityNode[]
  connections: Connection[]
}

export function copySelection(d: WorkflowDefinition, ids: Set<string>): Clipboard {
  return {
    activities: d.activities.filter((a) => ids.has(a.id)),
    connections: d.connections.filter((c) => ids.has(c.from) && ids.has(c.to)),
  }
}

/** Pastes copies with fresh ids, moved down and right so they do not hide the originals. */
export function paste(d: WorkflowDefinition, clip: Clipboard, offset = 40): { definition: WorkflowDefinition; ids: string[] } {
  const renamed = new Map<string, string>()
  const fresh = new Set<string>()
  for (const a of clip.activities) {
    const id = newActivityId(d, a.type, fresh)
    fresh.add(id)
    renamed.set(a.id, id)
  }
  const activities = clip.activities.map((a) => ({
    ...structuredClone(a),
    id: renamed.get(a.id)!,
    position: { x: (a.position?.x ?? 0) + offset, y: (a.position?.y ?? 0) + offset },
  }))
  const connections = clip.connections.map((c) => ({ ...c, from: renamed.get(c.from)!, to: renamed.get(c.to)! }))
  return { definition: { ...d, activities: [...d.activities, ...activities], connections: [...d.connections, ...connections] }, ids: [...fresh] }
}
