// A small code editor for JavaScript expressions and Liquid templates (CodeMirror), with the names in scope offered
// as completions (Ctrl+Space, or as you type). Labelled and described like any other form field.

import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { javascript } from '@codemirror/lang-javascript'
import { EditorView } from '@codemirror/view'
import CodeMirror from '@uiw/react-codemirror'
import { useMemo } from 'react'
import type { ScopeName } from './scope'

export interface ExpressionEditorProps {
  id: string
  value: string
  onChange: (value: string) => void
  language: 'javascript' | 'liquid'
  /** The accessible name (the field's label text). */
  label: string
  describedBy?: string
  invalid?: boolean
  names: ScopeName[]
  minHeight?: string
}

function completeFrom(names: ScopeName[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w$.]*/)
    if (!word || (word.from === word.to && !context.explicit)) return null
    return { from: word.from, options: names.map((n) => ({ label: n.label, detail: n.detail, type: 'variable' })), validFor: /^[\w$.]*$/ }
  }
}

export default function ExpressionEditor({ id, value, onChange, language, label, describedBy, invalid, names, minHeight = '2.5rem' }: ExpressionEditorProps) {
  const extensions = useMemo(() => {
    const attributes: Record<string, string> = { id, 'aria-label': label, 'aria-multiline': 'true' }
    if (describedBy) attributes['aria-describedby'] = describedBy
    if (invalid) attributes['aria-invalid'] = 'true'
    return [
      ...(language === 'javascript' ? [javascript()] : []),
      autocompletion({ override: [completeFrom(names)] }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of(attributes),
    ]
  }, [id, label, describedBy, invalid, language, names])
  return (
    <div className={`expression-editor${invalid ? ' invalid' : ''}`}>
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        minHeight={minHeight}
        basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false }}
      />
    </div>
  )
}
