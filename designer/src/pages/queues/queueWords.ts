// Words (and symbols) for the queue pages, so that a status or an action never rests on colour or on a code alone.

import type { QueueFailureKind, QueueItemPriority, QueueItemStatus } from '../../api/queues'
import { shortId } from '../../api/shortId'

export const queueStatuses: Record<QueueItemStatus, { text: string; icon: string }> = {
  new: { text: 'New', icon: '○' },
  inProgress: { text: 'In progress', icon: '▶' },
  successful: { text: 'Successful', icon: '✔' },
  failed: { text: 'Failed', icon: '✖' },
  retried: { text: 'Retried', icon: '↻' },
  abandoned: { text: 'Abandoned', icon: '⊘' },
  deleted: { text: 'Deleted', icon: '■' },
}

/** The statuses an item can be listed by, in the order of its life. */
export const listableStatuses: QueueItemStatus[] = ['new', 'inProgress', 'successful', 'failed', 'abandoned', 'deleted']

/** The statuses the queues page counts (the issue's "counts by status"). */
export const countedStatuses: QueueItemStatus[] = ['new', 'inProgress', 'successful', 'failed', 'abandoned']

export function queueStatusText(status: QueueItemStatus | string): string {
  return queueStatuses[status as QueueItemStatus]?.text ?? status
}

export const priorityText: Record<QueueItemPriority, string> = { high: 'High', normal: 'Normal', low: 'Low' }

export const failureKindText: Record<QueueFailureKind, string> = {
  business: 'Business exception (bad data: not retried)',
  system: 'System exception (retried while attempts are left)',
}

/** Short form of a failure kind for tables. */
export const failureKindShort: Record<string, string> = { business: 'Business', system: 'System' }

const actions: Record<string, string> = {
  added: 'Added',
  taken: 'Taken by a bot',
  completed: 'Completed',
  failed: 'Failed',
  released: 'Released (attempt not counted)',
  leaseExpired: 'Lease ran out',
  abandoned: 'Abandoned',
  retried: 'Retried',
  deleted: 'Deleted',
}

export function historyActionText(action: string): string {
  return actions[action] ?? action
}

/** "45 s", "5 min", "2 h 30 min", "1 day": a whole-unit duration for settings and averages. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return ''
  if (seconds < 1) return 'under 1 s'
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1).replace(/\.0$/, '') : Math.round(seconds)} s`
  const minutes = seconds / 60
  if (minutes < 60) {
    const whole = Math.floor(minutes)
    const rest = Math.round(seconds - whole * 60)
    return rest ? `${whole} min ${rest} s` : `${whole} min`
  }
  const hours = minutes / 60
  if (hours < 24) {
    const whole = Math.floor(hours)
    const rest = Math.round(minutes - whole * 60)
    return rest ? `${whole} h ${rest} min` : `${whole} h`
  }
  const days = hours / 24
  const whole = Math.floor(days)
  const rest = Math.round(hours - whole * 24)
  return `${whole} ${whole === 1 ? 'day' : 'days'}${rest ? ` ${rest} h` : ''}`
}

/** "12 an hour", "2.5 an hour", "0.08 an hour", "none". */
export function formatPerHour(value: number): string {
  if (value === 0) return 'none'
  if (value < 0.01) return 'under 0.01 an hour'
  const shown = value >= 10 ? Math.round(value).toString() : value >= 1 ? value.toFixed(1).replace(/\.0$/, '') : value.toFixed(2)
  return `${shown} an hour`
}

/** How an item is named to a person: its reference, or the start of its id when it has none. */
export function itemName(item: { reference?: string | null; id: string }): string {
  return item.reference ? item.reference : `item ${shortId(item.id)}`
}
