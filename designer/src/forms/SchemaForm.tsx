// STUB: the operations-console engineer owns this component; their version replaces this file at merge.
// It renders a JSON-schema object form with the same props, enough for the designer's test-run panel to compile
// and work with simple string, number, boolean and enum fields.

import type { JSX } from 'react'

export interface SchemaFormProps {
  schema: Record<string, unknown>
  value: Record<string, unknown>
  onChange: (value: Record<string, unknown>) => void
  idPrefix: string
  errors?: Record<string, string>
  disabled?: boolean
}

interface PropertySchema {
  type?: string
  title?: string
  description?: string
  enum?: unknown[]
}

export default function SchemaForm(props: SchemaFormProps): JSX.Element {
  const { schema, value, onChange, idPrefix, errors, disabled } = props
  const properties = (schema.properties ?? {}) as Record<string, PropertySchema>
  const required = (schema.required ?? []) as string[]
  const set = (name: string, v: unknown) => onChange({ ...value, [name]: v })
  return (
    <div>
      {Object.entries(properties).map(([name, p]) => {
        const id = `${idPrefix}-${name}`
        const label = p.title ?? name
        const error = errors?.[name]
        const describedBy = [p.description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        const current = value[name]
        return (
          <div className="field" key={name}>
            {p.type === 'boolean' ? (
              <label htmlFor={id}>
                <input id={id} type="checkbox" checked={current === true} disabled={disabled} onChange={(e) => set(name, e.target.checked)} aria-describedby={describedBy} />{' '}
                {label}
              </label>
            ) : (
              <>
                <label htmlFor={id}>
                  {label}
                  {required.includes(name) ? ' (required)' : ''}
                </label>
                {p.enum ? (
                  <select id={id} value={String(current ?? '')} disabled={disabled} onChange={(e) => set(name, e.target.value)} aria-describedby={describedBy}>
                    <option value="">Choose…</option>
                    {p.enum.map((o) => (
                      <option key={String(o)}>{String(o)}</option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    type={p.type === 'number' || p.type === 'integer' ? 'number' : 'text'}
                    value={current === undefined || current === null ? '' : String(current)}
                    disabled={disabled}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => set(name, p.type === 'number' || p.type === 'integer' ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value)}
                  />
                )}
              </>
            )}
            {p.description && (
              <p className="hint" id={`${id}-hint`}>
                {p.description}
              </p>
            )}
            {error && (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        )
      })}
    </div>
  )
}
