// Durations as the server reads them (.NET TimeSpan): "hh:mm:ss" or "d.hh:mm:ss".

const PATTERN = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/

/** "2 days, 4 hours" for "2.04:00:00"; null when the text is not a duration. */
export function describeDuration(text: string): string | null {
  const m = PATTERN.exec(text.trim())
  if (!m) return null
  const [days, hours, minutes, seconds] = [m[1] ?? '0', m[2], m[3], m[4]].map(Number)
  if (hours > 23 || minutes > 59 || seconds > 59) return null
  const parts = [
    [days, 'day'],
    [hours, 'hour'],
    [minutes, 'minute'],
    [seconds, 'second'],
  ]
    .filter(([n]) => n !== 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`)
  return parts.length ? parts.join(', ') : 'no time at all'
}
