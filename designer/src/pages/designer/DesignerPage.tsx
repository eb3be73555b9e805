// The designer page: loads the definition's newest version, its published version number and the activity
// catalogue, then hands them to the workspace. Loading and error states are plain messages.

import { ReactFlowProvider } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { api, describeError } from '../../api/client'
import type { ActivityDescriptor, DefinitionVersion } from '../../api/types'
import { usePageTitle } from '../../layout/usePageTitle'
import DesignerWorkspace from './DesignerWorkspace'
import { needsLayout } from '../../flowchart/layout'
import { autoLayout, normalise } from './edits'
import './Designer.css'

interface VersionInfo {
  version: number
  isPublished: boolean
}

interface Loaded {
  version: DefinitionVersion
  publishedVersion: number | null
  descriptors: ActivityDescriptor[]
}

export default function DesignerPage() {
  const { definitionId = '' } = useParams()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  usePageTitle(loaded ? `${loaded.version.definition.name}: designer` : 'Designer')

  useEffect(() => {
    const abort = new AbortController()
    const id = encodeURIComponent(definitionId)
    setLoaded(null)
    setError(null)
    Promise.all([
      api<DefinitionVersion>(`/api/workflow-definitions/${id}`, { signal: abort.signal }),
      api<VersionInfo[]>(`/api/workflow-definitions/${id}/versions`, { signal: abort.signal }),
      api<ActivityDescriptor[]>('/api/activities', { signal: abort.signal }),
    ])
      .then(([version, versions, descriptors]) => {
        const published = versions.filter((v) => v.isPublished).map((v) => v.version)
        // A flow saved without positions (written by hand or imported) is laid out once; the positions are saved
        // with the next change.
        const definition = normalise(version.definition)
        setLoaded({
          version: { ...version, definition: needsLayout(definition.activities) ? autoLayout(definition) : definition },
          publishedVersion: published.length ? Math.max(...published) : null,
          descriptors,
        })
      })
      .catch((e) => {
        if (!abort.signal.aborted) setError(describeError(e))
      })
    return () => abort.abort()
  }, [definitionId])

  if (error)
    return (
      <section className="page">
        <h1>Designer</h1>
        <div className="alert error" role="alert">
          <p>The workflow “{definitionId}” could not be opened: {error}</p>
          <p>
            <Link to="/workflows">Back to the workflows</Link>
          </p>
        </div>
      </section>
    )
  if (!loaded)
    return (
      <section className="page">
        <h1>Designer</h1>
        <p role="status">Loading the workflow…</p>
      </section>
    )
  return (
    <ReactFlowProvider>
      <DesignerWorkspace key={definitionId} initial={loaded.version} initialPublishedVersion={loaded.publishedVersion} descriptors={loaded.descriptors} />
    </ReactFlowProvider>
  )
}
