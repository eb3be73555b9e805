import type { WorkQueueView } from '../../api/queues'
import { formatSeconds } from './queueWords'

/** A queue's settings in words: what a duplicate does, retries, lease, abandonment, SLA and whether items have a schema. */
export default function QueueSettingsFacts({ queue }: { queue: WorkQueueView }) {
  const schemaFields = Object.keys((queue.dataSchema?.properties as Record<string, unknown> | undefined) ?? {})
  const required = (queue.dataSchema?.required as string[] | undefined) ?? []
  return (
    <dl className="facts queue-settings">
      <div>
        <dt>Duplicate references</dt>
        <dd>{queue.duplicatePolicy === 'ignore' ? 'Ignored (the rest of a batch is added)' : 'Refused (the whole batch is refused)'}</dd>
      </div>
      <div>
        <dt>Attempts per item</dt>
        <dd>{queue.maxAttempts === 1 ? '1 (never retried)' : `${queue.maxAttempts} (a system exception is retried)`}</dd>
      </div>
      <div>
        <dt>Lease</dt>
        <dd>{formatSeconds(queue.leaseSeconds)}</dd>
      </div>
      <div>
        <dt>Abandoned after</dt>
        <dd>{formatSeconds(queue.abandonAfterMinutes * 60)} in progress</dd>
      </div>
      <div>
        <dt>Default SLA</dt>
        <dd>{queue.slaMinutes != null ? `${formatSeconds(queue.slaMinutes * 60)} after an item is added` : 'None'}</dd>
      </div>
      <div>
        <dt>Data schema</dt>
        <dd>
          {queue.dataSchema ? (
            schemaFields.length > 0 ? (
              <>
                Fields:{' '}
                {schemaFields.map((f, i) => (
                  <span key={f}>
                    {i > 0 && ', '}
                    <code>{f}</code>
                    {required.includes(f) && ' (required)'}
                  </span>
                ))}
              </>
            ) : (
              'Yes'
            )
          ) : (
            'None: any data is accepted'
          )}
        </dd>
      </div>
    </dl>
  )
}
