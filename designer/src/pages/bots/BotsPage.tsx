import { useState } from 'react'
import { botMetricsPath, botsPath, type BotMetrics, type BotWorker } from '../../api/bots'
import { hasRole, useSession } from '../../auth/session'
import ListStates from '../../components/ListStates'
import { usePageTitle } from '../../layout/usePageTitle'
import { useApiData } from '../instances/useApiData'
import BotMetricsTables from './BotMetricsTables'
import BotWorkersTable from './BotWorkersTable'
import '../instances/console.css'
import '../triggers/triggers.css'
import '../queues/queues.css'

const windows = [
  { hours: 1, text: 'Last hour' },
  { hours: 24, text: 'Last 24 hours' },
  { hours: 24 * 7, text: 'Last 7 days' },
]

/** The digital workforce: every bot worker, whether it is online and what it holds, and what the bots did in a window. */
export default function BotsPage() {
  usePageTitle('Bots')
  const [hours, setHours] = useState(24)
  // The server shows bots to admins, operators and process owners (a bot key reads only queues): ask only when allowed.
  const mayRead = hasRole(useSession(), 'admin', 'operator', 'processOwner')
  const workers = useApiData<BotWorker[]>(mayRead ? botsPath : null)
  const metrics = useApiData<BotMetrics>(mayRead ? botMetricsPath(hours) : null)
  const windowText = windows.find((w) => w.hours === hours)?.text.toLowerCase() ?? `last ${hours} hours`

  return (
    <section className="page bots-page">
      <div className="heading-row">
        <h1>Bots</h1>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            workers.reload()
            metrics.reload()
          }}
          disabled={workers.loading || metrics.loading}
        >
          Refresh
        </button>
      </div>
      <p className="page-intro">
        The bot workers that take items from the queues: whether each is online (heard from within three heartbeats), what it is
        doing and the item in its hands. Below, how many items each bot got through and why items failed.
      </p>

      {!mayRead && (
        <p className="alert warning">Your API key may not see the bots: that needs the admin, operator or process owner role.</p>
      )}
      {mayRead && (
        <>
          <h2>Workers</h2>
          <ListStates
            data={workers.data}
            error={workers.error}
            onRetry={workers.reload}
            failed="The bot workers could not be loaded"
            loading="Loading bot workers…"
            empty="No bot worker has started. Bot pools are configured on the server (Automation:Bots:Pools)."
          >
            {(list) => <BotWorkersTable workers={list} />}
          </ListStates>

          <div className="heading-row">
            <h2>What the bots did</h2>
            <form className="view-filter" onSubmit={(e) => e.preventDefault()}>
              <div className="field">
                <label htmlFor="bot-metrics-window">Period</label>
                <select id="bot-metrics-window" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                  {windows.map((w) => (
                    <option key={w.hours} value={w.hours}>
                      {w.text}
                    </option>
                  ))}
                </select>
              </div>
            </form>
          </div>
          <ListStates
            data={metrics.data}
            error={metrics.error}
            onRetry={metrics.reload}
            failed="The bot metrics could not be loaded"
            loading="Loading bot metrics…"
          >
            {(data) => <BotMetricsTables metrics={data} windowText={windowText} />}
          </ListStates>
        </>
      )}
    </section>
  )
}
