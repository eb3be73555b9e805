import { useState, type FormEvent } from 'react'
import { api, describeError } from '../../api/client'
import type { TaskDetail } from '../../api/operations'
import { useSession } from '../../auth/session'
import { cannotWorkReason, claimedByOther } from './taskRules'

interface TaskAssignmentProps {
  task: TaskDetail
  onChanged: () => void
}

/**
 * Claim (so nobody else works on it), release (back to the pool) and reassign (hand to a named person, which is a
 * release with an assignee in the API). Only what the task rules allow this user is enabled; the rest says why.
 */
export default function TaskAssignment({ task, onChanged }: TaskAssignmentProps) {
  const user = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [assignee, setAssignee] = useState('')
  const [assigneeError, setAssigneeError] = useState<string | null>(null)

  const notAllowed = cannotWorkReason(user, task)
  const heldByOther = claimedByOther(user, task)
  const isAdmin = !!user?.roles.includes('admin')
  const mine = task.status === 'claimed' && task.claimedBy === user?.name
  const releaseReason = notAllowed ?? (heldByOther && !isAdmin ? `Only ${task.claimedBy} or an admin may release it.` : null)

  async function post(action: 'claim' | 'release', body: unknown, done: string) {
    setBusy(true)
    setError(null)
    setMessage(null)
    try {
      await api(`/api/tasks/${task.id}/${action}`, { method: 'POST', body })
      setMessage(done)
      onChanged()
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  function reassign(event: FormEvent) {
    event.preventDefault()
    const name = assignee.trim()
    if (!name) {
      setAssigneeError('Enter the name of the person to give the task to.')
      return
    }
    setAssigneeError(null)
    setAssignee('')
    void post('release', { assignee: name }, `The task was given to ${name}.`)
  }

  return (
    <section className="card side-actions" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">Who is working on it</h2>
      <p>
        {task.status === 'claimed' ? (
          <>
            Claimed by <strong>{mine ? 'you' : task.claimedBy}</strong>.
          </>
        ) : (
          'Nobody has claimed it yet.'
        )}
      </p>
      {notAllowed && <p className="alert warning">{notAllowed}</p>}
      {task.status === 'open' && (
        <button type="button" className="button primary" disabled={busy || !!notAllowed} onClick={() => post('claim', undefined, 'You claimed the task.')}>
          Claim task
        </button>
      )}
      {(task.status === 'claimed' || task.assignee) && (
        <div>
          <button
            type="button"
            className="button secondary"
            disabled={busy || !!releaseReason}
            aria-describedby={releaseReason && !notAllowed ? 'release-reason' : undefined}
            onClick={() => post('release', {}, 'The task is back in the pool for anyone allowed to do it.')}
          >
            {task.status === 'claimed' ? 'Release task' : 'Unassign task'}
          </button>
          {releaseReason && !notAllowed && (
            <p id="release-reason" className="muted">
              {releaseReason}
            </p>
          )}
        </div>
      )}
      <form className="inline-form" onSubmit={reassign} noValidate>
        <div className="field">
          <label htmlFor="reassign-name">Give the task to</label>
          <p id="reassign-hint" className="hint">
            The person's name, as on their API key.
          </p>
          <input
            id="reassign-name"
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            disabled={busy || !!releaseReason}
            aria-invalid={assigneeError ? true : undefined}
            aria-describedby={['reassign-hint', assigneeError ? 'reassign-error' : ''].filter(Boolean).join(' ')}
          />
          {assigneeError && (
            <p id="reassign-error" className="field-error">
              {assigneeError}
            </p>
          )}
        </div>
        <button type="submit" className="button secondary" disabled={busy || !!releaseReason}>
          Reassign
        </button>
      </form>
      <div role="status">{message && <p className="alert success">{message}</p>}</div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
