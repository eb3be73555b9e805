// Which outcome ports an activity has: the descriptor's fixed ones, the ones named by its dynamic input (a Switch's
// cases, a HumanTask's outcomes, a Fork's branches) and `Body` for loops. The canvas draws one handle per port.

import type { ActivityDescriptor, ActivityNode, Connection, Json } from '../api/types'

/** The names a dynamic-outcomes input gives: strings, or objects' `name` (Switch cases). */
function namesFrom(value: Json | undefined): string[] | null {
  if (!Array.isArray(value)) return null
  const names = value
    .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' && !Array.isArray(v) && typeof v.name === 'string' ? v.name : ''))
    .filter((n) => n.trim() !== '')
  return names
}

/** The ports of `activity` in display order; ports used by `connections` but not declared are added last. */
export function outcomesOf(activity: ActivityNode, descriptor: ActivityDescriptor | undefined, connections: Connection[] = []): string[] {
  const ports: string[] = []
  const add = (name: string) => {
    if (name && !ports.includes(name)) ports.push(name)
  }
  if (descriptor?.isLoop) add('Body')
  if (descriptor?.dynamicOutcomesInput) {
    const name = descriptor.dynamicOutcomesInput
    const input = descriptor.inputs.find((i) => i.name === name)
    const raw = activity.inputs?.[name] as Json | undefined
    const names = namesFrom(raw) ?? namesFrom(input?.default) ?? []
    names.forEach(add)
    // A HumanTask with no outcomes takes Done.
    if (names.length === 0 && descriptor.outcomes.length === 0) add('Done')
  }
  descriptor?.outcomes.forEach(add)
  if (!descriptor) add('Done')
  connections.filter((c) => c.from === activity.id).forEach((c) => add(c.outcome || 'Done'))
  return ports
}

/** Initials for an activity type's badge: "HumanTask" → "HT", "Log" → "Lo". */
export function initialsOf(type: string): string {
  const capitals = type.match(/[A-Z]/g) ?? []
  if (capitals.length >= 2) return capitals.slice(0, 2).join('')
  return type.slice(0, 2)
}

/** The id of an edge: the connection it draws. */
export function connectionKey(c: Connection): string {
  return `${c.from}:${c.outcome || 'Done'}:${c.to}`
}
