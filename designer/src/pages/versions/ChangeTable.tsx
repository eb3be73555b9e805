import { describeValue, type FieldChange } from './diffDefinitions'

interface Props {
  caption: string
  changes: FieldChange[]
  beforeLabel: string
  afterLabel: string
}

/** Changed fields side by side: the older version's value on the left, the newer one's on the right. */
export default function ChangeTable({ caption, changes, beforeLabel, afterLabel }: Props) {
  return (
    <table className="change-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">What changed</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.label}</th>
            <td className="before">
              <span className="visually-hidden">Was: </span>
              <Value value={c.before} />
            </td>
            <td className="after">
              <span className="visually-hidden">Now: </span>
              <Value value={c.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Value({ value }: { value: unknown }) {
  if (Array.isArray(value) && value.every((x) => typeof x === 'string')) {
    return value.length === 0 ? <span>(none)</span> : <ul className="value-list">{value.map((v) => <li key={v}>{v}</li>)}</ul>
  }
  return <code className="value">{describeValue(value)}</code>
}
