import type { Json } from '../../api/types'
import JsonValue from './JsonValue'

interface ValuesTableProps {
  caption: string
  values: Record<string, Json> | null | undefined
  /** Said when there are no values. */
  empty: string
}

/** Named values (variables, inputs, outputs) as a two-column table; secret ones arrive from the server as `***`. */
export default function ValuesTable({ caption, values, empty }: ValuesTableProps) {
  const entries = Object.entries(values ?? {})
  if (entries.length === 0) return <p className="muted">{empty}</p>
  return (
    <table className="values-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>{value === '***' ? <span>*** (secret, hidden)</span> : <JsonValue value={value} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
