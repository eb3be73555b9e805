import { useState, type FormEvent } from 'react'
import Dialog from '../../components/Dialog'

interface Props {
  version: number
  onPublish: (comment: string) => Promise<string | null>
  onClose: () => void
}

/** Asks for a publish comment; shows the server's problem if publishing fails. */
export default function PublishDialog({ version, onPublish, onClose }: Props) {
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const problem = await onPublish(comment)
    setBusy(false)
    if (problem) setError(problem)
    else onClose()
  }
  return (
    <Dialog title={`Publish version ${version}`} onClose={onClose}>
      <form onSubmit={submit}>
        <p>Publishing freezes this version: new runs will use it. Later edits make a new draft.</p>
        <div className="field">
          <label htmlFor="publish-comment">What changed (optional)</label>
          <textarea id="publish-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        {error && (
          <div className="alert error" role="alert">
            {error}
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}
