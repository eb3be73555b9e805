// The workflow's inputs, outputs or variables: name, type, required, default, description and secret, one group
// of fields per item.

import type { Json, ValueType, VariableDefinition, WorkflowParameter } from '../../api/types'
import { fieldDomId } from './fieldIds'

export type ParameterKind = 'inputs' | 'outputs' | 'variables'
type Item = WorkflowParameter & VariableDefinition

const types: ValueType[] = ['string', 'number', 'boolean', 'datetime', 'object', 'array', 'any']
const singular: Record<ParameterKind, string> = { inputs: 'Input', outputs: 'Output', variables: 'Variable' }

function parseDefault(type: ValueType, text: string): Json | undefined {
  if (text === '') return undefined
  if (type === 'string' || type === 'datetime') return text
  if (type === 'number') return Number.isNaN(Number(text)) ? text : Number(text)
  try {
    return JSON.parse(text) as Json
  } catch {
    return text
  }
}

const showDefault = (v: Json | undefined) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v))

interface Props {
  kind: ParameterKind
  items: Item[]
  onChange: (items: Item[]) => void
  errors: Map<string, string>
}

export default function ParameterList({ kind, items, onChange, errors }: Props) {
  const label = singular[kind]
  const set = (i: number, change: Partial<Item>) => onChange(items.map((x, j) => (j === i ? { ...x, ...change } : x)))
  const clean = (x: Item): Item => {
    const copy = { ...x }
    for (const k of Object.keys(copy) as (keyof Item)[]) if (copy[k] === undefined) delete copy[k]
    return copy
  }
  return (
    <div className="parameter-list">
      {items.length === 0 && <p className="hint">No {kind} yet.</p>}
      {items.map((item, i) => {
        const id = (f: string) => fieldDomId('workflow', `${kind}[${i}].${f}`)
        const nameError = errors.get(`${kind}[${i}].name`) ?? errors.get(`${kind}[${i}]`)
        return (
          <fieldset key={i} className="parameter">
            <legend>
              {label} {i + 1}
              {item.name ? `: ${item.name}` : ''}
            </legend>
            <div className="field">
              <label htmlFor={id('name')}>Name</label>
              <input
                id={id('name')}
                type="text"
                value={item.name}
                spellCheck={false}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${id('name')}-error` : undefined}
                onChange={(e) => set(i, { name: e.target.value })}
              />
              {nameError && (
                <p className="field-error" id={`${id('name')}-error`}>
                  {nameError}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={id('type')}>Type</label>
              <select id={id('type')} value={item.type ?? 'any'} onChange={(e) => set(i, { type: e.target.value as ValueType })}>
                {types.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
            {kind !== 'variables' && (
              <div className="field">
                <label htmlFor={id('description')}>Description</label>
                <input id={id('description')} type="text" value={item.description ?? ''} onChange={(e) => set(i, { description: e.target.value || undefined })} />
              </div>
            )}
            {kind !== 'outputs' && (
              <div className="field">
                <label htmlFor={id('default')}>Default value</label>
                <input id={id('default')} type="text" value={showDefault(item.default)} onChange={(e) => onChange(items.map((x, j) => (j === i ? clean({ ...x, default: parseDefault(x.type, e.target.value) }) : x)))} />
              </div>
            )}
            <div className="checks">
              {kind === 'inputs' && (
                <label>
                  <input type="checkbox" checked={item.required ?? false} onChange={(e) => set(i, { required: e.target.checked })} /> Required
                </label>
              )}
              <label>
                <input type="checkbox" checked={item.secret ?? false} onChange={(e) => set(i, { secret: e.target.checked })} /> Secret (shown as ***)
              </label>
            </div>
            <button type="button" className="button secondary small" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              Remove {label.toLowerCase()} {item.name || i + 1}
            </button>
          </fieldset>
        )
      })}
      <button type="button" className="button secondary small" onClick={() => onChange([...items, { name: `${label.toLowerCase()}${items.length + 1}`, type: 'string' }])}>
        Add {label.toLowerCase()}
      </button>
    </div>
  )
}
