import './RelativeTime.css'

const absoluteFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
const relativeFormat = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' })

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "3 hours ago", "yesterday", "just now": the largest whole unit between <paramref>time</paramref> and now. */
export function relativeTime(time: Date, now: Date = new Date()): string {
  const seconds = (time.getTime() - now.getTime()) / 1000
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit)
  }
  return 'just now'
}

/** "23 Nov 2026, 17:53" in the browser's time zone. */
export function absoluteTime(time: Date): string {
  return absoluteFormat.format(time)
}

/** A time shown both ways: relative for a quick read, absolute for the record (both visible, not only on hover). */
export default function RelativeTime({ value }: { value: string | null | undefined }) {
  if (!value) return <span>—</span>
  const time = new Date(value)
  return (
    <time dateTime={value} className="relative-time">
      {relativeTime(time)}
      <span className="absolute-time">{absoluteTime(time)}</span>
    </time>
  )
}
