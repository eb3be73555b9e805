// The instance list's filters live in the address (?workflow=…&status=…&from=…&to=…) so that a link or a reload
// shows the same list. Dates are whole days in the user's time zone; the API's `to` is exclusive, so the "to" day is
// sent as the start of the next day.

import type { WorkflowStatus } from '../../api/types'
import type { FilterCodec } from '../../components/useUrlFilters'
import { startOfDay, validDay } from '../../forms/dateTime'

export interface InstanceFilters {
  workflow: string
  status: WorkflowStatus | ''
  /** YYYY-MM-DD or ''. */
  from: string
  to: string
}

const statuses = ['running', 'suspended', 'finished', 'faulted', 'cancelled']

export function filtersFromSearch(params: URLSearchParams): InstanceFilters {
  const status = params.get('status') ?? ''
  return {
    workflow: params.get('workflow') ?? '',
    status: statuses.includes(status) ? (status as WorkflowStatus) : '',
    from: validDay(params.get('from')),
    to: validDay(params.get('to')),
  }
}

export function filtersToSearch(filters: InstanceFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  return params
}

/** The GET /api/workflow-instances address for the filters and a page cursor. */
export function instancesPath(filters: InstanceFilters, cursor: string | undefined, pageSize = 25): string {
  const query = new URLSearchParams({ pageSize: String(pageSize) })
  if (filters.workflow) query.set('definitionId', filters.workflow)
  if (filters.status) query.set('status', filters.status)
  if (filters.from) query.set('from', startOfDay(filters.from, 0))
  if (filters.to) query.set('to', startOfDay(filters.to, 1))
  if (cursor) query.set('cursor', cursor)
  return `/api/workflow-instances?${query}`
}

/** The instance list's filters in the address. */
export const instanceFilterCodec: FilterCodec<InstanceFilters> = { read: filtersFromSearch, write: filtersToSearch }
