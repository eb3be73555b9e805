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
