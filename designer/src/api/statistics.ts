// GET /api/statistics/instances (the dashboard) and the faulted-instance list it shows (docs/api.md).

import { api } from './client'
import type { InstanceSummary } from './operations'
import type { Page } from './types'

export interface DayCounts {
  /** The calendar day, yyyy-mm-dd, in the server's time zone (Europe/London). */
  date: string
  start: string
  started: number
  finished: number
  faulted: number
  cancelled: number
}

export interface InstanceStatistics {
  timeZone: string
  days: DayCounts[]
  totals: { started: number; finished: number; faulted: number; cancelled: number }
  current: { running: number; suspended: number; faulted: number }
  openTasks: { open: number; claimed: number }
}

export function getInstanceStatistics(days: number, signal?: AbortSignal): Promise<InstanceStatistics> {
  return api<InstanceStatistics>(`/api/statistics/instances?days=${days}`, { signal })
}

/** The newest faulted instances (open incidents). */
export function listFaultedInstances(pageSize: number, signal?: AbortSignal): Promise<Page<InstanceSummary>> {
  return api<Page<InstanceSummary>>(`/api/workflow-instances?status=faulted&pageSize=${pageSize}`, { signal })
}
