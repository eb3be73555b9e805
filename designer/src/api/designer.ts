// Shapes the designer page uses: validation results and saved drafts.
// Kept apart from types.ts (the shared core shapes) so that other pages' additions do not collide with these.

import type { ProblemError } from './client'

/** The answer of POST /api/workflow-definitions/validate. */
export interface ValidationResult {
  valid: boolean
  errors: ProblemError[]
}

// Saved drafts (library.ts), instances, the journal and tasks (operations.ts) have one shape across the app.
export type { SavedDraft } from './library'
export type { InstanceDetail, JournalEntry, JournalKind, JournalPage, HumanTask as HumanTaskItem } from './operations'
