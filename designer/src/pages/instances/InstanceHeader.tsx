import { Link } from 'react-router-dom'
import type { InstanceDetail } from '../../api/operations'
import { formatDateTime } from './formatTime'
import StatusLabel from './StatusLabel'
import { shortId } from '../../api/shortId'

/** The facts about an instance: which workflow and version, status, reference, parent and times. */
export default function InstanceHeader({ detail, workflowName }: { detail: InstanceDetail; workflowName: string }) {
  return (
    <dl className="facts">
      <div>
        <dt>Workflow</dt>
        <dd>
          <Link to={`/workflows/${encodeURIComponent(detail.definitionId)}?version=${detail.definitionVersion}`}>
            {workflowName}, version {detail.definitionVersion}
          </Link>
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <StatusLabel status={detail.status} />
        </dd>
      </div>
      <div>
        <dt>Reference</dt>
        <dd>{detail.correlationId ?? <span className="muted">none</span>}</dd>
      </div>
      {detail.parentInstanceId && (
        <div>
          <dt>Started by</dt>
          <dd>
            <Link to={`/instances/${detail.parentInstanceId}`}>instance {shortId(detail.parentInstanceId)}</Link>
          </dd>
        </div>
      )}
      <div>
        <dt>Started</dt>
        <dd>{formatDateTime(detail.createdAt)}</dd>
      </div>
      <div>
        <dt>Last change</dt>
        <dd>{formatDateTime(detail.updatedAt)}</dd>
      </div>
      <div>
        <dt>Ended</dt>
        <dd>{detail.finishedAt ? formatDateTime(detail.finishedAt) : <span className="muted">not yet</span>}</dd>
      </div>
      <div>
        <dt>Instance id</dt>
        <dd>
          <code>{detail.id}</code>
        </dd>
      </div>
    </dl>
  )
}
