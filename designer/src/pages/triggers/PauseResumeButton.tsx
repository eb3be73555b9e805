import { useId, useState } from 'react'
import { describeError } from '../../api/client'
import { setTriggerPaused, type TriggerView } from '../../api/triggers'
import { hasRole, useSession } from '../../auth/session'

interface Props {
  trigger: TriggerView
  /** How the trigger is named to screen readers ("Pause Night run's schedule"). */
  name: string
  onChanged: (next: TriggerView) => void
}

/**
 * Pause or Resume, whichever applies. Only operators and admins may: for other keys the button is disabled with the
 * reason beside it, rather than failing with 403 after a click. The server's problem shows under it when it fails.
 */
export default function PauseResumeButton({ trigger, name, onChanged }: Props) {
  const user = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const reasonId = useId()
  const reason = hasRole(user, 'admin', 'operator') ? null : 'Pausing and resuming needs the operator or admin role.'
  const verb = trigger.paused ? 'Resume' : 'Pause'

  async function toggle() {
    setBusy(true)
    setError(null)
    try {
      onChanged(await setTriggerPaused(trigger.id, !trigger.paused))
    } catch (e) {
      setError(`Could not ${verb.toLowerCase()} it: ${describeError(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="trigger-action">
      <button
        type="button"
        className="button secondary small"
        onClick={toggle}
        disabled={busy || !!reason}
        aria-label={`${verb} ${name}`}
        aria-describedby={reason ? reasonId : undefined}
      >
        {busy ? `${verb === 'Pause' ? 'Pausing' : 'Resuming'}…` : verb}
      </button>
      {reason && (
        <span id={reasonId} className="muted action-reason">
          {reason}
        </span>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
