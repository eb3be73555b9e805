import { useState } from 'react'
import { Link } from 'react-router-dom'
import { ApiError } from '../../api/client'
import { deleteDefinition } from '../../api/library'
import type { DefinitionSummary } from '../../api/types'
import Dialog from '../../components/Dialog'
import ErrorAlert from './ErrorAlert'

interface Props {
  definition: DefinitionSummary
  onClose: () => void
  onDeleted: (name: string) => void
}

/** Asks before deleting a workflow and all its versions; explains the refusal while instances still need it. */
export default function DeleteWorkflowDialog({ definition, onClose, onDeleted }: Props) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const stillRunning = error instanceof ApiError && error.status === 409

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await deleteDefinition(definition.id)
      onDeleted(definition.name)
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Delete “${definition.name}”?`} onClose={onClose}>
      <p>
        This deletes the workflow <strong>{definition.name}</strong> ({definition.id}) and all {definition.latestVersion}{' '}
        of its versions. It cannot be undone. Export it first if you may need it again.
      </p>
      {error !== null && (
        <ErrorAlert error={error} intro={stillRunning ? 'The workflow was not deleted: it is still in use.' : 'The workflow was not deleted.'} />
      )}
      {stillRunning && (
        <p>
          Cancel or finish its{' '}
          <Link to={`/instances?definitionId=${encodeURIComponent(definition.id)}`}>running and faulted instances</Link> first,
          then try again.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={confirm} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete workflow'}
        </button>
      </div>
    </Dialog>
  )
}
