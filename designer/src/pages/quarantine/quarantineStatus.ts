import type { QuarantineStatus } from '../../api/triggers'
import type { FilterCodec } from '../../components/useUrlFilters'

/** The quarantine's states in words, for the filter and the table. */
export const quarantineStatusText: Record<QuarantineStatus, string> = {
  quarantined: 'Waiting for a decision',
  reprocessed: 'Reprocessed',
  discarded: 'Discarded',
}

export type QuarantineFilter = QuarantineStatus | 'all'

export const quarantineFilters: { value: QuarantineFilter; text: string }[] = [
  { value: 'quarantined', text: 'Waiting for a decision' },
  { value: 'reprocessed', text: 'Reprocessed' },
  { value: 'discarded', text: 'Discarded' },
  { value: 'all', text: 'All' },
]

/** The filter in the address (?status=), quarantined when absent or unknown. */
export function filterOf(value: string | null): QuarantineFilter {
  return quarantineFilters.some((f) => f.value === value) ? (value as QuarantineFilter) : 'quarantined'
}

/** The quarantine's one filter in the address: ?status=…, absent for the default (waiting for a decision). */
export const quarantineFilterCodec: FilterCodec<QuarantineFilter> = {
  read: (params) => filterOf(params.get('status')),
  write: (filter) => new URLSearchParams(filter === 'quarantined' ? {} : { status: filter }),
}
