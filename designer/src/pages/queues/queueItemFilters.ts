// A queue's item filters live in the address (?status=failed&failureKind=business&failureCode=unknown-supplier&
// addedFrom=2026-12-01) so that a link or a reload shows the same list; the keys are those of
// GET /api/queues/{name}/items. Dates are whole days in the user's time zone, sent as local midnights (the "to" day as
// the start of the next, the API's upper bounds being exclusive). A reference ending in * matches references that start
// with what comes before it (referencePrefix); otherwise the whole reference must match.

import type { QueueFailureKind, QueueItemFilter, QueueItemStatus } from '../../api/queues'
import type { FilterCodec } from '../../components/useUrlFilters'
import { startOfDay, validDay } from '../../forms/dateTime'
import { listableStatuses } from './queueWords'

/** Which time the date range applies to: when an item was added, or when it last changed. */
export type ItemDateField = 'added' | 'updated'

export interface ItemFilters {
  status: QueueItemStatus | ''
  /** As typed: the whole reference, or its start followed by `*`. */
  reference: string
  failureKind: QueueFailureKind | ''
  failureCode: string
  dateField: ItemDateField
  /** YYYY-MM-DD or ''. */
  from: string
  to: string
}

export const noItemFilters: ItemFilters = { status: '', reference: '', failureKind: '', failureCode: '', dateField: 'added', from: '', to: '' }

const kinds: QueueFailureKind[] = ['business', 'system']

export function itemFiltersFromSearch(params: URLSearchParams): ItemFilters {
  const status = params.get('status') ?? ''
  const kind = params.get('failureKind') ?? ''
  const prefix = (params.get('referencePrefix') ?? '').trim()
  const dateField: ItemDateField = !params.get('addedFrom') && !params.get('addedTo') && (params.get('updatedFrom') || params.get('updatedTo')) ? 'updated' : 'added'
  return {
    status: listableStatuses.includes(status as QueueItemStatus) ? (status as QueueItemStatus) : '',
    reference: prefix ? `${prefix}*` : (params.get('reference') ?? '').trim(),
    failureKind: kinds.includes(kind as QueueFailureKind) ? (kind as QueueFailureKind) : '',
    failureCode: (params.get('failureCode') ?? '').trim(),
    dateField,
    from: validDay(params.get(`${dateField}From`)),
    to: validDay(params.get(`${dateField}To`)),
  }
}

export function itemFiltersToSearch(filters: ItemFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.status) params.set('status', filters.status)
  const reference = filters.reference.trim()
  if (reference.endsWith('*') && reference.length > 1) params.set('referencePrefix', reference.slice(0, -1))
  else if (reference && reference !== '*') params.set('reference', reference)
  if (filters.failureKind) params.set('failureKind', filters.failureKind)
  if (filters.failureCode.trim()) params.set('failureCode', filters.failureCode.trim())
  if (filters.from) params.set(`${filters.dateField}From`, filters.from)
  if (filters.to) params.set(`${filters.dateField}To`, filters.to)
  return params
}

/** The queue page's item filters in the address. */
export const itemFilterCodec: FilterCodec<ItemFilters> = { read: itemFiltersFromSearch, write: itemFiltersToSearch }

/** The API's filters for `filters`: days become the local midnights that bound them. */
export function toQuery(filters: ItemFilters): QueueItemFilter {
  const search = itemFiltersToSearch(filters)
  const day = (key: string, addDays: number) => (search.get(key) ? startOfDay(search.get(key)!, addDays) : undefined)
  return {
    status: filters.status,
    reference: search.get('reference') ?? undefined,
    referencePrefix: search.get('referencePrefix') ?? undefined,
    failureKind: filters.failureKind,
    failureCode: search.get('failureCode') ?? undefined,
    addedFrom: day('addedFrom', 0),
    addedTo: day('addedTo', 1),
    updatedFrom: day('updatedFrom', 0),
    updatedTo: day('updatedTo', 1),
  }
}

/** The queue page's address listing the items whose last failure was of `kind` with `code` (every one of that kind when code is absent). */
export function failureListPath(queue: string, kind: QueueFailureKind, code?: string | null): string {
  const search = itemFiltersToSearch({ ...noItemFilters, failureKind: kind, failureCode: code ?? '' })
  return `/queues/${encodeURIComponent(queue)}?${search}`
}
