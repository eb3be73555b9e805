import { useEffect, useState } from 'react'
import { ACTIVITY_ID_PATTERN } from './edits'

interface Props {
  id: string
  domId: string
  taken: string[]
  onRename: (next: string) => void
}

/** The activity's id, editable; applied on Enter or when leaving the field, and only when it is valid and unused. */
export default function ActivityIdField({ id, domId, taken, onRename }: Props) {
  const [text, setText] = useState(id)
  useEffect(() => setText(id), [id])
  const problem =
    text === id ? null : !ACTIVITY_ID_PATTERN.test(text) ? 'Use letters, digits, dots, dashes or underscores, starting with a letter or digit.' : taken.includes(text) ? `Another step is already called ${text}.` : null
  const apply = () => {
    if (text !== id && !problem) onRename(text)
  }
  return (
    <div className="field">
      <label htmlFor={domId}>Step id</label>
      <input
        id={domId}
        type="text"
        value={text}
        spellCheck={false}
        aria-describedby={`${domId}-hint${problem ? ` ${domId}-error` : ''}`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply()
        }}
      />
      <p className="hint" id={`${domId}-hint`}>
        Used in expressions: <code>activities.{text}.output</code>
      </p>
      {problem && (
        <p className="field-error" id={`${domId}-error`}>
          {problem}
        </p>
      )}
    </div>
  )
}
