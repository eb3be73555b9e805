// Shapes of the bots page: the bot workers the bot hosts run and what they did (docs/api.md, "Bots"; docs/bots.md).

import type { QueueFailureKind } from './queues'

export type BotWorkerStatus = 'idle' | 'working' | 'stopping' | 'stopped' | 'misconfigured' | (string & {})

/** One bot worker (GET /api/bots). */
export interface BotWorker {
  id: string
  bot: string
  queue: string
  pool?: string | null
  node?: string | null
  status: BotWorkerStatus
  /** Why the worker is misconfigured (an unknown bot or queue). */
  error?: string | null
  itemId?: string | null
  itemReference?: string | null
  startedAt?: string | null
  lastHeartbeat?: string | null
  itemsHandled: number
  itemsFailed: number
  /** Heard from within three heartbeat intervals. */
  online: boolean
}

/** What one bot did on one queue in the window. */
export interface BotThroughput {
  bot: string
  queue: string
  itemsPerHour: number
  successful: number
  failed: number
}

/** How often items failed for one reason in the window. */
export interface FailureReasonCount {
  queue: string
  kind: QueueFailureKind
  code?: string | null
  count: number
}

/** GET /api/bots/metrics?hours=… */
export interface BotMetrics {
  hours?: number
  since?: string
  bots: BotThroughput[]
  failuresByReason: FailureReasonCount[]
}

export const botsPath = '/api/bots'
export const botMetricsPath = (hours: number) => `/api/bots/metrics?hours=${hours}`
