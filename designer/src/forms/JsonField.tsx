import { useState } from 'react'

interface JsonFieldProps {
  id: string
  value: unknown
  onChange: (value: unknown) => void
  describedBy?: string
  invalid: boolean
  disabled?: boolean
}

/**
 * A value the form has no dedicated editor for (an object, a list of free values), typed as JSON. The text is kept
 * while it does not parse, so a half-typed value is not lost; the value changes only when the text is valid JSON.
 */
export default function JsonField({ id, value, onChange, describedBy, invalid, disabled }: JsonFieldProps) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)))
  const [parseError, setParseError] = useState(false)
  const errorId = `${id}-json-error`

  function change(next: string) {
    setText(next)
    if (!next.trim()) {
      setParseError(false)
      onChange(undefined)
      return
    }
    try {
      onChange(JSON.parse(next))
      setParseError(false)
    } catch {
      setParseError(true)
    }
  }

  return (
    <>
      <textarea
        id={id}
        className="schema-form-json"
        rows={4}
        spellCheck={false}
        value={text}
        onChange={(e) => change(e.target.value)}
        aria-invalid={invalid || parseError ? true : undefined}
        aria-describedby={[describedBy, parseError ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        disabled={disabled}
      />
      {parseError && (
        <p id={errorId} className="field-error">
          This is not valid JSON yet.
        </p>
      )}
    </>
  )
}
