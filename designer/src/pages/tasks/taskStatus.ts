import type { TaskStatus } from '../../api/operations'

export const taskStatusText: Record<TaskStatus, string> = {
  open: 'Open',
  claimed: 'Claimed',
  completed: 'Completed',
  cancelled: 'Cancelled',
}
