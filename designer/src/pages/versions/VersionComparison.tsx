import { useEffect, useId, useMemo, useState } from 'react'
import { getDefinition, type VersionInfo } from '../../api/library'
import type { WorkflowDefinition } from '../../api/types'
import ErrorAlert from '../library/ErrorAlert'
import DefinitionDiffView from './DefinitionDiffView'
import { diffDefinitions } from './diffDefinitions'

interface Props {
  definitionId: string
  versions: VersionInfo[]
}

function label(v: VersionInfo): string {
  return `Version ${v.version} (${v.isPublished ? 'published' : 'draft'})`
}

/** Two versions chosen side by side (older on the left) and what changed between them. */
export default function VersionComparison({ definitionId, versions }: Props) {
  const olderId = useId()
  const newerId = useId()
  const [older, setOlder] = useState(versions[1]?.version ?? versions[0].version)
  const [newer, setNewer] = useState(versions[0].version)
  const [documents, setDocuments] = useState<{ key: string; before: WorkflowDefinition; after: WorkflowDefinition } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const key = `${older}:${newer}`

  useEffect(() => {
    const controller = new AbortController()
    setError(null)
    Promise.all([getDefinition(definitionId, older, controller.signal), getDefinition(definitionId, newer, controller.signal)]).then(
      ([b, a]) => setDocuments({ key, before: b.definition, after: a.definition }),
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e)
      },
    )
    return () => controller.abort()
  }, [definitionId, older, newer, key])

  const diff = useMemo(() => (documents ? diffDefinitions(documents.before, documents.after) : null), [documents])
  const current = documents?.key === key

  return (
    <section className="card comparison" aria-labelledby={`${olderId}-heading`}>
      <h2 id={`${olderId}-heading`}>Compare two versions</h2>
      <div className="comparison-pickers">
        <div className="field">
          <label htmlFor={olderId}>Older version (left)</label>
          <select id={olderId} value={older} onChange={(e) => setOlder(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={newerId}>Newer version (right)</label>
          <select id={newerId} value={newer} onChange={(e) => setNewer(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== null ? (
        <ErrorAlert error={error} intro="The versions could not be loaded for comparison." />
      ) : !diff || !current ? (
        <p role="status">Loading the two versions…</p>
      ) : older === newer ? (
        <p>Choose two different versions to see what changed.</p>
      ) : (
        <div aria-live="polite">
          <DefinitionDiffView diff={diff} beforeLabel={`Version ${older}`} afterLabel={`Version ${newer}`} />
        </div>
      )}
    </section>
  )
}
