import { useId, useState } from 'react'
import { createDefinition } from '../../api/library'
import Dialog from '../../components/Dialog'
import ErrorAlert from './ErrorAlert'
import NameAndIdFields, { useNameAndId } from './NameAndIdFields'
import { useNamedSave } from './useNamedSave'
import { newDefinition } from './newDefinition'

interface Props {
  onClose: () => void
  /** Called with the new workflow's id once the server has saved it. */
  onCreated: (id: string) => void
}

/** Name, id and description of a new workflow, saved as draft v1: a Start connected to an End. */
export default function CreateWorkflowDialog({ onClose, onCreated }: Props) {
  const fields = useNameAndId('')
  const [description, setDescription] = useState('')
  const descriptionId = useId()

  const { problems, error, busy, submit } = useNamedSave(fields, async () => {
    await createDefinition(newDefinition(fields.id, fields.name.trim(), description))
    onCreated(fields.id)
  })

  return (
    <Dialog title="Create a workflow" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {error !== null && <ErrorAlert error={error} intro="The workflow was not created." />}
        <NameAndIdFields state={fields} problems={problems} />
        <div className="field">
          <label htmlFor={descriptionId}>Description (optional)</label>
          <textarea id={descriptionId} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create and open'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
