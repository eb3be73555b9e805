import type { DefinitionSummary } from '../../api/types'

/** Where a workflow stands: never published, published (newest version), or published with a newer draft. */
export type DefinitionStatus = 'draft' | 'published' | 'draftPending'

export function definitionStatus(d: DefinitionSummary): DefinitionStatus {
  if (!d.publishedVersion) return 'draft'
  return d.latestVersion > d.publishedVersion ? 'draftPending' : 'published'
}

/** The status in words, e.g. "Published v2 · v3 draft pending". */
export function statusText(d: DefinitionSummary): string {
  switch (definitionStatus(d)) {
    case 'draft':
      return `Draft v${d.latestVersion}`
    case 'published':
      return `Published v${d.publishedVersion}`
    case 'draftPending':
      return `Published v${d.publishedVersion} · v${d.latestVersion} draft pending`
  }
}
