// <input type="datetime-local"> speaks "2026-11-23T14:30" in the browser's time zone; JSON Schema's date-time (and the
// server) want ISO 8601 with an offset. These convert between the two.

/** An ISO 8601 date-time as the local "YYYY-MM-DDTHH:mm" a datetime-local input shows; '' when it is not a date. */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A datetime-local input's value as ISO 8601 in UTC; undefined when empty or not a date. */
export function fromLocalInput(local: string): string | undefined {
  if (!local) return undefined
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** `value` when it is a YYYY-MM-DD day (what <input type="date"> speaks), else ''. */
export function validDay(value: string | null | undefined): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ''
}

/**
 * Local midnight of `day` (YYYY-MM-DD) plus `addDays`, as ISO 8601 UTC. Lists take whole days in the user's time zone
 * and the API's upper bounds are exclusive, so a "to" day is sent as the start of the next day (addDays 1).
 */
export function startOfDay(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y, m - 1, d + addDays).toISOString()
}
