import { useState } from 'react'
import { Link } from 'react-router-dom'
import { describeError } from '../../api/client'
import { quarantinePath, resolveQuarantined, type QuarantinedItem } from '../../api/triggers'
import { hasRole, useSession } from '../../auth/session'
import ListStates from '../../components/ListStates'
import { useUrlFilters } from '../../components/useUrlFilters'
import { usePageTitle } from '../../layout/usePageTitle'
import ConfirmDialog from '../instances/ConfirmDialog'
import { useApiData } from '../instances/useApiData'
import When from '../triggers/When'
import { useListState } from '../triggers/useListState'
import DownloadButton from './DownloadButton'
import { quarantineFilterCodec, quarantineFilters, quarantineStatusText, type QuarantineFilter } from './quarantineStatus'
import '../instances/console.css'
import '../triggers/triggers.css'

type Action = 'reprocess' | 'discard'

const questions: Record<Action, { title: string; confirm: string; text: string }> = {
  reprocess: {
    title: 'Reprocess this input?',
    confirm: 'Yes, reprocess it',
    text: 'It goes back to its trigger, which takes it again as if it had just arrived. If the reason it was set aside has not been put right, it will probably be quarantined again.',
  },
  discard: {
    title: 'Discard this input?',
    confirm: 'Yes, discard it',
    text: 'No workflow will start for it. The record stays here, marked discarded, with who did it.',
  },
}

/** Inputs the triggers set aside (messages that do not parse, files that cannot be read): why, and what to do with them. */
export default function QuarantinePage() {
  usePageTitle('Quarantine')
  const user = useSession()
  const { filters: filter, apply } = useUrlFilters(quarantineFilterCodec)
  const list = useApiData<QuarantinedItem[]>(quarantinePath(filter))
  const rows = useListState(list.data)
  const [asking, setAsking] = useState<{ item: QuarantinedItem; action: Action } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const reason = hasRole(user, 'admin', 'operator') ? null : 'Reprocessing and discarding need the operator or admin role.'

  async function resolve() {
    if (!asking) return
    const { item, action } = asking
    setBusy(true)
    setError(null)
    try {
      const next = await resolveQuarantined(item.id, action)
      rows.replace(next, `“${item.summary}” was ${action === 'reprocess' ? 'handed back to its trigger' : 'discarded'}.`)
    } catch (e) {
      setError(`“${item.summary}” could not be ${action === 'reprocess' ? 'reprocessed' : 'discarded'}: ${describeError(e)}`)
    } finally {
      setBusy(false)
      setAsking(null)
    }
  }

  return (
    <section className="page quarantine-page">
      <div className="heading-row">
        <h1>Quarantine</h1>
        <button type="button" className="button secondary" onClick={list.reload} disabled={list.loading}>
          Refresh list
        </button>
      </div>
      <p className="page-intro">
        Emails and files that a trigger could not use are kept here with the reason, instead of being lost. Put the cause right,
        then reprocess them; or discard those that need no workflow.
      </p>
      <form className="view-filter" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="quarantine-status">Show</label>
          <select
            id="quarantine-status"
            value={filter}
            onChange={(e) => apply(e.target.value as QuarantineFilter)}
          >
            {quarantineFilters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.text}
              </option>
            ))}
          </select>
        </div>
      </form>
      {reason && <p className="muted">{reason}</p>}
      <div role="status">{rows.message && <p className="alert success">{rows.message}</p>}</div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <ListStates
        data={rows.items}
        error={list.error}
        onRetry={list.reload}
        failed="The quarantine could not be loaded"
        loading="Loading the quarantine…"
        empty={filter === 'quarantined' ? 'Nothing is waiting: every input the triggers received could be used.' : 'There is nothing here.'}
      >
        {(items) => (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Quarantined inputs, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Source</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Set aside</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((q) => (
                  <tr key={q.id}>
                    <th scope="row" className="event-message">
                      {q.summary}
                      <div className="muted">
                        Trigger <Link to={`/triggers/${encodeURIComponent(q.triggerId)}`}>{q.triggerId}</Link>
                      </div>
                    </th>
                    <td>{q.source === 'email' ? 'Email' : q.source === 'file' ? 'File' : q.source}</td>
                    <td className="event-message is-error">
                      <span aria-hidden="true">⚠ </span>
                      {q.reason}
                    </td>
                    <td>
                      <When value={q.quarantinedAt} />
                    </td>
                    <td>
                      {quarantineStatusText[q.status] ?? q.status}
                      {q.resolvedAt && (
                        <div className="muted">
                          by {q.resolvedBy ?? 'someone'}, <When value={q.resolvedAt} />
                        </div>
                      )}
                    </td>
                    <td>
                      <div className="row-actions">
                        {q.documentId && <DownloadButton documentId={q.documentId} label={`“${q.summary}”`} />}
                        {q.status === 'quarantined' && (
                          <>
                            <button
                              type="button"
                              className="button secondary small"
                              disabled={!!reason || busy}
                              aria-label={`Reprocess “${q.summary}”`}
                              onClick={() => setAsking({ item: q, action: 'reprocess' })}
                            >
                              Reprocess
                            </button>
                            <button
                              type="button"
                              className="button secondary small"
                              disabled={!!reason || busy}
                              aria-label={`Discard “${q.summary}”`}
                              onClick={() => setAsking({ item: q, action: 'discard' })}
                            >
                              Discard
                            </button>
                          </>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListStates>
      {asking && (
        <ConfirmDialog
          open
          title={questions[asking.action].title}
          confirmLabel={questions[asking.action].confirm}
          cancelLabel="No, leave it"
          onConfirm={resolve}
          onClose={() => setAsking(null)}
          busy={busy}
        >
          <p>
            <strong>{asking.item.summary}</strong>
          </p>
          <p>{questions[asking.action].text}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
