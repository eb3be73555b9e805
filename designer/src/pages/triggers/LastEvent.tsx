import { Link } from 'react-router-dom'
import type { TriggerEvent } from '../../api/triggers'
import EventKindLabel from './EventKindLabel'
import When from './When'
import { shortId } from '../../api/shortId'

/** A trigger's newest event: its kind, when, its message and the instance it started, or "nothing yet". */
export default function LastEvent({ event }: { event: TriggerEvent | null | undefined }) {
  if (!event) return <span className="muted">Nothing has happened yet</span>
  const isError = event.kind === 'error' || event.kind === 'quarantined'
  return (
    <div className="last-event">
      <EventKindLabel kind={event.kind} />
      <When value={event.at} />
      <div className={isError ? 'event-message is-error' : 'event-message'}>{event.message}</div>
      {event.instanceId && (
        <Link to={`/instances/${encodeURIComponent(event.instanceId)}`}>
          Instance <code>{shortId(event.instanceId)}</code>
        </Link>
      )}
    </div>
  )
}
