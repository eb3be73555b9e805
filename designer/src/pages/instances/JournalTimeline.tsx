import { useState } from 'react'
import type { JournalEntry } from '../../api/operations'
import { formatDateTime, formatDuration } from './formatTime'
import { journalKindText, problemKinds } from './journalText'

interface JournalTimelineProps {
  entries: JournalEntry[]
  /** Display names of the definition's activities, by id. */
  activityNames: Map<string, string>
  /** More entries exist than were fetched. */
  truncated: boolean
  /** Show only this step's entries (chosen on the chart). */
  activityId?: string | null
  onShowAll?: () => void
}

/** Entries are shown this many at a time: a long-running instance can have thousands. */
const sliceSize = 100

/** Every step the instance took, oldest first: time, step, event, outcome, duration and message, with the data on demand. */
export default function JournalTimeline({ entries: all, activityNames, truncated, activityId, onShowAll }: JournalTimelineProps) {
  const [shown, setShown] = useState(sliceSize)
  const entries = activityId ? all.filter((e) => e.activityId === activityId) : all
  const filter = activityId && (
    <p className="journal-filter" role="status">
      Showing only the entries of the step <strong>{activityNames.get(activityId) ?? activityId}</strong>.{' '}
      <button type="button" className="button secondary" onClick={onShowAll}>
        Show all entries
      </button>
    </p>
  )
  if (entries.length === 0)
    return (
      <>
        {filter}
        <p className="muted">{activityId ? 'This step has not run.' : 'Nothing has been recorded yet.'}</p>
      </>
    )
  const visible = entries.slice(0, shown)
  return (
    <>
      {filter}
      <div className="table-scroll">
        <table className="journal-table">
          <caption className="visually-hidden">Journal, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Step</th>
              <th scope="col">Event</th>
              <th scope="col">Outcome</th>
              <th scope="col">Duration</th>
              <th scope="col">Message and data</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((e) => (
              <tr key={e.sequence} className={problemKinds.has(e.kind) ? 'journal-problem' : undefined}>
                <td className="nowrap">{formatDateTime(e.timestamp)}</td>
                <td>{e.activityId ? (activityNames.get(e.activityId) ?? e.activityId) : <span className="muted">the instance</span>}</td>
                <td>
                  {problemKinds.has(e.kind) && <span aria-hidden="true">✖ </span>}
                  {journalKindText[e.kind] ?? e.kind}
                </td>
                <td>{e.outcome ?? ''}</td>
                <td className="nowrap">{formatDuration(e.durationMs)}</td>
                <td className="journal-message">
                  {e.message && <div>{e.message}</div>}
                  {e.data && Object.keys(e.data).length > 0 && (
                    <details>
                      <summary>Data of entry {e.sequence}</summary>
                      <pre className="json-block" tabIndex={0}>{JSON.stringify(e.data, null, 2)}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(entries.length > shown || truncated) && (
        <p className="journal-more">
          Showing {visible.length} of {entries.length}
          {truncated ? '+' : ''} entries.{' '}
          {entries.length > shown && (
            <button type="button" className="button secondary" onClick={() => setShown((s) => s + sliceSize)}>
              Show {Math.min(sliceSize, entries.length - shown)} more entries
            </button>
          )}
        </p>
      )}
    </>
  )
}
