// Turns a workflow definition into React Flow nodes and edges. Both the read-only FlowchartView and the designer's
// editable canvas build from here, so a flow looks the same in both.

import { MarkerType, type Edge } from '@xyflow/react'
import type { ActivityDescriptor, Position, WorkflowDefinition } from '../api/types'
import { describeNode, type ActivityFlowNode } from './ActivityNodeView'
import { layoutPositions, needsLayout } from './layout'
import { connectionKey, outcomesOf } from './outcomes'
import type { StepState } from './stepState'

export type Measured = Record<string, { width?: number; height?: number }>

export interface BuildOptions {
  steps?: Record<string, StepState>
  problems?: Record<string, number>
  selected?: Set<string>
  measured?: Measured
  /** Positions to use instead of the saved ones (read-only views of flows saved without positions). */
  positions?: Record<string, Position>
}

export function descriptorMap(descriptors: ActivityDescriptor[]): Map<string, ActivityDescriptor> {
  return new Map(descriptors.map((d) => [d.type, d]))
}

export function buildNodes(definition: WorkflowDefinition, descriptors: Map<string, ActivityDescriptor>, options: BuildOptions = {}): ActivityFlowNode[] {
  return definition.activities.map((activity, index) => {
    const data = {
      activity,
      descriptor: descriptors.get(activity.type),
      outcomes: outcomesOf(activity, descriptors.get(activity.type), definition.connections),
      problems: options.problems?.[activity.id],
      state: options.steps?.[activity.id],
    }
    return {
      id: activity.id,
      type: 'activity' as const,
      position: options.positions?.[activity.id] ?? activity.position ?? { x: 40, y: 40 + index * 140 },
      data,
      selected: options.selected?.has(activity.id) ?? false,
      measured: options.measured?.[activity.id],
      ariaLabel: describeNode(data),
    }
  })
}

export function buildEdges(definition: WorkflowDefinition, taken?: Set<string>, selected?: Set<string>): Edge[] {
  return definition.connections.map((c) => {
    const id = connectionKey(c)
    const isTaken = taken?.has(id) ?? false
    return {
      id,
      source: c.from,
      sourceHandle: c.outcome || 'Done',
      target: c.to,
      className: isTaken ? 'fc-edge-taken' : undefined,
      animated: isTaken,
      selected: selected?.has(id) ?? false,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      ariaLabel: `Connection from ${c.from} (${c.outcome || 'Done'}) to ${c.to}${isTaken ? ', taken' : ''}`,
    }
  })
}

/** Positions from dagre when the definition has activities without one; otherwise undefined (use the saved ones). */
export function autoPositions(definition: WorkflowDefinition): Record<string, Position> | undefined {
  return needsLayout(definition.activities) ? layoutPositions(definition.activities, definition.connections) : undefined
}
