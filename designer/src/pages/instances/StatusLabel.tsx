import type { WorkflowStatus } from '../../api/types'
import './StatusLabel.css'

/** Plain words for each instance status, with a symbol so the status never rests on colour alone. */
const statuses: Record<WorkflowStatus, { text: string; icon: string }> = {
  running: { text: 'Running', icon: '▶' },
  suspended: { text: 'Waiting', icon: '‖' },
  finished: { text: 'Finished', icon: '✔' },
  faulted: { text: 'Faulted', icon: '✖' },
  cancelled: { text: 'Cancelled', icon: '■' },
}

export const statusOptions = Object.entries(statuses).map(([value, s]) => ({ value: value as WorkflowStatus, text: s.text }))

export function statusText(status: WorkflowStatus): string {
  return statuses[status]?.text ?? status
}

/** An instance status as a symbol and a word ("✖ Faulted"); the symbol is hidden from screen readers. */
export default function StatusLabel({ status }: { status: WorkflowStatus }) {
  const s = statuses[status] ?? { text: status, icon: '•' }
  return (
    <span className={`status-label status-${status}`}>
      <span aria-hidden="true" className="status-icon">
        {s.icon}
      </span>
      {s.text}
    </span>
  )
}
