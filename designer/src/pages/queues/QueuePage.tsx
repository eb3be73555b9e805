import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { ApiError, describeError } from '../../api/client'
import {
  queueItemsPath,
  queuePath,
  queueStatisticsPath,
  type AddItemsResult,
  type Page,
  type QueueItem,
  type QueueStatistics,
  type WorkQueueView,
} from '../../api/queues'
import { hasRole, useSession } from '../../auth/session'
import ListStates from '../../components/ListStates'
import { useUrlFilters } from '../../components/useUrlFilters'
import { usePageTitle } from '../../layout/usePageTitle'
import Pager from '../instances/Pager'
import { useApiData } from '../instances/useApiData'
import { useCursorPages } from '../instances/useCursorPages'
import AddItemsForm from './AddItemsForm'
import ItemFilterForm from './ItemFilterForm'
import QueueItemsTable from './QueueItemsTable'
import { itemFilterCodec, toQuery } from './queueItemFilters'
import QueueSettingsFacts from './QueueSettingsFacts'
import QueueStatisticsList from './QueueStatisticsList'
import { itemActionRefusal } from './QueueItemActions'
import '../instances/console.css'
import '../instances/InstanceListPage.css'
import '../triggers/triggers.css'
import './queues.css'

/**
 * One queue: its settings, its numbers, and its items (filtered by status, reference, failure and dates, kept in the
 * address; paged) with the operator's actions.
 */
export default function QueuePage() {
  const { queueName = '' } = useParams()
  usePageTitle(`Queue ${queueName}`)
  const user = useSession()
  const { filters, key: filterKey, filtered, apply } = useUrlFilters(itemFilterCodec)
  const pages = useCursorPages(filterKey)
  const queue = useApiData<WorkQueueView>(queuePath(queueName))
  const stats = useApiData<QueueStatistics>(queue.data ? queueStatisticsPath(queueName) : null)
  const list = useApiData<Page<QueueItem>>(queue.data ? queueItemsPath(queueName, toQuery(filters), pages.cursor) : null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const refusal = itemActionRefusal(user?.roles)
  const mayAdd = hasRole(user, 'admin', 'operator', 'bot')

  function changed(_: QueueItem, text: string) {
    setError(null)
    setMessage(text)
    list.reload()
    stats.reload()
  }

  function added(result: AddItemsResult) {
    const ignored = result.ignoredReferences?.length ?? 0
    setError(null)
    setMessage(
      `${result.added.length === 1 ? '1 item was' : `${result.added.length} items were`} added.` +
        (ignored ? ` ${ignored} already in the queue ${ignored === 1 ? 'was' : 'were'} ignored: ${result.ignoredReferences!.join(', ')}.` : ''),
    )
    setAdding(false)
    list.reload()
    stats.reload()
  }

  if (queue.error !== undefined)
    return (
      <section className="page">
        <p className="breadcrumb">
          <Link to="/queues">All queues</Link>
        </p>
        <h1>Queue {queueName}</h1>
        <div className="alert error" role="alert">
          <p>
            {queue.error instanceof ApiError && queue.error.status === 404
              ? 'There is no queue with this name.'
              : `The queue could not be loaded: ${describeError(queue.error)}`}
          </p>
        </div>
      </section>
    )
  if (!queue.data)
    return (
      <section className="page">
        <h1>Queue {queueName}</h1>
        <p role="status">Loading the queue…</p>
      </section>
    )

  return (
    <section className="page queue-page">
      <p className="breadcrumb">
        <Link to="/queues">All queues</Link>
      </p>
      <div className="heading-row">
        <h1>Queue {queue.data.name}</h1>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            stats.reload()
            list.reload()
          }}
          disabled={list.loading || stats.loading}
        >
          Refresh
        </button>
      </div>
      {queue.data.description && <p className="page-intro">{queue.data.description}</p>}

      <h2>Settings</h2>
      <QueueSettingsFacts queue={queue.data} />

      <h2>How it is doing</h2>
      {stats.error !== undefined ? (
        <p className="alert error" role="alert">
          The statistics could not be loaded: {describeError(stats.error)}
        </p>
      ) : stats.data ? (
        <QueueStatisticsList stats={stats.data} />
      ) : (
        <p role="status">Loading the statistics…</p>
      )}

      <div className="heading-row">
        <h2>Items</h2>
        {mayAdd && (
          <button type="button" className="button secondary small" aria-expanded={adding} aria-controls="add-items-panel" onClick={() => setAdding((a) => !a)}>
            {adding ? 'Close the add form' : 'Add items'}
          </button>
        )}
      </div>
      <div id="add-items-panel">{adding && <AddItemsForm queue={queue.data.name} onAdded={added} />}</div>
      <ItemFilterForm filters={filters} filterKey={filterKey} reasons={stats.data?.failuresByReason} onApply={apply} />
      {refusal && (
        <p id="item-action-refusal" className="muted">
          {refusal}
        </p>
      )}
      <div role="status">{message && <p className="alert success">{message}</p>}</div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <ListStates
        data={list.data}
        error={list.error}
        onRetry={list.reload}
        failed="The items could not be loaded"
        loading="Loading items…"
        isEmpty={(page) => page.items.length === 0}
        empty={filtered || pages.pageNumber > 1 ? 'No items match these filters.' : 'This queue has no items yet.'}
      >
        {(page) => (
          <>
            <QueueItemsTable
              items={page.items}
              caption={`Items of ${queue.data!.name}, newest first${pages.pageNumber > 1 ? `, page ${pages.pageNumber}` : ''}`}
              refusal={refusal}
              onChanged={changed}
              onError={(text) => {
                setMessage(null)
                setError(text)
              }}
            />
            <Pager
              label="Item pages"
              pageNumber={pages.pageNumber}
              nextCursor={page.nextCursor}
              onNext={pages.next}
              onPrevious={pages.previous}
              disabled={list.loading}
            />
          </>
        )}
      </ListStates>
    </section>
  )
}
