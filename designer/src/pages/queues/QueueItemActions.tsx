import { useState } from 'react'
import { describeError } from '../../api/client'
import { actOnQueueItem, type QueueItem, type QueueItemAction } from '../../api/queues'
import ConfirmDialog from '../instances/ConfirmDialog'

interface Props {
  item: QueueItem
  /** How the item is named to a screen reader in the buttons' names ("INV-1"). */
  name: string
  /** Why the signed-in key may not act on items (null when it may); the buttons are disabled and described by it. */
  refusal: string | null
  /** The id of the element that shows `refusal`, for aria-describedby. */
  refusalId: string
  onChanged: (item: QueueItem, message: string) => void
  onError: (message: string) => void
  small?: boolean
}

const labels: Record<QueueItemAction, string> = { retry: 'Retry', abandon: 'Abandon', delete: 'Delete' }
const done: Record<QueueItemAction, string> = { retry: 'retried: it is new again, with fresh attempts', abandon: 'abandoned', delete: 'deleted' }
const failed: Record<QueueItemAction, string> = { retry: 'retried', abandon: 'abandoned', delete: 'deleted' }

const questions: Record<'abandon' | 'delete', { title: string; confirm: string; text: string }> = {
  abandon: {
    title: 'Abandon this item?',
    confirm: 'Yes, abandon it',
    text: 'No bot will take it again unless someone retries it. If a bot holds it now, the bot can no longer complete it.',
  },
  delete: {
    title: 'Delete this item?',
    confirm: 'Yes, delete it',
    text: 'No bot will take it. It is kept for the record, marked deleted, and its reference can be added again.',
  },
}

/** The actions an item's status allows: retry a failed or abandoned item; abandon a new or in-progress one; delete any not in progress. */
export function allowedActions(item: QueueItem): QueueItemAction[] {
  const actions: QueueItemAction[] = []
  if (item.status === 'failed' || item.status === 'abandoned') actions.push('retry')
  if (item.status === 'new' || item.status === 'inProgress') actions.push('abandon')
  if (item.status !== 'inProgress' && item.status !== 'deleted') actions.push('delete')
  return actions
}

/**
 * Retry, abandon and delete for one item. Actions the item's status rules out are not offered; those the key's roles
 * rule out are disabled, described by the reason. Abandon and delete ask first.
 */
export default function QueueItemActions({ item, name, refusal, refusalId, onChanged, onError, small }: Props) {
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState<'abandon' | 'delete' | null>(null)
  const actions = allowedActions(item)

  async function run(action: QueueItemAction) {
    setBusy(true)
    try {
      const next = await actOnQueueItem(item.id, action)
      onChanged(next, `${name} was ${done[action]}.`)
    } catch (e) {
      onError(`${name} could not be ${failed[action]}: ${describeError(e)}`)
    } finally {
      setBusy(false)
      setAsking(null)
    }
  }

  if (actions.length === 0) return <span className="muted">none</span>
  return (
    <div className="row-actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`button ${action === 'retry' ? 'primary' : 'secondary'}${small ? ' small' : ''}`}
          disabled={!!refusal || busy}
          aria-describedby={refusal ? refusalId : undefined}
          aria-label={`${labels[action]} ${name}`}
          onClick={() => (action === 'retry' ? run(action) : setAsking(action))}
        >
          {labels[action]}
        </button>
      ))}
      {asking && (
        <ConfirmDialog
          open
          title={questions[asking].title}
          confirmLabel={questions[asking].confirm}
          cancelLabel="No, leave it"
          onConfirm={() => run(asking)}
          onClose={() => setAsking(null)}
          busy={busy}
        >
          <p>
            <strong>{name}</strong>
          </p>
          <p>{questions[asking].text}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}

/** Why a key may not retry, abandon or delete items; null when it may. */
export function itemActionRefusal(roles: string[] | undefined): string | null {
  return roles?.some((r) => r === 'admin' || r === 'operator') ? null : 'Retrying, abandoning and deleting items need the operator or admin role.'
}
