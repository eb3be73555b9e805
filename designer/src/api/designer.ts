// Shapes the designer page uses: validation results and saved drafts.
// Kept apart from types.ts (the shared core shapes) so that other pages' additions do not collide with these.

import type { ProblemError } from './client'
import type { DefinitionVersion } from './types'

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

// Instances, the journal and tasks have one shape across the app, in operations.ts.
export type { InstanceDetail, JournalEntry, JournalKind, JournalPage, HumanTask as HumanTaskItem } from './operations'
