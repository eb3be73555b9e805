// Shapes and calls of the queue pages: work queues, their statistics, items with their history and evidence, and the
// operator's retry, abandon and delete (docs/api.md, "Work queues"; docs/queues.md). Nulls are omitted by the server.

import { api, apiBlob } from './client'
import type { Json, Page } from './types'

export type QueueItemStatus = 'new' | 'inProgress' | 'successful' | 'failed' | 'retried' | 'abandoned' | 'deleted'
export type QueueItemPriority = 'high' | 'normal' | 'low'
export type QueueFailureKind = 'business' | 'system'

/** A queue's settings (GET /api/queues). */
export interface WorkQueueView {
  name: string
  description?: string | null
  duplicatePolicy: 'reject' | 'ignore'
  maxAttempts: number
  leaseSeconds: number
  abandonAfterMinutes: number
  slaMinutes?: number | null
  dataSchema?: { [key: string]: Json } | null
  createdAt: string
  updatedAt: string
}

/** How a queue is doing (GET /api/queues/{name}/statistics). */
export interface QueueStatistics {
  queue: string
  counts: Partial<Record<QueueItemStatus, number>>
  windowHours: number
  finished: number
  throughputPerHour: number
  averageHandlingSeconds?: number | null
  slaBreaches: number
  /** Failed attempts in the window by kind and code (servers with the bot host). */
  failuresByReason?: { queue: string; kind: QueueFailureKind; code?: string | null; count: number }[]
}

/** One unit of work in a queue. */
export interface QueueItem {
  id: string
  queue: string
  reference?: string | null
  priority: QueueItemPriority
  deadline?: string | null
  postponeUntil?: string | null
  data: { [key: string]: Json }
  status: QueueItemStatus
  failureKind?: QueueFailureKind | null
  failureReason?: string | null
  /** The bot's reason code (a business exception's code, or what kind of system exception); present once the bot host records it. */
  failureCode?: string | null
  attempts: number
  output?: { [key: string]: Json } | null
  heldBy?: string | null
  leaseUntil?: string | null
  createdAt: string
  startedAt?: string | null
  completedAt?: string | null
  updatedAt: string
  version: number
}

/** One step of an item's history. */
export interface QueueItemEvent {
  itemId: string
  sequence: number
  at: string
  action: string
  status: QueueItemStatus
  actor?: string | null
  message?: string | null
  /** For a failed attempt: its kind and code (servers with the bot host). */
  failureKind?: QueueFailureKind | null
  failureCode?: string | null
}

/** A document a bot saved while it worked an item: a screenshot or a Playwright trace. */
export interface QueueItemEvidence {
  documentId: string
  name: string
  kind: 'screenshot' | 'trace' | (string & {})
  contentType: string
  attempt: number
  createdAt: string
}

/** GET /api/queue-items/{id}. `evidence` is absent on servers that keep none. */
export interface QueueItemDetail {
  item: QueueItem
  history: QueueItemEvent[]
  evidence?: QueueItemEvidence[] | null
}

/** What adding items answered (201). */
export interface AddItemsResult {
  added: QueueItem[]
  ignoredReferences?: string[]
}

const enc = encodeURIComponent

export const queuesPath = '/api/queues'
export const queuePath = (name: string) => `/api/queues/${enc(name)}`
export const queueStatisticsPath = (name: string, windowHours = 24) => `/api/queues/${enc(name)}/statistics?windowHours=${windowHours}`
export const queueItemPath = (id: string) => `/api/queue-items/${enc(id)}`

/** The filters GET /api/queues/{name}/items takes (times ISO 8601; "to" bounds are exclusive). */
export interface QueueItemFilter {
  status?: QueueItemStatus | ''
  reference?: string
  referencePrefix?: string
  failureKind?: QueueFailureKind | ''
  failureCode?: string
  addedFrom?: string
  addedTo?: string
  updatedFrom?: string
  updatedTo?: string
}

export function queueItemsPath(name: string, filter: QueueItemFilter, cursor?: string, pageSize = 25): string {
  const query = new URLSearchParams({ pageSize: String(pageSize) })
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value)
  if (cursor) query.set('cursor', cursor)
  return `/api/queues/${enc(name)}/items?${query}`
}

export type QueueItemAction = 'retry' | 'abandon' | 'delete'

/** Retries, abandons or deletes an item (admin or operator) and returns it as it now is. */
export const actOnQueueItem = (id: string, action: QueueItemAction) =>
  action === 'delete'
    ? api<QueueItem>(queueItemPath(id), { method: 'DELETE' })
    : api<QueueItem>(`${queueItemPath(id)}/${action}`, { method: 'POST' })

/** Adds one item or a batch (JSON array) to a queue. */
export const addQueueItems = (name: string, items: Json) =>
  api<AddItemsResult>(`/api/queues/${enc(name)}/items`, { method: 'POST', body: items })

/** Adds items from CSV text (a header row, then one row per item). */
export const addQueueItemsCsv = (name: string, csv: string, referenceColumn?: string) =>
  api<AddItemsResult>(`/api/queues/${enc(name)}/items/csv${referenceColumn ? `?referenceColumn=${enc(referenceColumn)}` : ''}`, {
    method: 'POST',
    rawBody: { text: csv, contentType: 'text/csv' },
  })

/** A document's content (a screenshot or trace), fetched with the API key. */
export const fetchDocument = (id: string) => apiBlob(`/api/documents/${enc(id)}/content`)

export type { Page }
