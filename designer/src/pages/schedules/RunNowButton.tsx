import { useId, useState } from 'react'
import { Link } from 'react-router-dom'
import { describeError } from '../../api/client'
import { runScheduleNow } from '../../api/triggers'
import { hasRole, useSession } from '../../auth/session'
import { shortId } from '../../api/shortId'

interface Props {
  triggerId: string
  /** How the schedule is named to screen readers. */
  name: string
  paused: boolean
}

/**
 * Starts the schedule's workflow once, now (POST /api/schedules/{id}/run). Operators and admins only; others see why.
 * The server's own reason shows when it refuses.
 */
export default function RunNowButton({ triggerId, name, paused }: Props) {
  const user = useSession()
  const reasonId = useId()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string; instanceId?: string | null } | null>(null)
  const reason = !hasRole(user, 'admin', 'operator')
    ? 'Running a schedule needs the operator or admin role.'
    : paused
      ? 'Resume the schedule to run it.'
      : null

  async function run() {
    setBusy(true)
    setResult(null)
    try {
      const answer = await runScheduleNow(triggerId)
      setResult({ ok: true, text: 'Started.', instanceId: answer.instanceId })
    } catch (e) {
      setResult({ ok: false, text: `It could not be run: ${describeError(e)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="trigger-action">
      <button
        type="button"
        className="button primary small"
        onClick={run}
        disabled={busy || !!reason}
        aria-label={`Run now: ${name}`}
        aria-describedby={reason ? reasonId : undefined}
      >
        {busy ? 'Starting…' : 'Run now'}
      </button>
      {reason && (
        <span id={reasonId} className="muted action-reason">
          {reason}
        </span>
      )}
      <div role="status">
        {result?.ok && (
          <span className="action-reason">
            {result.text}{' '}
            {result.instanceId && (
              <Link to={`/instances/${encodeURIComponent(result.instanceId)}`}>
                Instance <code>{shortId(result.instanceId)}</code>
              </Link>
            )}
          </span>
        )}
      </div>
      {result && !result.ok && (
        <p className="field-error" role="alert">
          {result.text}
        </p>
      )}
    </div>
  )
}
