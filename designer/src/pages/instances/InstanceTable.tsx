import { Link } from 'react-router-dom'
import type { InstanceSummary } from '../../api/operations'
import { formatDateTime } from './formatTime'
import StatusLabel from './StatusLabel'
import { shortId } from '../../api/shortId'

interface InstanceTableProps {
  instances: InstanceSummary[]
  /** Workflow names by definition id (the id is shown when a name is missing). */
  workflowNames: Map<string, string>
  /** The table's caption, read by screen readers. */
  caption: string
  /** Whether to show each instance's reference (correlation id). */
  showReference?: boolean
}

/** Instances one row each: workflow and version, status with its fault, times, and a link to the instance's page. */
export default function InstanceTable({ instances, workflowNames, caption, showReference = false }: InstanceTableProps) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Status</th>
            {showReference && <th scope="col">Reference</th>}
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">Instance</th>
          </tr>
        </thead>
        <tbody>
          {instances.map((i) => {
            const name = workflowNames.get(i.definitionId) ?? i.definitionId
            return (
              <tr key={i.id}>
                <td>
                  {name} <span className="muted">v{i.definitionVersion}</span>
                </td>
                <td>
                  <StatusLabel status={i.status} />
                  {i.faultMessage && <div className="fault-line">{i.faultMessage}</div>}
                </td>
                {showReference && <td>{i.correlationId ?? <span className="muted">none</span>}</td>}
                <td>{formatDateTime(i.createdAt)}</td>
                <td>{i.finishedAt ? formatDateTime(i.finishedAt) : <span className="muted">not yet</span>}</td>
                <td>
                  <Link to={`/instances/${encodeURIComponent(i.id)}`} aria-label={`Open instance ${shortId(i.id)} of ${name}`}>
                    <code>{shortId(i.id)}</code>
                  </Link>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
