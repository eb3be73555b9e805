// One activity on a flowchart: its name, type and initials, a badge for problems or run state (icon and text, not
// colour only), an input handle on top (except on the entry: Start or a trigger) and one named output handle per
// outcome port underneath.

import { Handle, Position, useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react'
import { useEffect } from 'react'
import type { ActivityDescriptor, ActivityNode } from '../api/types'
import { isEntry } from './entry'
import './flowchart.css'
import { initialsOf } from './outcomes'
import { stepStateLabels, type StepState } from './stepState'

export interface ActivityNodeData extends Record<string, unknown> {
  activity: ActivityNode
  descriptor?: ActivityDescriptor
  outcomes: string[]
  problems?: number
  state?: StepState
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>

/** What a screen reader announces for a node (React Flow puts it on the focusable node). */
export function describeNode(data: ActivityNodeData): string {
  const a = data.activity
  const parts = [a.displayName || a.id, `${data.descriptor?.displayName ?? a.type} ${data.descriptor?.isTrigger ? 'trigger, starts the workflow' : 'step'}`]
  if (data.state) parts.push(stepStateLabels[data.state].text)
  if (data.problems) parts.push(`${data.problems} problem${data.problems === 1 ? '' : 's'}`)
  return parts.join(', ')
}

export default function ActivityNodeView({ id, data, selected, isConnectable }: NodeProps<ActivityFlowNode>) {
  const updateNodeInternals = useUpdateNodeInternals()
  const ports = data.outcomes.join('|')
  // Ports come and go as a HumanTask's outcomes or a Switch's cases are edited: re-measure the handles.
  useEffect(() => updateNodeInternals(id), [id, ports, updateNodeInternals])
  const a = data.activity
  const typeName = data.descriptor?.displayName ?? a.type
  const state = data.state ? stepStateLabels[data.state] : null
  const trigger = data.descriptor?.isTrigger === true
  const classes = ['fc-node', trigger ? 'fc-trigger' : '', data.state ? `fc-${data.state}` : '', data.problems ? 'fc-has-problems' : '', selected ? 'fc-selected' : '']
  return (
    <div className={classes.join(' ')}>
      {!isEntry(a, data.descriptor) && <Handle type="target" position={Position.Top} isConnectable={isConnectable} />}
      <div className="fc-head">
        <span className="fc-icon" aria-hidden="true">
          {initialsOf(a.type)}
        </span>
        <div className="fc-names">
          <div className="fc-title">{a.displayName || a.id}</div>
          <div className="fc-type">
            {typeName} · <code>{a.id}</code>
          </div>
          {trigger && (
            <div className="fc-trigger-label">
              <span aria-hidden="true">⚡</span> Trigger: starts the workflow
            </div>
          )}
        </div>
      </div>
      {(state || data.problems) && (
        <div className="fc-badges">
          {state && (
            <span className={`fc-badge fc-badge-${data.state}`}>
              <span aria-hidden="true">{state.icon}</span> {state.text}
            </span>
          )}
          {data.problems ? (
            <span className="fc-badge fc-badge-problems">
              <span aria-hidden="true">⚠</span> {data.problems} problem{data.problems === 1 ? '' : 's'}
            </span>
          ) : null}
        </div>
      )}
      {data.outcomes.length > 0 && (
        <div className="fc-ports">
          {data.outcomes.map((o) => (
            <div className="fc-port" key={o}>
              <span className="fc-port-name">{o}</span>
              <Handle type="source" id={o} position={Position.Bottom} isConnectable={isConnectable} title={`Outcome ${o}`} />
            </div>
          ))}
        </div>
      )}
    </div>
  )
}

export const nodeTypes = { activity: ActivityNodeView }
