import type { JSX } from 'react'
import ChoiceGroup from './ChoiceGroup'
import FieldControl from './FieldControl'
import { describeFields, type FieldModel } from './schemaFields'
import './SchemaForm.css'

export interface SchemaFormProps {
  schema: Record<string, unknown>
  value: Record<string, unknown>
  onChange: (value: Record<string, unknown>) => void
  /** Prefix of every element id, unique on the page (two forms on one page must differ). */
  idPrefix: string
  /** Error messages keyed by property name (the server's `errors[].field`). */
  errors?: Record<string, string>
  disabled?: boolean
}

/**
 * The fields of a JSON-Schema object as a form (task forms, workflow inputs). Controlled: the value is the object to
 * submit, with a property left out when its field is empty. Each field is labelled, marks "required" in words, and links
 * its description, constraints and error to the control with aria-describedby. Renders fields only, no <form> or
 * buttons, so that the page decides how the value is submitted.
 */
export default function SchemaForm(props: SchemaFormProps): JSX.Element {
  const { schema, value, onChange, idPrefix, errors, disabled } = props
  const fields = describeFields(schema)
  if (fields.length === 0) return <p className="schema-form-empty">There is nothing to fill in.</p>

  function set(name: string, next: unknown) {
    const copy = { ...value }
    if (next === undefined) delete copy[name]
    else copy[name] = next
    onChange(copy)
  }

  return (
    <div className="schema-form">
      {fields.map((field) => (
        <Field key={field.name} field={field} idPrefix={idPrefix} value={value[field.name]} error={errors?.[field.name]} onChange={(v) => set(field.name, v)} disabled={disabled} />
      ))}
    </div>
  )
}

interface FieldProps {
  field: FieldModel
  idPrefix: string
  value: unknown
  error?: string
  onChange: (value: unknown) => void
  disabled?: boolean
}

function Field({ field, idPrefix, value, error, onChange, disabled }: FieldProps) {
  const id = `${idPrefix}-${field.name}`
  const hintId = field.description || field.constraints ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const label = (
    <>
      {field.label}
      {field.required && <span className="schema-form-required"> (required)</span>}
    </>
  )
  const notes = (
    <>
      {hintId && (
        <p id={hintId} className="hint">
          {[field.description, field.constraints].filter(Boolean).join(' ')}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  )

  if (field.kind === 'radio' || field.kind === 'checkboxes')
    return (
      <div className="field">
        <ChoiceGroup field={field} id={id} multiple={field.kind === 'checkboxes'} value={value} onChange={onChange} legend={label} describedBy={describedBy} invalid={!!error} disabled={disabled}>
          {notes}
        </ChoiceGroup>
      </div>
    )

  if (field.kind === 'checkbox')
    return (
      <div className="field schema-form-checkbox">
        <div className="schema-form-choice">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            disabled={disabled}
          />
          <label htmlFor={id}>{label}</label>
        </div>
        {notes}
      </div>
    )

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {notes}
      <FieldControl field={field} id={id} value={value} onChange={onChange} describedBy={describedBy} invalid={!!error} disabled={disabled} />
    </div>
  )
}
