import { useState } from 'react'
import { describeError } from '../../api/client'
import { saveFile } from '../../api/saveFile'
import { downloadDocument } from '../../api/triggers'

interface Props {
  documentId: string
  /** What the file is the raw input of, for screen readers (the item's summary). */
  label: string
}

/**
 * Downloads a document. The API wants the key in a header, which a plain link cannot send: the file is fetched, then
 * saved through a temporary object URL.
 */
export default function DownloadButton({ documentId, label }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function download() {
    setBusy(true)
    setError(null)
    try {
      const { blob, fileName } = await downloadDocument(documentId)
      saveFile(blob, fileName ?? documentId)
    } catch (e) {
      setError(`The file could not be downloaded: ${describeError(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className="button secondary small" onClick={download} disabled={busy} aria-label={`Download raw input: ${label}`}>
        {busy ? 'Downloading…' : 'Download raw input'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
