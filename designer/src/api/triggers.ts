// Shapes and calls of the trigger pages: triggers and their events, schedules' "run now", the quarantine and the
// documents it keeps (docs/api.md, "Triggers", "Quarantine", "Documents"). Nulls are omitted by the server.

import { api, apiBlob } from './client'
import type { Json } from './types'

export type TriggerEventKind = 'fired' | 'duplicate' | 'quarantined' | 'error' | (string & {})

/** Something that happened to a trigger. */
export interface TriggerEvent {
  id: string
  triggerId: string
  at: string
  kind: TriggerEventKind
  message: string
  instanceId?: string | null
}

/** A trigger of a published workflow (GET /api/triggers). */
export interface TriggerView {
  /** `{workflowId}:{activityId}` */
  id: string
  definitionId: string
  version: number
  activityId: string
  type: string
  key?: string | null
  settings: Record<string, Json>
  paused: boolean
  lastEvent?: TriggerEvent | null
}

export type QuarantineStatus = 'quarantined' | 'reprocessed' | 'discarded'

/** An input a trigger set aside (GET /api/quarantine). */
export interface QuarantinedItem {
  id: string
  triggerId: string
  source: string
  reference: string
  summary: string
  reason: string
  documentId?: string | null
  quarantinedAt: string
  status: QuarantineStatus
  resolvedAt?: string | null
  resolvedBy?: string | null
}

const enc = encodeURIComponent

export const triggersPath = (type?: string) => `/api/triggers${type ? `?type=${enc(type)}` : ''}`
export const triggerPath = (id: string) => `/api/triggers/${enc(id)}`
export const triggerEventsPath = (id: string, limit = 100) => `/api/triggers/${enc(id)}/events?limit=${limit}`

export const listTriggers = (type?: string) => api<TriggerView[]>(triggersPath(type))

/** Pauses (true) or resumes (false) a trigger and returns it as it now is. */
export const setTriggerPaused = (id: string, paused: boolean) =>
  api<TriggerView>(`/api/triggers/${enc(id)}/${paused ? 'pause' : 'resume'}`, { method: 'POST' })

/** POST /api/schedules/{triggerId}/run: starts the schedule's workflow once, now. */
export const runScheduleNow = (id: string) => api<Json>(`/api/schedules/${enc(id)}/run`, { method: 'POST' })

export const quarantinePath = (status: QuarantineStatus | 'all') => `/api/quarantine${status === 'all' ? '' : `?status=${status}`}`

/** Reprocesses (hands back to its trigger) or discards a quarantined item and returns it as it now is. */
export const resolveQuarantined = (id: string, action: 'reprocess' | 'discard') =>
  api<QuarantinedItem>(`/api/quarantine/${enc(id)}/${action}`, { method: 'POST' })

/** A document's content (GET /api/documents/{id}/content), fetched with the API key. */
export const downloadDocument = (id: string) => apiBlob(`/api/documents/${enc(id)}/content`)
