import { useState, type FormEvent } from 'react'
import { ApiError, api, describeError } from '../../api/client'
import type { TaskDetail } from '../../api/operations'
import SchemaForm from '../../forms/SchemaForm'
import { describeFields, withDefaults } from '../../forms/schemaFields'
import ErrorSummary, { type SummaryItem } from './ErrorSummary'
import { formFieldOf } from './taskRules'

interface TaskCompleteFormProps {
  task: TaskDetail
  /** Why the user may not complete it now, or null. */
  blockedReason: string | null
  onCompleted: (task: TaskDetail) => void
}

const idPrefix = 'task-form'

/**
 * The task's form, rendered from its JSON Schema, with one submit button per outcome ("Approve", "Reject"). The server
 * checks the data; its errors are shown on the fields they name and listed in a summary above the form.
 */
export default function TaskCompleteForm({ task, blockedReason, onCompleted }: TaskCompleteFormProps) {
  const schema = task.formSchema ?? {}
  const [value, setValue] = useState<Record<string, unknown>>(() => withDefaults(schema))
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [summary, setSummary] = useState<SummaryItem[] | null>(null)
  const [busy, setBusy] = useState(false)
  const outcomes = task.outcomes?.length ? task.outcomes : ['Done']
  const fieldNames = new Set(describeFields(schema).map((f) => f.name))

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    const outcome = submitter?.value || outcomes[0]
    setBusy(true)
    try {
      const completed = await api<TaskDetail>(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { outcome, data: value } })
      onCompleted(completed)
    } catch (e) {
      const errors = e instanceof ApiError ? (e.problem.errors ?? []) : []
      const byField: Record<string, string> = {}
      const items: SummaryItem[] = []
      for (const error of errors) {
        const name = formFieldOf(error.field)
        if (name && fieldNames.has(name)) {
          byField[name] ??= error.message
          items.push({ message: error.message, fieldId: `${idPrefix}-${name}` })
        } else items.push({ message: error.message })
      }
      if (items.length === 0) items.push({ message: describeError(e) })
      setFieldErrors(byField)
      setSummary(items)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="complete-heading">
      <h2 id="complete-heading">Complete the task</h2>
      {summary && <ErrorSummary title="The task could not be completed" items={summary} />}
      <SchemaForm schema={schema} value={value} onChange={setValue} idPrefix={idPrefix} errors={fieldErrors} disabled={busy || !!blockedReason} />
      {blockedReason && (
        <p id="complete-blocked" className="alert warning">
          {blockedReason}
        </p>
      )}
      <div className="outcome-buttons">
        {outcomes.map((o, i) => (
          <button
            key={o}
            type="submit"
            name="outcome"
            value={o}
            className={i === 0 ? 'button primary' : 'button secondary'}
            disabled={busy || !!blockedReason}
            aria-describedby={blockedReason ? 'complete-blocked' : undefined}
          >
            {outcomes.length === 1 && o === 'Done' ? 'Complete task' : o}
          </button>
        ))}
      </div>
      {outcomes.length > 1 && <p className="muted">Each button completes the task with that choice; the workflow continues down its path.</p>}
    </form>
  )
}
