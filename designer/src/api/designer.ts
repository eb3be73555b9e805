// Shapes the designer page and its test runs use: validation results, saved drafts, instances, the journal and tasks.
// Kept apart from types.ts (the shared core shapes) so that other pages' additions do not collide with these.

import type { ProblemError } from './client'
import type { DefinitionVersion, Json, WorkflowStatus } from './types'

/** The answer of POST /api/workflow-definitions/validate. */
export interface ValidationResult {
  valid: boolean
  errors: ProblemError[]
}

/** The answer of PUT /api/workflow-definitions/{id}: the saved draft and whether it could be published. */
export interface SavedDraft {
  draft: DefinitionVersion
  valid: boolean
  errors: ProblemError[]
}

export interface Bookmark {
  id: string
  kind: 'Timer' | 'Signal' | 'HumanTask' | 'ChildWorkflow' | 'Retry'
  activityId: string
  name?: string | null
  correlationId?: string | null
  dueAt?: string | null
  createdAt: string
}

export interface Incident {
  id: string
  activityId: string
  activityType: string
  message: string
  errorType?: string | null
  attempts: number
  timestamp: string
  resolved: boolean
}

export interface InstanceDetail {
  id: string
  definitionId: string
  definitionVersion: number
  status: WorkflowStatus
  correlationId?: string | null
  input?: Record<string, Json>
  output?: Record<string, Json>
  faultMessage?: string | null
  createdAt: string
  updatedAt: string
  finishedAt?: string | null
  variables: Record<string, Json>
  bookmarks: Bookmark[]
  incidents: Incident[]
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
  outcome?: string | null
  durationMs?: number | null
  message?: string | null
  data?: Json
}

export interface JournalPage {
  items: JournalEntry[]
  nextAfter?: number | null
}

export interface HumanTaskItem {
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
  status: 'open' | 'claimed' | 'completed' | 'cancelled'
  claimedBy?: string | null
  completedBy?: string | null
  createdAt: string
}
