import cronstrue from 'cronstrue'
import type { EditorProps } from './types'

function describeCron(text: string): string | null {
  try {
    return cronstrue.toString(text, { throwExceptionOnParseError: true, use24HourTimeFormat: true, locale: 'en' })
  } catch {
    return null
  }
}

/** A cron expression with what it means in plain English underneath. */
export default function CronEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  const text = typeof value === 'string' ? value : ''
  const words = text ? describeCron(text) : null
  return (
    <>
      <input
        id={id}
        type="text"
        placeholder="0 9 * * MON-FRI"
        value={text}
        aria-describedby={[describedBy, `${id}-words`].filter(Boolean).join(' ')}
        aria-invalid={invalid || (text !== '' && !words) || undefined}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      <p className="hint" id={`${id}-words`}>
        {text === '' ? 'A schedule such as 0 9 * * MON-FRI (9:00 on weekdays).' : words ? `Runs: ${words}.` : 'Not a valid schedule.'}
      </p>
    </>
  )
}
