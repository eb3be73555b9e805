import type { Json } from '../../api/types'

/** A value from an instance (variable, input, output): text as it is, anything else as indented JSON. */
export default function JsonValue({ value }: { value: Json | undefined }) {
  if (value === undefined || value === null) return <span className="muted">empty</span>
  if (typeof value === 'string') return <span className="json-text">{value}</span>
  if (typeof value !== 'object') return <code>{String(value)}</code>
  return <pre className="json-block" tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>
}
