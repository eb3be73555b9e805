// Fits the view to the flow once, when every node has been measured (React Flow's fitView prop can run before
// the custom nodes have their sizes). Rendered as a child of <ReactFlow>, so it is inside its provider.

import { useNodesInitialized, useReactFlow } from '@xyflow/react'
import { useEffect, useRef } from 'react'

export default function FitViewOnce({ when = true }: { when?: boolean }) {
  const initialized = useNodesInitialized()
  const { fitView } = useReactFlow()
  const done = useRef(false)
  useEffect(() => {
    if (!when || !initialized || done.current) return
    done.current = true
    void fitView({ maxZoom: 1, padding: 0.1 })
  }, [when, initialized, fitView])
  return null
}
