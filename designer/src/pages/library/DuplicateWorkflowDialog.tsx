import { createDefinition, getDefinition } from '../../api/library'
import type { DefinitionSummary } from '../../api/types'
import Dialog from '../../components/Dialog'
import ErrorAlert from './ErrorAlert'
import NameAndIdFields, { useNameAndId } from './NameAndIdFields'
import { useNamedSave } from './useNamedSave'

interface Props {
  source: DefinitionSummary
  onClose: () => void
  onDuplicated: (id: string, name: string) => void
}

/** Copies the newest version (draft or published) of a workflow as draft v1 of a new workflow. */
export default function DuplicateWorkflowDialog({ source, onClose, onDuplicated }: Props) {
  const fields = useNameAndId(`Copy of ${source.name}`)

  const { problems, error, busy, submit } = useNamedSave(fields, async () => {
    const newest = await getDefinition(source.id)
    const name = fields.name.trim()
    await createDefinition({ ...newest.definition, id: fields.id, name })
    onDuplicated(fields.id, name)
  })

  return (
    <Dialog title={`Duplicate “${source.name}”`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>The copy starts as a draft with the steps of version {source.latestVersion}. The original is not changed.</p>
        {error !== null && <ErrorAlert error={error} intro="The copy was not made." />}
        <NameAndIdFields state={fields} problems={problems} />
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Copying…' : 'Duplicate'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
