import type { ReactNode } from 'react'
import type { FieldModel } from './schemaFields'

interface ChoiceGroupProps {
  field: FieldModel
  id: string
  /** One choice (radio buttons) or several (check boxes). */
  multiple: boolean
  value: unknown
  onChange: (value: unknown) => void
  legend: ReactNode
  describedBy?: string
  invalid: boolean
  disabled?: boolean
  children?: ReactNode
}

/** Radio buttons or check boxes in a fieldset whose legend is the field's label (so each choice is announced with it). */
export default function ChoiceGroup({ field, id, multiple, value, onChange, legend, describedBy, invalid, disabled, children }: ChoiceGroupProps) {
  const selected = multiple ? (Array.isArray(value) ? value : []) : [value]
  function toggle(option: string, checked: boolean) {
    if (!multiple) return onChange(option)
    const rest = selected.filter((v) => v !== option)
    // Keep the schema's order, whatever order the boxes were ticked in.
    const next = field.options!.filter((o) => (o === option ? checked : rest.includes(o)))
    onChange(next.length ? next : undefined)
  }
  return (
    <fieldset
      className="schema-form-group"
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      role={multiple ? undefined : 'radiogroup'}
    >
      <legend className="label">{legend}</legend>
      {children}
      {field.options!.map((option, index) => {
        const optionId = `${id}-${index}`
        return (
          <div className="schema-form-choice" key={option}>
            <input
              id={optionId}
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value={option}
              checked={selected.includes(option)}
              onChange={(e) => toggle(option, e.target.checked)}
              disabled={disabled}
            />
            <label htmlFor={optionId}>{option}</label>
          </div>
        )
      })}
    </fieldset>
  )
}
