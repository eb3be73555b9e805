import { useState } from 'react'
import { api, describeError } from '../../api/client'
import type { InstanceDetail } from '../../api/operations'
import { hasRole, useSession } from '../../auth/session'
import ConfirmDialog from './ConfirmDialog'

interface InstanceActionsProps {
  detail: InstanceDetail
  onChanged: (detail: InstanceDetail) => void
}

const ended = new Set(['finished', 'cancelled'])

/**
 * Retry (a faulted instance) and Cancel (one that has not ended), offered per the signed-in key's roles: an action the
 * key may not take is disabled with the reason next to it, rather than failing with 403 after a click.
 */
export default function InstanceActions({ detail, onChanged }: InstanceActionsProps) {
  const user = useSession()
  const [busy, setBusy] = useState<'retry' | 'cancel' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  // Actions the instance's state rules out are not offered at all; those the key's roles rule out are shown disabled,
  // with the reason, so an operator knows whom to ask.
  const canRetryNow = detail.status === 'faulted'
  const canCancelNow = !ended.has(detail.status)
  const retryReason = hasRole(user, 'admin', 'operator') ? null : 'Retrying needs the operator or admin role.'
  const cancelReason = hasRole(user, 'admin', 'operator', 'processOwner') ? null : 'Cancelling needs the operator, process owner or admin role.'

  async function run(action: 'retry' | 'cancel') {
    setBusy(action)
    setError(null)
    setMessage(null)
    try {
      const next = await api<InstanceDetail>(`/api/workflow-instances/${detail.id}/${action}`, { method: 'POST' })
      setConfirming(false)
      setMessage(action === 'retry' ? 'The instance was retried.' : 'The instance was cancelled.')
      onChanged(next)
    } catch (e) {
      setConfirming(false)
      setError(`The instance could not be ${action === 'retry' ? 'retried' : 'cancelled'}: ${describeError(e)}`)
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="instance-actions">
      <div className="action-row">
        {!canRetryNow && !canCancelNow && <p className="muted">This instance has ended: there is nothing to retry or cancel.</p>}
        {canRetryNow && (
        <div className="action">
          <button
            type="button"
            className="button primary"
            onClick={() => run('retry')}
            disabled={!!retryReason || busy !== null}
            aria-describedby={retryReason ? 'retry-reason' : undefined}
          >
            {busy === 'retry' ? 'Retrying…' : 'Retry'}
          </button>
          {retryReason && (
            <span id="retry-reason" className="muted">
              {retryReason}
            </span>
          )}
        </div>
        )}
        {canCancelNow && (
        <div className="action">
          <button
            type="button"
            className="button danger"
            onClick={() => setConfirming(true)}
            disabled={!!cancelReason || busy !== null}
            aria-describedby={cancelReason ? 'cancel-reason' : undefined}
          >
            Cancel instance
          </button>
          {cancelReason && (
            <span id="cancel-reason" className="muted">
              {cancelReason}
            </span>
          )}
        </div>
        )}
      </div>
      <div role="status">{message && <p className="alert success">{message}</p>}</div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Cancel this instance?"
        confirmLabel="Yes, cancel the instance"
        cancelLabel="No, keep it"
        onConfirm={() => run('cancel')}
        onClose={() => setConfirming(false)}
        busy={busy === 'cancel'}
      >
        <p>
          The instance stops where it is and cannot be restarted. Its open tasks are cancelled too, and so are any workflows it
          started.
        </p>
      </ConfirmDialog>
    </div>
  )
}
