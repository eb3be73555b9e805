import { Link } from 'react-router-dom'
import type { InstanceSummary } from '../../api/operations'
import { formatDateTime } from './formatTime'
import StatusLabel from './StatusLabel'
import { shortId } from '../../api/shortId'

interface ChildInstancesProps {
  childInstances: InstanceSummary[]
  /** Workflow names by definition id (the id is shown when a name is missing). */
  workflowNames: Map<string, string>
}

/** The instances this one started with Run workflow steps, oldest first, each linking to its page. */
export default function ChildInstances({ childInstances, workflowNames }: ChildInstancesProps) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">Instances this instance started, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">Instance</th>
          </tr>
        </thead>
        <tbody>
          {childInstances.map((c) => {
            const name = workflowNames.get(c.definitionId) ?? c.definitionId
            return (
              <tr key={c.id}>
                <td>
                  {name} <span className="muted">v{c.definitionVersion}</span>
                </td>
                <td>
                  <StatusLabel status={c.status} />
                  {c.faultMessage && <div className="fault-line">{c.faultMessage}</div>}
                </td>
                <td>{formatDateTime(c.createdAt)}</td>
                <td>{c.finishedAt ? formatDateTime(c.finishedAt) : <span className="muted">not yet</span>}</td>
                <td>
                  <Link to={`/instances/${encodeURIComponent(c.id)}`} aria-label={`Open instance ${shortId(c.id)} of ${name}`}>
                    <code>{shortId(c.id)}</code>
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
