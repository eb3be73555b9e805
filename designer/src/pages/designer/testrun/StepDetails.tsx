// What one step of a run did, from the journal: when it ran, its inputs, output, outcome and any error.

import type { JournalEntry } from '../../../api/designer'
import type { Json } from '../../../api/types'
import { stepStateLabels, type StepState } from '../../../flowchart/stepState'

const kindText: Partial<Record<JournalEntry['kind'], string>> = {
  activityScheduled: 'Scheduled',
  activityStarted: 'Started',
  activityCompleted: 'Completed',
  activityFaulted: 'Failed',
  activityRetried: 'Retried',
  bookmarkCreated: 'Started waiting',
  bookmarkResumed: 'Resumed',
  log: 'Log',
}

function Value({ value }: { value: Json | undefined }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>
}

export default function StepDetails({ activityId, state, entries }: { activityId: string; state?: StepState; entries: JournalEntry[] }) {
  return (
    <section className="step-details" aria-labelledby="step-details-heading">
      <h3 id="step-details-heading">
        Step {activityId}
        {state ? `: ${stepStateLabels[state].text}` : ': not reached'}
      </h3>
      {entries.length === 0 && <p>The run has not reached this step.</p>}
      <ol className="journal">
        {entries.map((e) => (
          <li key={e.sequence}>
            <strong>{kindText[e.kind] ?? e.kind}</strong> at {new Date(e.timestamp).toLocaleTimeString('en-GB')}
            {e.outcome && <> · outcome {e.outcome}</>}
            {e.durationMs != null && <> · {Math.round(e.durationMs)} ms</>}
            {e.message && <p className={e.kind === 'activityFaulted' ? 'field-error' : ''}>{e.message}</p>}
            {e.data !== undefined && e.data !== null && (
              <details>
                <summary>Data</summary>
                <Value value={e.data} />
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
