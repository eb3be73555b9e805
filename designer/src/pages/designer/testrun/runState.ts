// Words for a run's status, and whether it has ended; the path itself is read by flowchart/runPath.ts.

export { runPath, type RunPath } from '../../../flowchart/runPath'

export const statusText: Record<string, string> = {
  running: 'Running',
  suspended: 'Waiting',
  finished: 'Finished',
  faulted: 'Failed',
  cancelled: 'Cancelled',
}

export const isEnded = (status: string | undefined) => status === 'finished' || status === 'faulted' || status === 'cancelled'
