import { useEffect, useState } from 'react'
import type { Json } from '../../../api/types'
import type { EditorProps } from './types'

/** JSON typed as text; the value changes only when the text parses, and a parse error is shown until then. */
export default function JsonEditor({ id, input, value, onChange, describedBy, invalid }: EditorProps) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)))
  const [error, setError] = useState<string | null>(null)
  // Undo/redo or another editor changed the value: show it, unless it is what the text already says.
  useEffect(() => {
    setText((current) => {
      try {
        if (current.trim() !== '' && JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current
      } catch {
        /* the text is mid-edit; replace it */
      }
      return value === undefined ? '' : JSON.stringify(value, null, 2)
    })
  }, [value])
  const change = (next: string) => {
    setText(next)
    if (next.trim() === '') {
      setError(null)
      onChange(undefined)
      return
    }
    try {
      const parsed = JSON.parse(next) as Json
      const wants = input.type === 'array' ? 'array' : input.type === 'object' ? 'object' : null
      const is = Array.isArray(parsed) ? 'array' : parsed !== null && typeof parsed === 'object' ? 'object' : typeof parsed
      if (wants && is !== wants) {
        setError(`This must be a JSON ${wants}, written in ${wants === 'array' ? '[ ]' : '{ }'}.`)
        return
      }
      setError(null)
      onChange(parsed)
    } catch (e) {
      setError(`Not valid JSON: ${(e as Error).message}`)
    }
  }
  return (
    <>
      <textarea
        id={id}
        rows={4}
        className="code"
        spellCheck={false}
        value={text}
        aria-describedby={[describedBy, error ? `${id}-json` : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || !!error || undefined}
        onChange={(e) => change(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-json`}>
          {error}
        </p>
      )}
    </>
  )
}
