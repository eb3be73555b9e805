import { useEffect, useState } from 'react'
import type { EditorProps } from './types'

const toText = (v: unknown) => (Array.isArray(v) ? v.map(String).join('\n') : '')

/** A list of names, one per line (a HumanTask's outcomes, a Fork's branches). */
export default function StringListEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  const [text, setText] = useState(() => toText(value))
  useEffect(() => {
    setText((current) => (toText(current.split('\n').map((s) => s.trim()).filter(Boolean)) === toText(value) ? current : toText(value)))
  }, [value])
  return (
    <>
      <textarea
        id={id}
        rows={3}
        value={text}
        aria-describedby={[describedBy, `${id}-lines`].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setText(e.target.value)
          const items = e.target.value.split('\n').map((s) => s.trim()).filter(Boolean)
          onChange(items.length ? items : undefined)
        }}
      />
      <p className="hint" id={`${id}-lines`}>
        One per line.
      </p>
    </>
  )
}
