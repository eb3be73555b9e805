import { useEffect, useState } from 'react'
import { describeError } from '../../api/client'
import { previewCron } from '../../api/schedules'

interface Props {
  cron: string
  timeZone: string
}

/**
 * The next three times a cron schedule fires, worked out by the server (GET /api/cron/next-fire-times) in the schedule's
 * own time zone, so that the clock changes are where the schedule will really meet them.
 */
export default function NextFireTimes({ cron, timeZone }: Props) {
  const [times, setTimes] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    setTimes(null)
    setError(null)
    previewCron(cron, timeZone, 3, abort.signal).then(
      (p) => setTimes(p.nextFireTimes),
      (e) => {
        if (!abort.signal.aborted) setError(describeError(e))
      },
    )
    return () => abort.abort()
  }, [cron, timeZone])

  if (error) return <p className="field-error">The next runs could not be worked out: {error}</p>
  return <FireTimeList times={times} timeZone={timeZone} />
}

/** A list of fire times in the schedule's time zone; null while they are being worked out. */
export function FireTimeList({ times, timeZone }: { times: string[] | null; timeZone: string }) {
  if (!times) return <span className="muted">Working out the next runs…</span>
  if (times.length === 0) return <span className="muted">It will not run again.</span>
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone })
  return (
    <ul className="fire-times" aria-label="Next runs">
      {times.map((t) => (
        <li key={t}>
          <time dateTime={t}>{format.format(new Date(t))}</time>
        </li>
      ))}
    </ul>
  )
}
