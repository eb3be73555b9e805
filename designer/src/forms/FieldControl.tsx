import { fromLocalInput, toLocalInput } from './dateTime'
import JsonField from './JsonField'
import type { FieldModel } from './schemaFields'

interface FieldControlProps {
  field: FieldModel
  id: string
  value: unknown
  /** undefined removes the property, so an emptied optional field is left out and an emptied required one is reported missing. */
  onChange: (value: unknown) => void
  describedBy?: string
  invalid: boolean
  disabled?: boolean
}

/** The input for one single-control field (everything but radio buttons and check-box groups). */
export default function FieldControl({ field, id, value, onChange, describedBy, invalid, disabled }: FieldControlProps) {
  const common = {
    id,
    name: field.name,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? true : undefined,
    'aria-required': field.required ? true : undefined,
    disabled,
  }
  const text = typeof value === 'string' ? value : ''
  const setText = (next: string) => onChange(next === '' ? undefined : next)

  switch (field.kind) {
    case 'textarea':
      return <textarea {...common} rows={5} maxLength={field.maxLength} value={text} onChange={(e) => setText(e.target.value)} />
    case 'email':
      return <input {...common} type="email" autoComplete="email" value={text} onChange={(e) => setText(e.target.value)} />
    case 'date':
      return <input {...common} type="date" value={text} onChange={(e) => setText(e.target.value)} />
    case 'datetime':
      return <input {...common} type="datetime-local" value={toLocalInput(value)} onChange={(e) => onChange(fromLocalInput(e.target.value))} />
    case 'select':
      return (
        <select {...common} value={text} onChange={(e) => setText(e.target.value)}>
          <option value="">Choose…</option>
          {field.options!.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )
    case 'number':
    case 'integer':
      return (
        <input
          {...common}
          type="number"
          inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
          step={field.kind === 'integer' ? 1 : 'any'}
          min={field.minimum}
          max={field.maximum}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' || Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber)}
        />
      )
    case 'json':
      return <JsonField id={id} value={value} onChange={onChange} describedBy={describedBy} invalid={invalid} disabled={disabled} />
    default:
      return <input {...common} type="text" maxLength={field.maxLength} value={text} onChange={(e) => setText(e.target.value)} />
  }
}
