import { relativeTime } from '../library/RelativeTime'
import '../library/RelativeTime.css'

const ukTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' })

/** "23 Nov 2026, 17:53:17" in UK time (GMT or BST, whatever the browser's zone), for the trigger pages. */
export function formatUkTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : ukTime.format(date)
}

/** When something happened, in words ("3 minutes ago") and in UK local time underneath, both visible. */
export default function When({ value }: { value: string }) {
  return (
    <time dateTime={value} className="relative-time">
      {relativeTime(new Date(value))}
      <span className="absolute-time">{formatUkTime(value)}</span>
    </time>
  )
}
