// Completes a run's waiting human task from the designer: its form (from the task's schema) and one button per
// outcome the step offers.

import { useState } from 'react'
import { api, ApiError, describeError } from '../../../api/client'
import type { HumanTaskItem } from '../../../api/designer'
import SchemaForm from '../../../forms/SchemaForm'

interface Props {
  task: HumanTaskItem
  outcomes: string[]
  onDone: () => void
}

export default function TaskInline({ task, outcomes, onDone }: Props) {
  const [data, setData] = useState<Record<string, unknown>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const complete = async (outcome: string) => {
    setBusy(true)
    try {
      await api(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { outcome, data } })
      setError(null)
      onDone()
    } catch (e) {
      setError(describeError(e))
      if (e instanceof ApiError && e.problem.errors)
        setErrors(Object.fromEntries(e.problem.errors.filter((x) => x.field).map((x) => [x.field!.replace(/^data\./, ''), x.message])))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="task-inline card" aria-labelledby={`task-${task.id}`}>
      <h3 id={`task-${task.id}`}>Waiting for a person: {task.title}</h3>
      {task.description && <p>{task.description}</p>}
      <p className="hint">Complete the task here to let the run go on (as if the person had done it in their inbox).</p>
      {task.formSchema && <SchemaForm schema={task.formSchema} value={data} onChange={setData} idPrefix={`task-${task.id}`} errors={errors} disabled={busy} />}
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      <div className="button-row">
        {outcomes.map((o) => (
          <button key={o} type="button" className="button primary" disabled={busy} onClick={() => void complete(o)}>
            Complete task: {o}
          </button>
        ))}
      </div>
    </section>
  )
}
