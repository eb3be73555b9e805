// The workflow definition endpoints the library and the versions pages use (docs/api.md, "Workflow definitions").

import { api, type ProblemError } from './client'
import type { DefinitionSummary, DefinitionVersion, WorkflowDefinition } from './types'

/** A version without its document: GET /api/workflow-definitions/{id}/versions. */
export interface VersionInfo {
  version: number
  isPublished: boolean
  createdAt: string
  updatedAt: string
  updatedBy?: string | null
  publishedAt?: string | null
  /** The API key that published it; absent for drafts and for versions published before it was recorded. */
  publishedBy?: string | null
  comment?: string | null
}

/** The answer to creating or saving a draft: saved even when not valid, with the problems that block publishing. */
export interface SavedDraft {
  draft: DefinitionVersion
  valid: boolean
  errors: ProblemError[]
}

const base = '/api/workflow-definitions'
const path = (id: string) => `${base}/${encodeURIComponent(id)}`

export function listDefinitions(search: string, signal?: AbortSignal): Promise<DefinitionSummary[]> {
  const query = search.trim() ? `?search=${encodeURIComponent(search.trim())}` : ''
  return api<DefinitionSummary[]>(`${base}${query}`, { signal })
}

/** The newest version (draft or published), or the given one. */
export function getDefinition(id: string, version?: number, signal?: AbortSignal): Promise<DefinitionVersion> {
  return api<DefinitionVersion>(version === undefined ? path(id) : `${path(id)}?version=${version}`, { signal })
}

export function listVersions(id: string, signal?: AbortSignal): Promise<VersionInfo[]> {
  return api<VersionInfo[]>(`${path(id)}/versions`, { signal })
}

/** Creates a definition as draft v1. The body is sent as it is (an imported file may hold anything). */
export function createDefinition(definition: WorkflowDefinition | Record<string, unknown>): Promise<SavedDraft> {
  return api<SavedDraft>(base, { method: 'POST', body: definition })
}

/** Saves the whole document as the draft (a new version when the newest one is published). */
export function saveDraft(definition: WorkflowDefinition): Promise<SavedDraft> {
  return api<SavedDraft>(path(definition.id), { method: 'PUT', body: definition })
}

export function deleteDefinition(id: string): Promise<void> {
  return api<void>(path(id), { method: 'DELETE' })
}
