// The editable canvas: the definition drawn with React Flow. Nodes and edges are derived from the definition on
// every render (the definition is the one source of truth, so undo/redo and the property panel stay in step);
// React Flow's changes are turned back into definition edits here.

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection as FlowConnection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react'
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react'
import type { ActivityDescriptor, Position, WorkflowDefinition } from '../../api/types'
import { nodeTypes } from '../../flowchart/ActivityNodeView'
import { isEntry } from '../../flowchart/entry'
import FitViewOnce from '../../flowchart/FitViewOnce'
import { buildEdges, buildNodes, type Measured } from '../../flowchart/graph'
import { NODE_WIDTH } from '../../flowchart/layout'
import type { StepState } from '../../flowchart/stepState'
import { connect, moveActivities } from './edits'
import { DRAG_TYPE } from './Palette'
import type { EditOptions } from './useHistory'

export interface Selection {
  nodes: Set<string>
  edges: Set<string>
}

interface Props {
  definition: WorkflowDefinition
  descriptors: Map<string, ActivityDescriptor>
  problems: Record<string, number>
  steps?: Record<string, StepState>
  taken?: Set<string>
  selection: Selection
  onSelection: (next: Selection) => void
  edit: (change: (d: WorkflowDefinition) => WorkflowDefinition, options?: EditOptions) => void
  checkpoint: (before: WorkflowDefinition) => void
  onDropActivity: (type: string, position: Position) => void
  readOnly?: boolean
}

export default function Canvas({ definition, descriptors, problems, steps, taken, selection, onSelection, edit, checkpoint, onDropActivity, readOnly }: Props) {
  const [measured, setMeasured] = useState<Measured>({})
  const { screenToFlowPosition } = useReactFlow()
  const dragStart = useRef<WorkflowDefinition | null>(null)
  const definitionRef = useRef(definition)
  definitionRef.current = definition
  // Fit the view to the flow that was opened, but not later: React Flow would otherwise fit when the first step
  // is dropped on an empty canvas, moving it away from where it was dropped.
  const [fitOnOpen] = useState(definition.activities.length > 0)

  const nodes = useMemo(
    () => buildNodes(definition, descriptors, { problems, steps, selected: selection.nodes, measured }),
    [definition, descriptors, problems, steps, selection.nodes, measured],
  )
  const edges = useMemo(() => buildEdges(definition, taken, selection.edges), [definition, taken, selection.edges])

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const sizes: Measured = {}
      const moves = new Map<string, Position>()
      let nodesSel: Set<string> | null = null
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) sizes[c.id] = c.dimensions
        else if (c.type === 'position' && c.position) moves.set(c.id, c.position)
        else if (c.type === 'select') {
          nodesSel ??= new Set(selection.nodes)
          if (c.selected) nodesSel.add(c.id)
          else nodesSel.delete(c.id)
        }
      }
      if (Object.keys(sizes).length > 0) setMeasured((prev) => ({ ...prev, ...sizes }))
      // During a mouse drag positions change without undo steps; the drag's end records one (onNodeDragStop).
      // Arrow-key moves arrive without a drag: consecutive ones merge into one step.
      if (moves.size > 0) edit((d) => moveActivities(d, moves), dragStart.current ? { record: false } : { coalesce: 'keyboard-move' })
      if (nodesSel) onSelection({ nodes: nodesSel, edges: selection.edges })
    },
    [edit, onSelection, selection],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let edgesSel: Set<string> | null = null
      for (const c of changes)
        if (c.type === 'select') {
          edgesSel ??= new Set(selection.edges)
          if (c.selected) edgesSel.add(c.id)
          else edgesSel.delete(c.id)
        }
      if (edgesSel) onSelection({ nodes: selection.nodes, edges: edgesSel })
    },
    [onSelection, selection],
  )

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (c.source && c.target) edit((d) => connect(d, c.source, c.sourceHandle ?? 'Done', c.target))
    },
    [edit],
  )

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
  }, [])

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(DRAG_TYPE)
      if (!type) return
      event.preventDefault()
      const p = screenToFlowPosition({ x: event.clientX, y: event.clientY })
      onDropActivity(type, { x: p.x - NODE_WIDTH / 2, y: p.y - 20 })
    },
    [onDropActivity, screenToFlowPosition],
  )

  return (
    <section className="canvas" aria-label="Canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={(c) => {
          // The entry (Start or a trigger) has no input handle; this also stops a connection dropped onto it.
          const target = definition.activities.find((a) => a.id === c.target)
          return c.source !== c.target && !(target && isEntry(target, descriptors.get(target.type)))
        }}
        onNodeDragStart={() => {
          dragStart.current = definitionRef.current
        }}
        onNodeDragStop={() => {
          if (dragStart.current) checkpoint(dragStart.current)
          dragStart.current = null
        }}
        deleteKeyCode={null}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        snapToGrid
        snapGrid={[10, 10]}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <FitViewOnce when={fitOnOpen} />
        <Background />
        <Controls />
        <MiniMap pannable zoomable ariaLabel="Overview of the canvas" style={{ width: 150, height: 100 }} />
      </ReactFlow>
      {definition.activities.length === 0 && (
        <div className="canvas-empty">
          <p>
            <strong>The canvas is empty.</strong> Drag a step from the list on the left, or choose one there to add it. Begin with <em>Start</em>, or with a trigger (a schedule, an email, a file) that starts the workflow by itself.
          </p>
        </div>
      )}
    </section>
  )
}
