import type { DayCounts } from '../../api/statistics'
import { longDayName } from './chartSeries'

/** The chart's numbers as a table, one row per day, newest first, with cancellations too. */
export default function InstancesTable({ days }: { days: DayCounts[] }) {
  return (
    <table className="numbers-table">
      <caption className="visually-hidden">Instances per day, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Started</th>
          <th scope="col">Finished</th>
          <th scope="col">Faulted</th>
          <th scope="col">Cancelled</th>
        </tr>
      </thead>
      <tbody>
        {[...days].reverse().map((d) => (
          <tr key={d.date}>
            <th scope="row">
              <time dateTime={d.date}>{longDayName(d)}</time>
            </th>
            <td>{d.started}</td>
            <td>{d.finished}</td>
            <td>{d.faulted}</td>
            <td>{d.cancelled}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
