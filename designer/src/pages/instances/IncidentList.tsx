import type { IncidentView } from '../../api/operations'
import { formatDateTime } from './formatTime'

/** The faults recorded against the instance's steps; resolved ones are those a retry got past. */
export default function IncidentList({ incidents, activityNames }: { incidents: IncidentView[]; activityNames: Map<string, string> }) {
  if (incidents.length === 0) return <p className="muted">No step has failed.</p>
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">Incidents</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">What went wrong</th>
            <th scope="col">Attempts</th>
            <th scope="col">When</th>
            <th scope="col">Resolved</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id}>
              <td>
                {activityNames.get(i.activityId) ?? i.activityId} <span className="muted">({i.activityType})</span>
              </td>
              <td>
                {i.message}
                {i.errorType && <div className="muted">{i.errorType}</div>}
              </td>
              <td>{i.attempts}</td>
              <td className="nowrap">{formatDateTime(i.timestamp)}</td>
              <td>{i.resolved ? '✔ Yes, retried' : '✖ No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
