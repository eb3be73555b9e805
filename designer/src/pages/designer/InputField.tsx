// One activity input in the property panel: its label, help and typed editor, a switch between a plain value, a
// JavaScript expression and a Liquid template (not for a trigger's settings, which must be values), and the
// validator's message linked to the field.

import type { ComponentType } from 'react'
import type { InputDescriptor, InputValue, Json } from '../../api/types'
import ExpressionEditor from '../../expressions/ExpressionEditor'
import type { ScopeName } from '../../expressions/scope'
import CasesEditor from './editors/CasesEditor'
import CredentialEditor from './editors/CredentialEditor'
import CronEditor from './editors/CronEditor'
import DurationEditor from './editors/DurationEditor'
import JsonEditor from './editors/JsonEditor'
import { BooleanEditor, ChoiceEditor, DateTimeEditor, MultilineEditor, NumberEditor, TextEditor } from './editors/SimpleEditors'
import StringListEditor from './editors/StringListEditor'
import type { EditorProps } from './editors/types'

type Mode = 'value' | 'js' | 'liquid'

function modeOf(value: InputValue | undefined): Mode {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('$js' in value) return 'js'
    if ('$liquid' in value) return 'liquid'
  }
  return 'value'
}

/** The server's editor names (InputEditors in the engine) mapped to the editors here. */
const editors: Record<string, ComponentType<EditorProps>> = {
  text: TextEditor,
  multiline: MultilineEditor,
  number: NumberEditor,
  boolean: BooleanEditor,
  choice: ChoiceEditor,
  duration: DurationEditor,
  datetime: DateTimeEditor,
  json: JsonEditor,
  stringList: StringListEditor,
  cases: CasesEditor,
  cron: CronEditor,
  credential: CredentialEditor,
}

function CodeValueEditor(props: EditorProps) {
  return (
    <ExpressionEditor
      id={props.id}
      value={typeof props.value === 'string' ? props.value : ''}
      onChange={(v) => props.onChange(v === '' ? undefined : v)}
      language="javascript"
      label={props.input.displayName}
      describedBy={props.describedBy}
      invalid={props.invalid}
      names={props.names}
      minHeight="4rem"
    />
  )
}

export interface InputFieldProps {
  id: string
  input: InputDescriptor
  value: InputValue | undefined
  onChange: (value: InputValue | undefined) => void
  error?: string
  names: ScopeName[]
  /**
   * A trigger's setting: read at publish time, so only a value is allowed and the Value/JavaScript/Liquid switch is
   * not offered (it stays while the setting still holds an expression, so that it can be turned back into a value).
   */
  valuesOnly?: boolean
}

export default function InputField({ id, input, value, onChange, error, names, valuesOnly }: InputFieldProps) {
  const mode = modeOf(value)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [input.description ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined

  const switchMode = (next: Mode) => {
    if (next === mode) return
    const literal = mode === 'value' ? (value as Json | undefined) : undefined
    const source = mode === 'js' ? (value as { $js: string }).$js : mode === 'liquid' ? (value as { $liquid: string }).$liquid : undefined
    if (next === 'js') onChange({ $js: source ?? (literal === undefined ? '' : typeof literal === 'string' ? JSON.stringify(literal) : JSON.stringify(literal)) })
    else if (next === 'liquid') onChange({ $liquid: source ?? (typeof literal === 'string' ? literal : '') })
    else onChange(undefined)
  }

  const Editor = input.editor === 'code' ? CodeValueEditor : (editors[input.editor] ?? TextEditor)
  return (
    <div className="field input-field">
      <div className="input-field-head">
        <label htmlFor={id} id={`${id}-label`}>
          {input.displayName}
          {input.required && <span className="required"> (required)</span>}
        </label>
        {(!valuesOnly || mode !== 'value') && (
          <select className="mode-select" aria-label={`How to give ${input.displayName}`} value={mode} onChange={(e) => switchMode(e.target.value as Mode)}>
            <option value="value">Value</option>
            <option value="js">Expression (JavaScript)</option>
            <option value="liquid">Template (Liquid)</option>
          </select>
        )}
      </div>
      {input.description && (
        <p className="hint" id={hintId}>
          {input.description}
        </p>
      )}
      {mode === 'value' && <Editor id={id} input={input} value={value as Json | undefined} onChange={onChange} describedBy={describedBy} invalid={!!error} names={names} />}
      {mode === 'js' && (
        <ExpressionEditor
          id={id}
          value={(value as { $js: string }).$js}
          onChange={(v) => onChange({ $js: v })}
          language="javascript"
          label={`${input.displayName} (JavaScript expression)`}
          describedBy={describedBy}
          invalid={!!error}
          names={names}
        />
      )}
      {mode === 'liquid' && (
        <ExpressionEditor
          id={id}
          value={(value as { $liquid: string }).$liquid}
          onChange={(v) => onChange({ $liquid: v })}
          language="liquid"
          label={`${input.displayName} (Liquid template)`}
          describedBy={describedBy}
          invalid={!!error}
          names={names}
        />
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  )
}
