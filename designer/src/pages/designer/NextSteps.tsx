// The keyboard way to connect steps: for each outcome port, choose the next step from a list (the same as drawing
// an arrow from that port on the canvas).

import type { ActivityDescriptor, ActivityNode, Connection } from '../../api/types'
import { isEntry } from '../../flowchart/entry'
import { fieldDomId } from './fieldIds'

interface Props {
  activity: ActivityNode
  outcomes: string[]
  activities: ActivityNode[]
  connections: Connection[]
  descriptors: Map<string, ActivityDescriptor>
  onSetNext: (outcome: string, to: string | null) => void
}

export default function NextSteps({ activity, outcomes, activities, connections, descriptors, onSetNext }: Props) {
  if (outcomes.length === 0) return <p className="hint">This step ends its path: it has no outcomes to connect.</p>
  // Nothing leads into the entry (Start or a trigger): the flow begins there.
  const others = activities.filter((a) => a.id !== activity.id && !isEntry(a, descriptors.get(a.type)))
  return (
    <>
      {outcomes.map((outcome) => {
        const targets = connections.filter((c) => c.from === activity.id && (c.outcome || 'Done') === outcome).map((c) => c.to)
        const id = fieldDomId(activity.id, `next.${outcome}`)
        return (
          <div className="field" key={outcome}>
            <label htmlFor={id}>Next step for outcome {outcome}</label>
            <select id={id} value={targets[0] ?? ''} onChange={(e) => onSetNext(outcome, e.target.value || null)}>
              <option value="">None (the path ends here)</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName ? `${a.displayName} (${a.id})` : a.id}
                </option>
              ))}
            </select>
            {targets.length > 1 && <p className="hint">Also goes to {targets.slice(1).join(', ')} in parallel; choosing here replaces them all.</p>}
          </div>
        )
      })}
    </>
  )
}
