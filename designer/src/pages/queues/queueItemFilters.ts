// A queue's item filters live in the address (?status=failed&reference=INV-1) so that a link or a reload shows the
// same list. They are what GET /api/queues/{name}/items takes: a status and an exact reference.

import type { QueueItemFilter, QueueItemStatus } from '../../api/queues'
import { listableStatuses } from './queueWords'

export interface ItemFilters {
  status: QueueItemStatus | ''
  reference: string
}

export function itemFiltersFromSearch(params: URLSearchParams): ItemFilters {
  const status = params.get('status') ?? ''
  return {
    status: listableStatuses.includes(status as QueueItemStatus) ? (status as QueueItemStatus) : '',
    reference: (params.get('reference') ?? '').trim(),
  }
}

export function itemFiltersToSearch(filters: ItemFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.status) params.set('status', filters.status)
  if (filters.reference.trim()) params.set('reference', filters.reference.trim())
  return params
}

export function toQuery(filters: ItemFilters): QueueItemFilter {
  return { status: filters.status, reference: filters.reference }
}
