import { useId, useMemo, useState, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { describeError, type ProblemError } from '../../api/client'
import type { DefinitionSummary } from '../../api/types'
import { hasRole, useSession } from '../../auth/session'
import { usePageTitle } from '../../layout/usePageTitle'
import CreateWorkflowDialog from './CreateWorkflowDialog'
import DefinitionTable from './DefinitionTable'
import DeleteWorkflowDialog from './DeleteWorkflowDialog'
import DuplicateWorkflowDialog from './DuplicateWorkflowDialog'
import ErrorAlert from './ErrorAlert'
import ImportWorkflowDialog from './ImportWorkflowDialog'
import { definitionStatus, type DefinitionStatus } from './definitionStatus'
import { exportDefinition } from './exportDefinition'
import { useDebouncedValue } from './useDebouncedValue'
import { useDefinitions } from './useDefinitions'
import './LibraryPage.css'

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'duplicate'; definition: DefinitionSummary }
  | { kind: 'delete'; definition: DefinitionSummary }
  | null

interface Notice {
  tone: 'success' | 'warning' | 'error'
  content: ReactNode
}

const statusFilters: { value: '' | DefinitionStatus; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'draft', label: 'Draft (never published)' },
  { value: 'published', label: 'Published, no newer draft' },
  { value: 'draftPending', label: 'Published, with a draft pending' },
]

/** The workflow library: every definition, with search, status filter, create, import, export, duplicate and delete. */
export default function LibraryPage() {
  usePageTitle('Workflows')
  const navigate = useNavigate()
  const user = useSession()
  const canDesign = hasRole(user, 'admin', 'processOwner')
  const searchId = useId()
  const statusId = useId()
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<'' | DefinitionStatus>('')
  const [reloadKey, setReloadKey] = useState(0)
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const debouncedSearch = useDebouncedValue(search, 300)
  const { definitions, loading, error } = useDefinitions(debouncedSearch, reloadKey)

  const shown = useMemo(
    () => (definitions ?? []).filter((d) => !status || definitionStatus(d) === status),
    [definitions, status],
  )
  const filtered = debouncedSearch.trim() !== '' || status !== ''

  function closeAndReload(next: Notice | null) {
    setDialog(null)
    setNotice(next)
    setReloadKey((k) => k + 1)
  }

  async function exportRow(d: DefinitionSummary) {
    try {
      await exportDefinition(d.id)
    } catch (e) {
      setNotice({ tone: 'error', content: <>The workflow could not be exported: {describeError(e)}</> })
    }
  }

  function imported(id: string, name: string, problems: ProblemError[]) {
    const open = <Link to={`/workflows/${encodeURIComponent(id)}`}>Open {name} in the designer</Link>
    closeAndReload(
      problems.length === 0
        ? { tone: 'success', content: <>Imported “{name}” as a draft. {open}.</> }
        : {
            tone: 'warning',
            content: (
              <>
                Imported “{name}” as a draft, but it cannot be published until these problems are fixed. {open}.
                <ul className="problem-list">
                  {problems.map((p, i) => (
                    <li key={i}>
                      {p.activityId && <strong>Step '{p.activityId}': </strong>}
                      {p.message}
                    </li>
                  ))}
                </ul>
              </>
            ),
          },
    )
  }

  return (
    <section className="page library-page">
      <div className="page-header">
        <h1>Workflows</h1>
        {canDesign && (
          <div className="page-actions">
            <button type="button" className="button secondary" onClick={() => setDialog({ kind: 'import' })}>
              Import a workflow
            </button>
            <button type="button" className="button primary" onClick={() => setDialog({ kind: 'create' })}>
              Create a workflow
            </button>
          </div>
        )}
      </div>

      {/* A live region that is always present, so that screen readers announce what an action did. */}
      <div role="status" aria-live="polite">
        {notice && <div className={`alert ${notice.tone}`}>{notice.content}</div>}
      </div>

      <div className="library-filters" role="search" aria-label="Workflows">
        <div className="field">
          <label htmlFor={searchId}>Search</label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name or id"
            aria-describedby={`${searchId}-hint`}
          />
          <p className="hint" id={`${searchId}-hint`}>
            Part of a workflow's name or id.
          </p>
        </div>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as '' | DefinitionStatus)}>
            {statusFilters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      {error !== null ? (
        <>
          <ErrorAlert error={error} intro="The workflows could not be loaded." />
          <button type="button" className="button secondary" onClick={() => setReloadKey((k) => k + 1)}>
            Try again
          </button>
        </>
      ) : definitions === null ? (
        <p role="status">Loading workflows…</p>
      ) : shown.length === 0 ? (
        <div className="card empty-state">
          {filtered ? (
            <p>No workflows match your search. Try fewer letters, or choose “Any status”.</p>
          ) : (
            <>
              <h2>No workflows yet</h2>
              <p>
                A workflow is a process drawn as a flowchart of steps.{' '}
                {canDesign
                  ? 'Create one from scratch, or import a .workflow.json file.'
                  : 'A process owner can create or import one.'}
              </p>
            </>
          )}
        </div>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {shown.length === 1 ? '1 workflow' : `${shown.length} workflows`}
          </p>
          <DefinitionTable
            definitions={shown}
            canDesign={canDesign}
            busy={loading}
            onDuplicate={(d) => setDialog({ kind: 'duplicate', definition: d })}
            onExport={exportRow}
            onDelete={(d) => setDialog({ kind: 'delete', definition: d })}
          />
        </>
      )}

      {dialog?.kind === 'create' && (
        <CreateWorkflowDialog onClose={() => setDialog(null)} onCreated={(id) => navigate(`/workflows/${encodeURIComponent(id)}`)} />
      )}
      {dialog?.kind === 'import' && <ImportWorkflowDialog onClose={() => setDialog(null)} onImported={imported} />}
      {dialog?.kind === 'duplicate' && (
        <DuplicateWorkflowDialog
          source={dialog.definition}
          onClose={() => setDialog(null)}
          onDuplicated={(id, name) =>
            closeAndReload({
              tone: 'success',
              content: (
                <>
                  Made a copy called “{name}”. <Link to={`/workflows/${encodeURIComponent(id)}`}>Open {name} in the designer</Link>.
                </>
              ),
            })
          }
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteWorkflowDialog
          definition={dialog.definition}
          onClose={() => setDialog(null)}
          onDeleted={(name) => closeAndReload({ tone: 'success', content: <>Deleted “{name}”.</> })}
        />
      )}
    </section>
  )
}
