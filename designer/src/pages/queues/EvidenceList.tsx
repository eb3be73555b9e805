import { useEffect, useState } from 'react'
import { describeError } from '../../api/client'
import { saveFile } from '../../api/saveFile'
import { fetchDocument, type QueueItemEvidence } from '../../api/queues'
import { formatUkTime } from '../triggers/When'

/**
 * What a bot saved when an attempt ended in a system exception: screenshots shown as images and Playwright traces to
 * download. Both are fetched with the API key (a plain <img src> or link cannot send it) and shown through object URLs.
 */
export default function EvidenceList({ evidence }: { evidence: QueueItemEvidence[] }) {
  if (evidence.length === 0)
    return <p className="card empty-state">No evidence: a bot saves a screenshot and a trace when an attempt ends in a system exception.</p>
  const ordered = [...evidence].sort((a, b) => a.attempt - b.attempt || a.createdAt.localeCompare(b.createdAt))
  const hasTrace = ordered.some((e) => e.kind === 'trace')
  return (
    <>
      <ul className="evidence-list">
        {ordered.map((e) => (
          <li key={e.documentId} className="card">
            {e.kind === 'screenshot' || e.contentType.startsWith('image/') ? <Screenshot evidence={e} /> : <TraceDownload evidence={e} />}
          </li>
        ))}
      </ul>
      {hasTrace && (
        <p className="muted">
          A trace replays the attempt step by step, with the page before and after each action: open the downloaded file with{' '}
          <code>npx playwright show-trace file.zip</code>, or drop it on trace.playwright.dev (it stays in your browser).
        </p>
      )}
    </>
  )
}

function describe(e: QueueItemEvidence): string {
  return `attempt ${e.attempt}, ${formatUkTime(e.createdAt)}`
}

function Screenshot({ evidence }: { evidence: QueueItemEvidence }) {
  const [state, setState] = useState<{ url?: string; error?: string }>({})
  useEffect(() => {
    let url: string | undefined
    let cancelled = false
    fetchDocument(evidence.documentId).then(
      ({ blob }) => {
        if (cancelled) return
        url = URL.createObjectURL(blob)
        setState({ url })
      },
      (e) => {
        if (!cancelled) setState({ error: describeError(e) })
      },
    )
    return () => {
      cancelled = true
      if (url) URL.revokeObjectURL(url)
    }
  }, [evidence.documentId])
  const caption = `Screenshot from ${describe(evidence)}`
  return (
    <figure>
      {state.url ? (
        <img src={state.url} alt={`${caption}: the page when the attempt failed`} />
      ) : state.error ? (
        <p className="field-error" role="alert">
          The screenshot could not be loaded: {state.error}
        </p>
      ) : (
        <p role="status">Loading the screenshot…</p>
      )}
      <figcaption>
        {caption} <span className="muted">({evidence.name})</span>
      </figcaption>
    </figure>
  )
}

function TraceDownload({ evidence }: { evidence: QueueItemEvidence }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function download() {
    setBusy(true)
    setError(null)
    try {
      const { blob, fileName } = await fetchDocument(evidence.documentId)
      saveFile(blob, fileName ?? evidence.name)
    } catch (e) {
      setError(`The trace could not be downloaded: ${describeError(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <p>
        <strong>{evidence.kind === 'trace' ? 'Playwright trace' : evidence.name}</strong> from {describe(evidence)}{' '}
        <span className="muted">({evidence.name})</span>
      </p>
      <button type="button" className="button secondary small" onClick={download} disabled={busy}>
        {busy ? 'Downloading…' : `Download the ${evidence.kind === 'trace' ? 'trace' : 'file'} of attempt ${evidence.attempt}`}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
