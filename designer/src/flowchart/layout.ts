// Automatic layout with dagre: top to bottom, in the order the flow runs. Used when a definition has no positions
// (read-only views) and by the designer's "Tidy layout" command.

import dagre from '@dagrejs/dagre'
import type { ActivityNode, Connection, Position } from '../api/types'

export const NODE_WIDTH = 220
export const NODE_HEIGHT = 110

/** Positions (top-left corners) for every activity. */
export function layoutPositions(activities: ActivityNode[], connections: Connection[]): Record<string, Position> {
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'TB', nodesep: 50, ranksep: 70, marginx: 20, marginy: 20 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const a of activities) g.setNode(a.id, { width: NODE_WIDTH, height: NODE_HEIGHT })
  const ids = new Set(activities.map((a) => a.id))
  for (const c of connections) if (ids.has(c.from) && ids.has(c.to)) g.setEdge(c.from, c.to)
  dagre.layout(g)
  const result: Record<string, Position> = {}
  for (const a of activities) {
    const n = g.node(a.id)
    result[a.id] = { x: Math.round(n.x - NODE_WIDTH / 2), y: Math.round(n.y - NODE_HEIGHT / 2) }
  }
  return result
}

/** True when any activity lacks a position, so the whole chart should be laid out. */
export function needsLayout(activities: ActivityNode[]): boolean {
  return activities.some((a) => !a.position)
}
