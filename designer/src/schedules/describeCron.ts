import cronstrue from 'cronstrue'

/** A Quartz cron expression in plain English ("At 07:30, Monday through Friday"); null when cronstrue cannot read it. */
export function describeCron(text: string): string | null {
  try {
    return cronstrue.toString(text, { throwExceptionOnParseError: true, use24HourTimeFormat: true, locale: 'en' })
  } catch {
    return null
  }
}
