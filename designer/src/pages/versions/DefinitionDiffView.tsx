import type { ActivityNode, Connection } from '../../api/types'
import ChangeTable from './ChangeTable'
import { connectionKey, type DefinitionDiff, type ListDiff } from './diffDefinitions'

interface Props {
  diff: DefinitionDiff
  beforeLabel: string
  afterLabel: string
}

function stepName(a: ActivityNode): string {
  return a.displayName && a.displayName !== a.id ? `“${a.displayName}” (${a.id}, ${a.type})` : `${a.id} (${a.type})`
}

/** The differences between two versions, grouped as a process owner thinks of them: details, steps, arrows, data. */
export default function DefinitionDiffView({ diff, beforeLabel, afterLabel }: Props) {
  const { activities, connections } = diff
  if (diff.unchanged) {
    return (
      <p className="diff-none">
        These versions do the same thing: no steps, connections, inputs, outputs or variables differ.
        {activities.moved.length > 0 && ' Only the positions of steps on the canvas changed.'}
      </p>
    )
  }
  return (
    <div className="diff">
      {diff.details.length > 0 && (
        <ChangeTable caption="Workflow details" changes={diff.details} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      )}

      <h3>Steps</h3>
      {activities.added.length + activities.removed.length + activities.changed.length === 0 ? (
        <p>No steps were added, removed or changed.</p>
      ) : (
        <>
          <ChangeList label="Added" tone="added" items={activities.added.map(stepName)} />
          <ChangeList label="Removed" tone="removed" items={activities.removed.map(stepName)} />
          {activities.changed.map((c) => (
            <ChangeTable
              key={c.id}
              caption={`Changed step ${stepName(c.after)}`}
              changes={c.changes}
              beforeLabel={beforeLabel}
              afterLabel={afterLabel}
            />
          ))}
        </>
      )}
      {activities.moved.length > 0 && (
        <p className="hint">Moved on the canvas (no change to what they do): {activities.moved.join(', ')}.</p>
      )}

      <h3>Connections</h3>
      {connections.added.length + connections.removed.length === 0 ? (
        <p>No connections were added or removed.</p>
      ) : (
        <>
          <ChangeList label="Added" tone="added" items={connections.added.map((c: Connection) => connectionKey(c))} />
          <ChangeList label="Removed" tone="removed" items={connections.removed.map((c: Connection) => connectionKey(c))} />
        </>
      )}

      <NamedSection title="Workflow inputs" diff={diff.inputs} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      <NamedSection title="Workflow outputs" diff={diff.outputs} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      <NamedSection title="Variables" diff={diff.variables} beforeLabel={beforeLabel} afterLabel={afterLabel} />
    </div>
  )
}

/** Added or removed items, each marked in words (and a + or − sign), never by colour alone. */
function ChangeList({ label, tone, items }: { label: string; tone: 'added' | 'removed'; items: string[] }) {
  if (items.length === 0) return null
  return (
    <ul className={`change-list ${tone}`}>
      {items.map((item) => (
        <li key={item}>
          <span className="change-mark" aria-hidden="true">
            {tone === 'added' ? '+' : '−'}
          </span>
          <strong>{label}:</strong> {item}
        </li>
      ))}
    </ul>
  )
}

function NamedSection<T extends { name: string }>({
  title,
  diff,
  beforeLabel,
  afterLabel,
}: {
  title: string
  diff: ListDiff<T>
  beforeLabel: string
  afterLabel: string
}) {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ChangeList label="Added" tone="added" items={diff.added.map((p) => p.name)} />
      <ChangeList label="Removed" tone="removed" items={diff.removed.map((p) => p.name)} />
      {diff.changed.map((c) => (
        <ChangeTable key={c.name} caption={`Changed: ${c.name}`} changes={c.changes} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      ))}
    </>
  )
}
