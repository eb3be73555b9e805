import type { DayCounts } from '../../api/statistics'

/** A series of the chart: its name, its count per day, and the fill that tells it apart without colour. */
export interface Series {
  key: 'started' | 'finished' | 'faulted'
  label: string
  /** Which <pattern> fills its bars: solid, diagonal stripes, or cross-hatching. */
  pattern: 'solid' | 'stripes' | 'crosses'
  colour: string
}

// Colours have at least 3:1 contrast on white (WCAG 1.4.11); the patterns carry the difference for everyone else.
export const series: Series[] = [
  { key: 'started', label: 'Started', pattern: 'solid', colour: '#1d4f91' },
  { key: 'finished', label: 'Finished', pattern: 'stripes', colour: '#1e6b34' },
  { key: 'faulted', label: 'Faulted', pattern: 'crosses', colour: '#b3261e' },
]

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' })
const longDay = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })

/** "Mon 10" for the axis; the date is a calendar day (yyyy-mm-dd), so it is formatted in UTC to keep it that day. */
export function shortDay(day: DayCounts): string {
  return weekday.format(new Date(`${day.date}T00:00:00Z`))
}

/** "Monday 10 November" for tables and descriptions. */
export function longDayName(day: DayCounts): string {
  return longDay.format(new Date(`${day.date}T00:00:00Z`))
}

/** A round axis maximum at or above the largest count (at least 1, so an empty chart still has a scale). */
export function axisMax(days: DayCounts[]): number {
  const max = Math.max(1, ...days.flatMap((d) => series.map((s) => d[s.key])))
  if (max <= 5) return max
  const step = 10 ** Math.floor(Math.log10(max))
  return Math.ceil(max / step) * step
}
