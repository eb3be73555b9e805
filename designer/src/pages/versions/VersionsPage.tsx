import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router-dom'
import { describeError, ApiError } from '../../api/client'
import type { VersionInfo } from '../../api/library'
import { hasRole, useSession } from '../../auth/session'
import { usePageTitle } from '../../layout/usePageTitle'
import ErrorAlert from '../library/ErrorAlert'
import RelativeTime from '../library/RelativeTime'
import { exportDefinition } from '../library/exportDefinition'
import RevertDialog from './RevertDialog'
import VersionComparison from './VersionComparison'
import { useVersions } from './useVersions'
import './VersionsPage.css'

/** A workflow's version history, a comparison of any two versions, export of any version and revert to one. */
export default function VersionsPage() {
  const { definitionId = '' } = useParams()
  const user = useSession()
  const canDesign = hasRole(user, 'admin', 'processOwner')
  const [reloadKey, setReloadKey] = useState(0)
  const [reverting, setReverting] = useState<VersionInfo | null>(null)
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; content: ReactNode } | null>(null)
  const { name, versions, error } = useVersions(definitionId, reloadKey)
  usePageTitle(name ? `Versions of ${name}` : 'Versions')
  const designer = `/workflows/${encodeURIComponent(definitionId)}`

  async function exportVersion(v: VersionInfo) {
    try {
      await exportDefinition(definitionId, v.version)
    } catch (e) {
      setNotice({ tone: 'error', content: <>Version {v.version} could not be exported: {describeError(e)}</> })
    }
  }

  if (error !== null) {
    const missing = error instanceof ApiError && error.status === 404
    return (
      <section className="page versions-page">
        <h1>Versions</h1>
        {missing ? (
          <div className="alert error" role="alert">
            There is no workflow with the id “{definitionId}”. It may have been deleted.
          </div>
        ) : (
          <ErrorAlert error={error} intro="The versions could not be loaded." />
        )}
        <p>
          <Link to="/workflows">Back to the workflow library</Link>
        </p>
      </section>
    )
  }

  return (
    <section className="page versions-page">
      <p className="breadcrumbs">
        <Link to="/workflows">Workflows</Link> <span aria-hidden="true">›</span> {name ?? definitionId}
      </p>
      <div className="page-header">
        <h1>Versions of {name ?? definitionId}</h1>
        <div className="page-actions">
          <Link className="button secondary" to={designer}>
            Open in the designer
          </Link>
        </div>
      </div>

      <div role="status" aria-live="polite">
        {notice && <div className={`alert ${notice.tone}`}>{notice.content}</div>}
      </div>

      {versions === null ? (
        <p role="status">Loading versions…</p>
      ) : (
        <>
          <table className="versions-table">
            <caption>Version history, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Published</th>
                <th scope="col">Last saved</th>
                <th scope="col">Comment</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.version}>
                  <th scope="row">v{v.version}</th>
                  <td>
                    <span className={`status-badge ${v.isPublished ? 'published' : 'draft'}`}>
                      {v.isPublished ? 'Published' : 'Draft'}
                    </span>
                  </td>
                  <td>
                    {v.publishedAt ? (
                      <>
                        <RelativeTime value={v.publishedAt} />
                        {/* Versions published before the server recorded publishers have none: say so rather than guess. */}
                        <span className="published-by">
                          {v.publishedBy ? `by ${v.publishedBy}` : <span className="muted">by: not recorded</span>}
                        </span>
                      </>
                    ) : (
                      'Not published'
                    )}
                  </td>
                  <td>
                    <span className="saved-by">{v.updatedBy ?? 'Unknown'}</span>
                    <RelativeTime value={v.updatedAt} />
                  </td>
                  <td>{v.comment || <span className="muted">No comment</span>}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="button secondary small" onClick={() => exportVersion(v)}>
                        Export<span className="visually-hidden"> version {v.version}</span>
                      </button>
                      {canDesign && i > 0 && (
                        <button type="button" className="button secondary small" onClick={() => setReverting(v)}>
                          Revert to this<span className="visually-hidden"> (version {v.version})</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {versions.length > 1 ? (
            // Keyed by the newest version so that a revert starts the comparison again from the new draft.
            <VersionComparison key={versions[0].version} definitionId={definitionId} versions={versions} />
          ) : (
            <p className="card">There is only one version so far, so there is nothing to compare yet.</p>
          )}
        </>
      )}

      {reverting && versions && (
        <RevertDialog
          definitionId={definitionId}
          target={reverting}
          newest={versions[0]}
          onClose={() => setReverting(null)}
          onReverted={(draft) => {
            setReverting(null)
            setNotice({
              tone: 'success',
              content: (
                <>
                  Version {reverting.version} is now the draft, version {draft}. <Link to={designer}>Open it in the designer</Link>{' '}
                  to check it and publish it.
                </>
              ),
            })
            setReloadKey((k) => k + 1)
          }}
        />
      )}
    </section>
  )
}
