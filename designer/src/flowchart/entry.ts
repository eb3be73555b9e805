// Where a flow begins: the Start activity, or a trigger in its place (the server's WorkflowValidator.IsEntry says the
// same). Every place that treats the first step specially asks here, so Start and triggers never drift apart.

import type { ActivityDescriptor, ActivityNode } from '../api/types'

/** True for an activity a flow begins at: Start, or a trigger activity. Nothing may connect into it. */
export function isEntry(activity: ActivityNode, descriptor: ActivityDescriptor | undefined): boolean {
  return activity.type === 'Start' || descriptor?.isTrigger === true
}
