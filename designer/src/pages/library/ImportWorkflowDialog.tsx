import { useId, useState, type ChangeEvent } from 'react'
import type { ProblemError } from '../../api/client'
import { createDefinition } from '../../api/library'
import Dialog from '../../components/Dialog'
import ErrorAlert from './ErrorAlert'
import NameAndIdFields, { useNameAndId } from './NameAndIdFields'
import { useNamedSave } from './useNamedSave'

interface Props {
  onClose: () => void
  /** Called once the server saved the workflow; `problems` are what must be fixed before it can be published. */
  onImported: (id: string, name: string, problems: ProblemError[]) => void
}

interface ParsedFile {
  fileName: string
  document: Record<string, unknown>
}

/** Imports a `*.workflow.json` file as a new workflow (draft v1), under the id in the file or another one. */
export default function ImportWorkflowDialog({ onClose, onImported }: Props) {
  const fileId = useId()
  const [parsed, setParsed] = useState<ParsedFile | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    setParsed(null)
    setFileError(null)
    const file = event.target.files?.[0]
    if (!file) return
    try {
      const document: unknown = JSON.parse(await file.text())
      if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        setFileError(`${file.name} does not hold a workflow: a workflow file is one JSON object with an id, a name and activities.`)
        return
      }
      setParsed({ fileName: file.name, document: document as Record<string, unknown> })
    } catch (e) {
      setFileError(`${file.name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  return (
    <Dialog title="Import a workflow" onClose={onClose} wide>
      <div className="field">
        <label htmlFor={fileId}>Workflow file</label>
        <p className="hint" id={`${fileId}-hint`}>
          A <code>.workflow.json</code> file exported from this or another Automation server.
        </p>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={chooseFile}
          aria-describedby={`${fileId}-hint`}
          aria-invalid={fileError ? true : undefined}
        />
      </div>
      {fileError && (
        <div role="alert" className="alert error">
          {fileError}
        </div>
      )}
      {parsed ? (
        // Keyed by file so that choosing another file starts again from that file's name and id.
        <ImportForm key={parsed.fileName} parsed={parsed} onClose={onClose} onImported={onImported} />
      ) : (
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      )}
    </Dialog>
  )
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function ImportForm({ parsed, onClose, onImported }: { parsed: ParsedFile } & Props) {
  const fields = useNameAndId(text(parsed.document.name), text(parsed.document.id) || undefined)

  const { problems, error, busy, submit } = useNamedSave(fields, async () => {
    const saved = await createDefinition({ ...parsed.document, id: fields.id, name: fields.name })
    onImported(fields.id, fields.name, saved.valid ? [] : saved.errors)
  })

  return (
    <form onSubmit={submit} noValidate>
      <p>
        Importing <strong>{parsed.fileName}</strong>. Change the id to import it beside a workflow that already has this
        id.
      </p>
      {error !== null && <ErrorAlert error={error} intro="The workflow was not imported." />}
      <NameAndIdFields state={fields} problems={problems} />
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  )
}
