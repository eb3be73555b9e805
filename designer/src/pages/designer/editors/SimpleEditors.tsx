// The plain typed editors: text, multi-line text, number, yes/no, choice and date and time.

import type { EditorProps } from './types'

const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v))

export function TextEditor({ id, input, value, onChange, describedBy, invalid }: EditorProps) {
  // The default shows as the placeholder: an empty field means the default (a trigger's time zone, for example).
  const placeholder = typeof input.default === 'string' ? input.default : undefined
  return (
    <input
      id={id}
      type="text"
      value={text(value)}
      placeholder={placeholder}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  )
}

export function MultilineEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  return <textarea id={id} rows={3} value={text(value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
}

export function NumberEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  return (
    <input
      id={id}
      type="number"
      value={typeof value === 'number' ? value : ''}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value === '' || Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber)}
    />
  )
}

export function BooleanEditor({ id, input, value, onChange, describedBy, invalid }: EditorProps) {
  const fallback = input.default === true ? 'Yes' : input.default === false ? 'No' : 'not set'
  return (
    <select id={id} value={value === true ? 'true' : value === false ? 'false' : ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
      <option value="">Default ({fallback})</option>
      <option value="true">Yes</option>
      <option value="false">No</option>
    </select>
  )
}

export function ChoiceEditor({ id, input, value, onChange, describedBy, invalid }: EditorProps) {
  const fallback = typeof input.default === 'string' ? input.default : 'not set'
  return (
    <select id={id} value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">Default ({fallback})</option>
      {(input.options ?? []).map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  )
}

/** ISO 8601 in UTC is what the server reads; the browser's picker works in local time without an offset. */
function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function DateTimeEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  return (
    <input
      id={id}
      type="datetime-local"
      value={toLocalInput(value)}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value === '' ? undefined : new Date(e.target.value).toISOString())}
    />
  )
}
