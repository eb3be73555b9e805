import type { FormEvent } from 'react'
import type { DefinitionSummary } from '../../api/types'
import { useFilterDraft } from '../../components/useUrlFilters'
import type { InstanceFilters } from './instanceFilters'
import { statusOptions } from './StatusLabel'

interface InstanceFilterFormProps {
  filters: InstanceFilters
  /** The filters' query string (changes when the address does). */
  filterKey: string
  definitions: DefinitionSummary[] | undefined
  onApply: (filters: InstanceFilters) => void
}

const none: InstanceFilters = { workflow: '', status: '', from: '', to: '' }

/** The filters, applied with a button (so the list does not change under a keyboard user moving through them). */
export default function InstanceFilterForm({ filters, filterKey, definitions, onApply }: InstanceFilterFormProps) {
  const { draft, set, setDraft } = useFilterDraft(filters, filterKey)
  const badRange = !!draft.from && !!draft.to && draft.to < draft.from

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!badRange) onApply(draft)
  }

  return (
    <form className="card filter-form" onSubmit={submit} aria-label="Filter instances">
      <div className="field">
        <label htmlFor="filter-workflow">Workflow</label>
        <select id="filter-workflow" value={draft.workflow} onChange={(e) => set({ workflow: e.target.value })}>
          <option value="">All workflows</option>
          {draft.workflow && definitions && !definitions.some((d) => d.id === draft.workflow) && (
            <option value={draft.workflow}>{draft.workflow}</option>
          )}
          {definitions?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={draft.status} onChange={(e) => set({ status: e.target.value as InstanceFilters['status'] })}>
          <option value="">Any status</option>
          {statusOptions.map((s) => (
            <option key={s.value} value={s.value}>
              {s.text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-from">Started on or after</label>
        <input id="filter-from" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">Started on or before</label>
        <input
          id="filter-to"
          type="date"
          value={draft.to}
          onChange={(e) => set({ to: e.target.value })}
          aria-invalid={badRange ? true : undefined}
          aria-describedby={badRange ? 'filter-to-error' : undefined}
        />
        {badRange && (
          <p id="filter-to-error" className="field-error">
            This date is before the "on or after" date.
          </p>
        )}
      </div>
      <div className="filter-buttons">
        <button type="submit" className="button primary">
          Show instances
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
