// The server's task rules (docs/api.md, "Task rules"), mirrored so the page offers only what will be accepted and
// says why when something is not. The server still decides: a refusal it sends is shown as it is.

import type { HumanTask } from '../../api/operations'
import type { SessionUser } from '../../auth/session'

/** Why this user may not work the task (claim, release, complete), or null when they may. */
export function cannotWorkReason(user: SessionUser | null, task: HumanTask): string | null {
  if (!user) return 'You are not signed in.'
  if (user.roles.includes('admin')) return null
  if (task.assignee) return task.assignee === user.name ? null : `This task is assigned to ${task.assignee}.`
  if (task.role && !user.roles.includes(task.role)) return `This task is for the ${task.role} role, which your key does not have.`
  return null
}

export function isActive(task: HumanTask): boolean {
  return task.status === 'open' || task.status === 'claimed'
}

/** Someone other than this user holds the claim. */
export function claimedByOther(user: SessionUser | null, task: HumanTask): boolean {
  return task.status === 'claimed' && !!task.claimedBy && task.claimedBy !== user?.name
}

/** Who the task is for, in words. */
export function taskAudience(task: HumanTask): string {
  if (task.assignee) return task.assignee
  if (task.role) return `the ${task.role} role`
  return 'anyone'
}

/** A problem's `field` ("comment", "#/comment", "data.comment", "items[0].name") as the form property it concerns. */
export function formFieldOf(field: string | null | undefined): string | null {
  if (!field) return null
  const path = field.replace(/^#?\/?/, '').replace(/^data[./]/, '')
  const name = path.split(/[./[]/)[0]
  return name || null
}
