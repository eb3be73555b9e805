import { useState, type FormEvent } from 'react'
import { ApiError, describeError } from '../../api/client'
import { addQueueItems, addQueueItemsCsv, type AddItemsResult } from '../../api/queues'
import type { Json } from '../../api/types'

interface Props {
  queue: string
  onAdded: (result: AddItemsResult) => void
}

type Format = 'json' | 'csv'

const examples: Record<Format, string> = {
  json: '[{ "reference": "INV-1001", "priority": "normal", "data": { "supplier": "ACME Ltd", "amount": 120.5 } }]',
  csv: 'reference,supplier,amount\nINV-1001,ACME Ltd,120.50',
}

/**
 * Adds items to a queue from JSON (one item or an array) or CSV (a header row, then a row per item). All are added or
 * none: the server's problems (each naming the item or row and the field) are listed under the box.
 */
export default function AddItemsForm({ queue, onAdded }: Props) {
  const [format, setFormat] = useState<Format>('json')
  const [text, setText] = useState('')
  const [referenceColumn, setReferenceColumn] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<{ summary: string; details: string[] } | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setProblem(null)
    let body: Json | undefined
    if (!text.trim()) {
      setProblem({ summary: 'Enter the items to add.', details: [] })
      return
    }
    if (format === 'json') {
      try {
        body = JSON.parse(text) as Json
      } catch (e) {
        setProblem({ summary: `This is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, details: [] })
        return
      }
    }
    setBusy(true)
    try {
      const result = format === 'json' ? await addQueueItems(queue, body!) : await addQueueItemsCsv(queue, text, referenceColumn.trim() || undefined)
      setText('')
      onAdded(result)
    } catch (e) {
      const details =
        e instanceof ApiError
          ? [
              ...(e.problem.errors ?? []).map((x) => x.message),
              ...(((e.problem as { references?: string[] }).references ?? []).map((r) => `Already in the queue: ${r}`)),
            ]
          : []
      setProblem({ summary: `Nothing was added. ${describeError(e)}`, details })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card add-items" onSubmit={submit} aria-label="Add items">
      <fieldset className="field">
        <legend className="label">Format</legend>
        <div className="row-actions">
          {(['json', 'csv'] as Format[]).map((f) => (
            <label key={f}>
              <input type="radio" name="add-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {f === 'json' ? 'JSON' : 'CSV'}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="add-items-text">Items</label>
        <p id="add-items-hint" className="hint">
          {format === 'json'
            ? 'One item or an array of items, each with reference, priority (high, normal, low), deadline, postponeUntil and data.'
            : 'A header row, then a row per item. Columns reference, priority, deadline and postponeUntil set those fields; every other column is a data field.'}{' '}
          For example: <code>{examples[format]}</code>
        </p>
        <textarea
          id="add-items-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={problem ? 'add-items-hint add-items-error' : 'add-items-hint'}
          aria-invalid={problem ? true : undefined}
          spellCheck={false}
        />
      </div>
      {format === 'csv' && (
        <div className="field">
          <label htmlFor="add-items-reference">Reference column (optional)</label>
          <input id="add-items-reference" value={referenceColumn} onChange={(e) => setReferenceColumn(e.target.value)} aria-describedby="add-items-reference-hint" />
          <p id="add-items-reference-hint" className="hint">
            The header of the column that holds each item's reference, when it is not called “reference”.
          </p>
        </div>
      )}
      {problem && (
        <div id="add-items-error" className="alert error" role="alert">
          <p className="alert-intro">{problem.summary}</p>
          {problem.details.length > 0 && (
            <ul className="problem-list">
              {problem.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add items'}
      </button>
    </form>
  )
}
