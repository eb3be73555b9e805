import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { ApiError, describeError } from '../../api/client'
import { queueItemPath, queuePath, type QueueItem, type QueueItemDetail, type WorkQueueView } from '../../api/queues'
import { useSession } from '../../auth/session'
import { usePageTitle } from '../../layout/usePageTitle'
import JsonValue from '../instances/JsonValue'
import { useApiData } from '../instances/useApiData'
import EvidenceList from './EvidenceList'
import QueueItemActions, { itemActionRefusal } from './QueueItemActions'
import QueueItemHistory from './QueueItemHistory'
import QueueItemFacts from './QueueItemFacts'
import { failureKindText, itemName } from './queueWords'
import '../instances/console.css'
import '../instances/InstancePage.css'
import '../triggers/triggers.css'
import './queues.css'

/** One queue item: its facts, last failure, actions, data and output, the evidence its bot saved, and its history. */
export default function QueueItemPage() {
  const { itemId = '' } = useParams()
  const user = useSession()
  const loaded = useApiData<QueueItemDetail>(queueItemPath(itemId))
  const queue = useApiData<WorkQueueView>(loaded.data ? queuePath(loaded.data.item.queue) : null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const detail = loaded.data
  const name = detail ? itemName(detail.item) : 'Queue item'
  usePageTitle(detail ? `${name} in ${detail.item.queue}` : 'Queue item')
  const refusal = itemActionRefusal(user?.roles)

  if (loaded.error !== undefined && !detail)
    return (
      <section className="page">
        <p className="breadcrumb">
          <Link to="/queues">All queues</Link>
        </p>
        <h1>Queue item</h1>
        <div className="alert error" role="alert">
          <p>
            {loaded.error instanceof ApiError && loaded.error.status === 404
              ? 'There is no queue item with this id.'
              : `The item could not be loaded: ${describeError(loaded.error)}`}
          </p>
        </div>
      </section>
    )
  if (!detail)
    return (
      <section className="page">
        <h1>Queue item</h1>
        <p role="status">Loading the item…</p>
      </section>
    )

  const item = detail.item
  function changed(_: QueueItem, text: string) {
    setError(null)
    setMessage(text)
    loaded.reload()
  }

  return (
    <section className="page queue-item-page">
      <p className="breadcrumb">
        <Link to="/queues">All queues</Link> › <Link to={`/queues/${encodeURIComponent(item.queue)}`}>{item.queue}</Link>
      </p>
      <div className="heading-row">
        <h1>
          {name} <span className="muted">in {item.queue}</span>
        </h1>
        <button type="button" className="button secondary" onClick={loaded.reload} disabled={loaded.loading}>
          Refresh
        </button>
      </div>
      {item.failureReason && (
        <div className={`alert ${item.status === 'failed' ? 'error' : 'warning'}`}>
          <p>
            <strong>{item.status === 'failed' ? 'Why it failed' : 'Its last failure'}:</strong> {item.failureReason}
          </p>
          {item.failureKind && <p>{failureKindText[item.failureKind] ?? item.failureKind}</p>}
          {item.failureCode && (
            <p>
              Code: <code>{item.failureCode}</code>
            </p>
          )}
        </div>
      )}
      <div className="card">
        <QueueItemFacts item={item} maxAttempts={queue.data?.maxAttempts} />
        <h2>Actions</h2>
        {refusal && (
          <p id="item-action-refusal" className="muted">
            {refusal}
          </p>
        )}
        <QueueItemActions
          item={item}
          name={name}
          refusal={refusal}
          refusalId="item-action-refusal"
          onChanged={changed}
          onError={(text) => {
            setMessage(null)
            setError(text)
          }}
        />
        <div role="status">{message && <p className="alert success">{message}</p>}</div>
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
      </div>

      <div className="data-columns">
        <div>
          <h2>Data</h2>
          <JsonValue value={item.data} />
        </div>
        <div>
          <h2>Output</h2>
          {item.output ? <JsonValue value={item.output} /> : <p className="muted">None: the item has not been completed.</p>}
        </div>
      </div>

      {detail.evidence && (
        <>
          <h2>Evidence</h2>
          <EvidenceList evidence={detail.evidence} />
        </>
      )}

      <h2>History</h2>
      <QueueItemHistory history={detail.history} name={name} />
    </section>
  )
}
