// A read-only flowchart of a definition with the path an instance took: used by the instance view and the task
// pages (and by the designer's look). Each step's state is shown by an icon and a word as well as colour.

import { Background, Controls, MiniMap, ReactFlow, type NodeChange, type OnSelectionChangeParams } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useMemo, useState } from 'react'
import type { ActivityDescriptor, WorkflowDefinition } from '../api/types'
import { nodeTypes } from './ActivityNodeView'
import FitViewOnce from './FitViewOnce'
import { autoPositions, buildEdges, buildNodes, descriptorMap, type Measured } from './graph'
import { stepStateLabels, type StepState } from './stepState'

export type { StepState } from './stepState'

export interface FlowchartViewProps {
  definition: WorkflowDefinition
  descriptors: ActivityDescriptor[]
  steps?: Record<string, StepState>
  /** Connections the instance took, as `${from}:${outcome}:${to}`. */
  takenConnections?: Set<string>
  onSelectStep?: (activityId: string) => void
  height?: number
}

export default function FlowchartView({ definition, descriptors, steps, takenConnections, onSelectStep, height = 420 }: FlowchartViewProps) {
  const [measured, setMeasured] = useState<Measured>({})
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const byType = useMemo(() => descriptorMap(descriptors), [descriptors])
  const positions = useMemo(() => autoPositions(definition), [definition])
  const nodes = useMemo(
    () => buildNodes(definition, byType, { steps, measured, positions, selected }),
    [definition, byType, steps, measured, positions, selected],
  )
  const edges = useMemo(() => buildEdges(definition, takenConnections), [definition, takenConnections])

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const sizes = changes.filter((c) => c.type === 'dimensions' && c.dimensions)
    if (sizes.length > 0)
      setMeasured((prev) => {
        const next = { ...prev }
        for (const c of sizes) if (c.type === 'dimensions' && c.dimensions) next[c.id] = c.dimensions
        return next
      })
    const selects = changes.filter((c) => c.type === 'select')
    if (selects.length > 0)
      setSelected((prev) => {
        const next = new Set(prev)
        for (const c of selects) if (c.type === 'select') (c.selected ? next.add(c.id) : next.delete(c.id))
        return next
      })
  }, [])

  // Selection covers both a click and the keyboard (Tab to a node, Enter), so one handler serves both.
  const onSelectionChange = useCallback(
    ({ nodes: picked }: OnSelectionChangeParams) => {
      if (picked.length === 1) onSelectStep?.(picked[0].id)
    },
    [onSelectStep],
  )

  const used = new Set(Object.values(steps ?? {}))
  return (
    <div className="flowchart-view">
      <div className="flowchart-canvas" style={{ height }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onSelectionChange={onSelectionChange}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <FitViewOnce />
          <Background />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable ariaLabel="Overview of the flowchart" />
        </ReactFlow>
      </div>
      {used.size > 0 && (
        <ul className="fc-legend" aria-label="Key">
          {(Object.keys(stepStateLabels) as StepState[])
            .filter((s) => used.has(s))
            .map((s) => (
              <li key={s}>
                <span className={`fc-badge fc-badge-${s}`}>
                  <span aria-hidden="true">{stepStateLabels[s].icon}</span> {stepStateLabels[s].text}
                </span>
              </li>
            ))}
        </ul>
      )}
    </div>
  )
}
