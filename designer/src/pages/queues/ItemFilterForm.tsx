import type { FormEvent } from 'react'
import type { QueueFailureKind, QueueStatistics } from '../../api/queues'
import { useFilterDraft } from '../../components/useUrlFilters'
import { noItemFilters, type ItemDateField, type ItemFilters } from './queueItemFilters'
import { failureKindShort, listableStatuses, queueStatusText } from './queueWords'

interface Props {
  filters: ItemFilters
  /** The filters' query string (changes when the address does). */
  filterKey: string
  /** The queue's failures by reason (from its statistics), offered as reasons to filter by. */
  reasons: QueueStatistics['failuresByReason']
  onApply: (filters: ItemFilters) => void
}

// The failure select's value: a kind alone ("business"), or a kind and a code ("business|unknown-supplier").
const failureValue = (kind: string, code: string) => (code ? `${kind}|${code}` : kind)

/** The item filters, applied with a button (so the list does not change under a keyboard user moving through them). */
export default function ItemFilterForm({ filters, filterKey, reasons, onApply }: Props) {
  const { draft, set, setDraft } = useFilterDraft(filters, filterKey)
  const badRange = !!draft.from && !!draft.to && draft.to < draft.from
  const coded = (reasons ?? []).filter((r) => r.code)
  const current = failureValue(draft.failureKind, draft.failureCode)
  const listed = ['', 'business', 'system', ...coded.map((r) => failureValue(r.kind, r.code!))]

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!badRange) onApply(draft)
  }

  function chooseFailure(value: string) {
    const [kind, code = ''] = value.split('|')
    set({ failureKind: kind as QueueFailureKind | '', failureCode: code })
  }

  return (
    <form className="card filter-form item-filter-form" onSubmit={submit} aria-label="Filter items">
      <div className="field">
        <label htmlFor="item-status">Status</label>
        <select id="item-status" value={draft.status} onChange={(e) => set({ status: e.target.value as ItemFilters['status'] })}>
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
          onChange={(e) => set({ reference: e.target.value })}
        />
        <p id="item-reference-hint" className="hint">
          The whole reference, for example an invoice number; or its start followed by *, as in INV-2026*.
        </p>
      </div>
      <div className="field">
        <label htmlFor="item-failure">Failure</label>
        <select id="item-failure" value={current} aria-describedby="item-failure-hint" onChange={(e) => chooseFailure(e.target.value)}>
          <option value="">Any, or none</option>
          <option value="business">Business exceptions</option>
          <option value="system">System exceptions</option>
          {(coded.length > 0 || !listed.includes(current)) && (
            <optgroup label={`Reasons, the last ${24} hours`}>
              {coded.map((r) => (
                <option key={failureValue(r.kind, r.code!)} value={failureValue(r.kind, r.code!)}>
                  {failureKindShort[r.kind] ?? r.kind}: {r.code} ({r.count === 1 ? '1 attempt' : `${r.count} attempts`})
                </option>
              ))}
              {!listed.includes(current) && (
                <option value={current}>
                  {draft.failureKind ? failureKindShort[draft.failureKind] : 'Any kind'}: {draft.failureCode}
                </option>
              )}
            </optgroup>
          )}
        </select>
        <p id="item-failure-hint" className="hint">
          How the item last failed (an item retried since keeps it).
        </p>
      </div>
      <fieldset className="date-range">
        <legend>Dates</legend>
        <div className="field">
          <label htmlFor="item-date-field">Which date</label>
          <select id="item-date-field" value={draft.dateField} onChange={(e) => set({ dateField: e.target.value as ItemDateField })}>
            <option value="added">Added to the queue</option>
            <option value="updated">Last changed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="item-from">On or after</label>
          <input id="item-from" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="item-to">On or before</label>
          <input
            id="item-to"
            type="date"
            value={draft.to}
            onChange={(e) => set({ to: e.target.value })}
            aria-invalid={badRange ? true : undefined}
            aria-describedby={badRange ? 'item-to-error' : undefined}
          />
          {badRange && (
            <p id="item-to-error" className="field-error">
              This date is before the "on or after" date.
            </p>
          )}
        </div>
      </fieldset>
      <div className="filter-buttons">
        <button type="submit" className="button primary">
          Show items
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setDraft(noItemFilters)
            onApply(noItemFilters)
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  )
}
