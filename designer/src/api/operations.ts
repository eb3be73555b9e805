// Shapes of the operations console's JSON: instances, their journal, and human tasks (docs/api.md, "Workflow
// instances" and "Tasks"). Nulls are omitted by the server, so optional properties may be missing.

import type { Json, WorkflowStatus } from './types'

export interface InstanceSummary {
  id: string
  definitionId: string
  definitionVersion: number
  status: WorkflowStatus
  correlationId?: string | null
  parentInstanceId?: string | null
  createdAt: string
  updatedAt: string
  finishedAt?: string | null
  faultMessage?: string | null
}

export type BookmarkKind = 'Timer' | 'Signal' | 'HumanTask' | 'ChildWorkflow' | 'Retry' | (string & {})

export interface BookmarkView {
  id: string
  kind: BookmarkKind
  activityId: string
  name?: string | null
  correlationId?: string | null
  dueAt?: string | null
  createdAt: string
}

export interface IncidentView {
  id: string
  activityId: string
  activityType: string
  message: string
  errorType?: string | null
  attempts: number
  timestamp: string
  resolved: boolean
}

export interface InstanceDetail extends InstanceSummary {
  input: Record<string, Json>
  output?: Record<string, Json> | null
  variables: Record<string, Json>
  bookmarks: BookmarkView[]
  incidents: IncidentView[]
}

export type JournalKind =
  | 'instanceStarted'
  | 'activityScheduled'
  | 'activityStarted'
  | 'activityCompleted'
  | 'activityFaulted'
  | 'activityRetried'
  | 'bookmarkCreated'
  | 'bookmarkResumed'
  | 'instanceSuspended'
  | 'instanceFinished'
  | 'instanceFaulted'
  | 'instanceCancelled'
  | 'instanceRetried'
  | 'log'

export interface JournalEntry {
  instanceId: string
  sequence: number
  timestamp: string
  kind: JournalKind
  activityId?: string | null
  activityType?: string | null
  scopeId?: string | null
  /** The port(s) taken; a fork's several ports are joined with commas. */
  outcome?: string | null
  durationMs?: number | null
  message?: string | null
  data?: Record<string, Json> | null
}

export interface JournalPage {
  items: JournalEntry[]
  nextAfter?: number | null
}

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled'

export interface HumanTask {
  id: string
  instanceId: string
  definitionId: string
  activityId: string
  bookmarkId: string
  title: string
  description?: string | null
  formSchema?: Record<string, unknown> | null
  assignee?: string | null
  role?: string | null
  dueAt?: string | null
  status: TaskStatus
  claimedBy?: string | null
  completedBy?: string | null
  result?: { outcome?: string; data?: Record<string, Json> } | null
  createdAt: string
  completedAt?: string | null
}

/** GET /api/tasks/{id}: the task plus the outcomes it may be completed with while it is open or claimed. */
export interface TaskDetail extends HumanTask {
  outcomes?: string[] | null
}
