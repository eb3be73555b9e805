import type { QueueStatistics } from '../../api/queues'
import { countedStatuses, formatPerHour, formatSeconds, queueStatusText } from './queueWords'
import SlaBreaches from './SlaBreaches'

/** A queue's numbers as labelled figures: items per status now, then the window's finished, throughput, handling time and SLA breaches. */
export default function QueueStatisticsList({ stats }: { stats: QueueStatistics }) {
  return (
    <>
      <h3 className="stat-heading">Items now</h3>
      <dl className="stat-list">
        {countedStatuses.map((s) => (
          <div key={s}>
            <dt>{queueStatusText(s)}</dt>
            <dd>{stats.counts[s] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <h3 className="stat-heading">The last {stats.windowHours} hours</h3>
      <dl className="stat-list">
        <div>
          <dt>SLA breaches</dt>
          <dd>
            <SlaBreaches count={stats.slaBreaches} />
          </dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{stats.finished}</dd>
        </div>
        <div>
          <dt>Throughput</dt>
          <dd>{formatPerHour(stats.throughputPerHour)}</dd>
        </div>
        <div>
          <dt>Average handling time</dt>
          <dd>{stats.averageHandlingSeconds != null ? formatSeconds(stats.averageHandlingSeconds) : 'none yet'}</dd>
        </div>
      </dl>
    </>
  )
}
