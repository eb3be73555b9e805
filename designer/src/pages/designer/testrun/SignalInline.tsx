// Resumes a run waiting for a signal: sends the signal with the wait's correlation id and an optional payload.

import { useState } from 'react'
import { api, describeError } from '../../../api/client'
import type { BookmarkView as Bookmark } from '../../../api/operations'

export default function SignalInline({ bookmark, onDone }: { bookmark: Bookmark; onDone: () => void }) {
  const [payload, setPayload] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = `signal-${bookmark.id}`
  const send = async () => {
    let body: unknown
    try {
      body = payload.trim() === '' ? undefined : JSON.parse(payload)
    } catch (e) {
      setError(`The data is not valid JSON: ${(e as Error).message}`)
      return
    }
    try {
      await api(`/api/signals/${encodeURIComponent(bookmark.name ?? '')}`, { method: 'POST', body: { correlationId: bookmark.correlationId ?? undefined, payload: body } })
      setError(null)
      onDone()
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>
        Waiting for the signal “{bookmark.name}”{bookmark.correlationId ? ` for ${bookmark.correlationId}` : ''}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-payload`}>Data to send with it (JSON, optional)</label>
        <textarea id={`${id}-payload`} rows={2} className="code" value={payload} onChange={(e) => setPayload(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="button" className="button primary" onClick={() => void send()}>
        Send signal {bookmark.name}
      </button>
    </section>
  )
}
