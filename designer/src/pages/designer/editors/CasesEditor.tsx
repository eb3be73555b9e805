import type { Json } from '../../../api/types'
import type { EditorProps } from './types'

interface Case {
  name: string
  condition: string
}

const toCases = (v: Json | undefined): Case[] =>
  Array.isArray(v) ? v.map((c) => (c && typeof c === 'object' && !Array.isArray(c) ? { name: String(c.name ?? ''), condition: String(c.condition ?? '') } : { name: '', condition: '' })) : []

/** A Switch's cases: a name (its outcome port) and a JavaScript condition each, tried in order. */
export default function CasesEditor({ id, value, onChange, describedBy }: EditorProps) {
  const cases = toCases(value)
  const set = (next: Case[]) => onChange(next.length ? (next as unknown as Json) : undefined)
  return (
    <div id={id} tabIndex={-1} aria-describedby={describedBy} className="cases-editor">
      {cases.length === 0 && <p className="hint">No cases yet.</p>}
      {cases.map((c, i) => (
        <fieldset key={i} className="case-row">
          <legend>Case {i + 1}</legend>
          <label htmlFor={`${id}-${i}-name`}>Name (outcome port)</label>
          <input id={`${id}-${i}-name`} type="text" value={c.name} onChange={(e) => set(cases.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
          <label htmlFor={`${id}-${i}-condition`}>Condition (JavaScript)</label>
          <input
            id={`${id}-${i}-condition`}
            type="text"
            className="code"
            placeholder="input.amount < 500"
            value={c.condition}
            onChange={(e) => set(cases.map((x, j) => (j === i ? { ...x, condition: e.target.value } : x)))}
          />
          <button type="button" className="button secondary small" onClick={() => set(cases.filter((_, j) => j !== i))}>
            Remove case {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button secondary small" onClick={() => set([...cases, { name: `Case${cases.length + 1}`, condition: '' }])}>
        Add a case
      </button>
    </div>
  )
}
