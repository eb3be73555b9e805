import { useState } from 'react'
import { getDefinition, saveDraft, type VersionInfo } from '../../api/library'
import Dialog from '../../components/Dialog'
import ErrorAlert from '../library/ErrorAlert'

interface Props {
  definitionId: string
  target: VersionInfo
  newest: VersionInfo
  onClose: () => void
  /** Called with the number of the draft that now holds the reverted steps. */
  onReverted: (draftVersion: number) => void
}

/** Confirms, then saves an older version's document as the draft (a new version when the newest is published). */
export default function RevertDialog({ definitionId, target, newest, onClose, onReverted }: Props) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      const old = await getDefinition(definitionId, target.version)
      const saved = await saveDraft(old.definition)
      onReverted(saved.draft.version)
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Revert to version ${target.version}?`} onClose={onClose}>
      <p>
        The steps and settings of version {target.version} are saved as the draft
        {newest.isPublished ? ` (a new version ${newest.version + 1})` : ''}. Published versions are not changed, and running
        instances carry on as they are. Publish the draft to put it into use.
      </p>
      {!newest.isPublished && (
        <p className="alert warning">
          This replaces the current draft, version {newest.version}. Its changes are lost unless you export it first.
        </p>
      )}
      {error !== null && <ErrorAlert error={error} intro="The version was not reverted." />}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={confirm} disabled={busy}>
          {busy ? 'Reverting…' : `Revert to version ${target.version}`}
        </button>
      </div>
    </Dialog>
  )
}
