import { useEffect, useState } from 'react'
import { ApiError, describeError } from '../../../api/client'
import { previewCron } from '../../../api/schedules'
import { describeCron } from '../../../schedules/describeCron'
import type { EditorProps } from './types'

const fireTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/London' })

/**
 * A cron expression (Quartz syntax, as schedules run it) with what it means in plain English and the next times it
 * will fire in UK time, which the server works out so that what is shown is what will run, across the clock changes.
 */
export default function CronEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  const text = typeof value === 'string' ? value : ''
  const words = text ? describeCron(text) : null
  const [next, setNext] = useState<string[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    setNext(null)
    setProblem(null)
    if (!text.trim()) return
    const abort = new AbortController()
    const timer = setTimeout(() => {
      previewCron(text.trim(), 'Europe/London', 3, abort.signal)
        .then((p) => setNext(p.nextFireTimes))
        .catch((e) => {
          if (abort.signal.aborted) return
          setProblem(e instanceof ApiError && e.status === 400 ? e.message : describeError(e))
        })
    }, 400)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [text])

  return (
    <>
      <input
        id={id}
        type="text"
        placeholder="0 0 9 ? * MON-FRI"
        value={text}
        aria-describedby={[describedBy, `${id}-words`].filter(Boolean).join(' ')}
        aria-invalid={invalid || !!problem || (text !== '' && !words) || undefined}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      <div className="hint" id={`${id}-words`} aria-live="polite">
        {text === '' && <p>Seconds, minutes, hours, day of month, month, day of week: 0 0 9 ? * MON-FRI is 09:00 on weekdays.</p>}
        {text !== '' && words && <p>Runs: {words}.</p>}
        {problem && <p className="field-error">{problem}</p>}
        {next && next.length > 0 && (
          <>
            <p>Next runs (UK time):</p>
            <ul>
              {next.map((t) => (
                <li key={t}>
                  <time dateTime={t}>{fireTime.format(new Date(t))}</time>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  )
}
