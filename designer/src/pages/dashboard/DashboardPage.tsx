import { useState } from 'react'
import { Link } from 'react-router-dom'
import { usePageTitle } from '../../layout/usePageTitle'
import ErrorAlert from '../library/ErrorAlert'
import IncidentList from './IncidentList'
import InstancesChart from './InstancesChart'
import InstancesTable from './InstancesTable'
import { dashboardDays, useDashboard } from './useDashboard'
import './DashboardPage.css'

/** The operations dashboard: instances per day (chart or table), totals, what is waiting now, and open incidents. */
export default function DashboardPage() {
  usePageTitle('Dashboard')
  const [reloadKey, setReloadKey] = useState(0)
  const [view, setView] = useState<'chart' | 'table'>('chart')
  const { statistics, incidents, error } = useDashboard(reloadKey)

  return (
    <section className="page dashboard-page">
      <div className="page-header">
        <h1>Dashboard</h1>
        <div className="page-actions">
          <button type="button" className="button secondary" onClick={() => setReloadKey((k) => k + 1)}>
            Refresh
          </button>
        </div>
      </div>

      {error !== null && <ErrorAlert error={error} intro="The dashboard could not be loaded." />}
      {!statistics || !incidents ? (
        error === null && <p role="status">Loading the dashboard…</p>
      ) : (
        <>
          <div className="stat-groups">
            <section className="card stat-group" aria-labelledby="totals-heading">
              <h2 id="totals-heading">Last {dashboardDays} days</h2>
              <dl className="stats">
                <Stat label="Started" value={statistics.totals.started} />
                <Stat label="Finished" value={statistics.totals.finished} />
                <Stat label="Faulted" value={statistics.totals.faulted} />
                <Stat label="Cancelled" value={statistics.totals.cancelled} />
              </dl>
            </section>
            <section className="card stat-group" aria-labelledby="now-heading">
              <h2 id="now-heading">Right now</h2>
              <dl className="stats">
                <Stat label="Running" value={statistics.current.running} />
                <Stat label="Waiting" value={statistics.current.suspended} hint="for a person, a timer or a signal" />
                <Stat label="Open incidents" value={statistics.current.faulted} hint="faulted instances" />
                <Stat
                  label="Open tasks"
                  value={statistics.openTasks.open + statistics.openTasks.claimed}
                  hint={`${statistics.openTasks.claimed} being worked on`}
                  link={{ to: '/tasks', text: 'Go to the task inbox' }}
                />
              </dl>
            </section>
          </div>

          <section className="card" aria-labelledby="per-day-heading">
            <div className="section-header">
              <h2 id="per-day-heading">Instances per day</h2>
              <div role="group" aria-label="Show the numbers as" className="view-toggle">
                <button type="button" className="button secondary small" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
                  Chart
                </button>
                <button type="button" className="button secondary small" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                  Table
                </button>
              </div>
            </div>
            <p className="hint">
              Days run from midnight to midnight, {statistics.timeZone === 'Europe/London' ? 'UK time' : statistics.timeZone}.
              Finished and faulted count the day an instance ended, which may be later than the day it started.
            </p>
            {view === 'chart' ? (
              <InstancesChart
                days={statistics.days}
                summary={`Over the last ${dashboardDays} days ${statistics.totals.started} instances started, ${statistics.totals.finished} finished and ${statistics.totals.faulted} faulted. Choose Table to read each day's numbers.`}
              />
            ) : (
              <InstancesTable days={statistics.days} />
            )}
          </section>

          <section className="card" aria-labelledby="incidents-heading">
            <h2 id="incidents-heading">Open incidents</h2>
            <IncidentList incidents={incidents} />
          </section>
        </>
      )}
    </section>
  )
}

function Stat({ label, value, hint, link }: { label: string; value: number; hint?: string; link?: { to: string; text: string } }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {hint && <span className="stat-hint">{hint}</span>}
        {link && (
          <Link className="stat-link" to={link.to}>
            {link.text}
          </Link>
        )}
      </dd>
    </div>
  )
}
