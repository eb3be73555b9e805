// GET /api/statistics/instances (the dashboard) and the faulted-instance list it shows (docs/api.md).

import { api } from './client'
import type { Page, WorkflowStatus } from './types'

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

/** The fields of an instance list entry that the dashboard shows. */
export interface InstanceListEntry {
  id: string
  definitionId: string
  definitionVersion: number
  status: WorkflowStatus
  correlationId?: string | null
  createdAt: string
  updatedAt: string
  faultMessage?: string | null
}

export function getInstanceStatistics(days: number, signal?: AbortSignal): Promise<InstanceStatistics> {
  return api<InstanceStatistics>(`/api/statistics/instances?days=${days}`, { signal })
}

/** The newest faulted instances (open incidents). */
export function listFaultedInstances(pageSize: number, signal?: AbortSignal): Promise<Page<InstanceListEntry>> {
  return api<Page<InstanceListEntry>>(`/api/workflow-instances?status=faulted&pageSize=${pageSize}`, { signal })
}
