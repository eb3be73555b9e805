import { describeDuration } from './duration'
import type { EditorProps } from './types'

/** A duration typed as hh:mm:ss or d.hh:mm:ss, with its meaning in words underneath. */
export default function DurationEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  const text = typeof value === 'string' ? value : ''
  const words = text ? describeDuration(text) : null
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="hh:mm:ss"
        value={text}
        aria-describedby={[describedBy, `${id}-words`].filter(Boolean).join(' ')}
        aria-invalid={invalid || (text !== '' && !words) || undefined}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      <p className="hint" id={`${id}-words`}>
        {text === '' ? 'Write hh:mm:ss, or d.hh:mm:ss for days: 2.00:00:00 is two days.' : words ? `Means: ${words}.` : 'Not a duration: write hh:mm:ss, or d.hh:mm:ss for days.'}
      </p>
    </>
  )
}
