import { Link } from 'react-router-dom'
import type { InstanceSummary } from '../../api/operations'
import type { Page } from '../../api/types'
import RelativeTime from '../library/RelativeTime'

/** The newest faulted instances, each linking to its instance page, where it can be retried or cancelled. */
export default function IncidentList({ incidents }: { incidents: Page<InstanceSummary> }) {
  if (incidents.items.length === 0) {
    return <p>No instance has faulted. Nothing needs attention.</p>
  }
  return (
    <>
      <table className="incident-table">
        <caption className="visually-hidden">Faulted instances, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">Workflow</th>
            <th scope="col">Faulted</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {incidents.items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link to={`/instances/${i.id}`} className="instance-link">
                  <span className="visually-hidden">Instance </span>
                  {i.correlationId ?? i.id.slice(0, 12)}
                </Link>
              </th>
              <td>
                {i.definitionId} <span className="muted">v{i.definitionVersion}</span>
              </td>
              <td>
                <RelativeTime value={i.updatedAt} />
              </td>
              <td className="fault-message">{i.faultMessage ?? 'No message'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {incidents.nextCursor && (
        <p>
          Showing the {incidents.items.length} newest. <Link to="/instances?status=faulted">See every faulted instance</Link>.
        </p>
      )}
    </>
  )
}
