import { useState, type FormEvent } from 'react'
import { itemFiltersToSearch, type ItemFilters } from './queueItemFilters'
import { listableStatuses, queueStatusText } from './queueWords'

interface Props {
  filters: ItemFilters
  onApply: (filters: ItemFilters) => void
}

const none: ItemFilters = { status: '', reference: '' }

/** The item filters, applied with a button (so the list does not change under a keyboard user moving through them). */
export default function ItemFilterForm({ filters, onApply }: Props) {
  const [draft, setDraft] = useState(filters)
  const key = itemFiltersToSearch(filters).toString()
  const [shownKey, setShownKey] = useState(key)
  // The address changed (back button, a link): show its filters.
  if (shownKey !== key) {
    setShownKey(key)
    setDraft(filters)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    onApply(draft)
  }

  return (
    <form className="card filter-form" onSubmit={submit} aria-label="Filter items">
      <div className="field">
        <label htmlFor="item-status">Status</label>
        <select id="item-status" value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as ItemFilters['status'] }))}>
          <option value="">Any status</option>
          {listableStatuses.map((s) => (
            <option key={s} value={s}>
              {queueStatusText(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="item-reference">Reference</label>
        <input
          id="item-reference"
          type="search"
          value={draft.reference}
          aria-describedby="item-reference-hint"
          onChange={(e) => setDraft((d) => ({ ...d, reference: e.target.value }))}
        />
        <p id="item-reference-hint" className="hint">
          The whole reference, for example an invoice number.
        </p>
      </div>
      <div className="filter-buttons">
        <button type="submit" className="button primary">
          Show items
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setDraft(none)
            onApply(none)
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  )
}
