// How a step of a run is shown: an icon and a word as well as a colour, so the state never rests on colour alone.

export type StepState = 'completed' | 'active' | 'waiting' | 'faulted' | 'cancelled'

export const stepStateLabels: Record<StepState, { icon: string; text: string }> = {
  completed: { icon: '✓', text: 'Completed' },
  active: { icon: '▶', text: 'Running' },
  waiting: { icon: '…', text: 'Waiting' },
  faulted: { icon: '✖', text: 'Failed' },
  cancelled: { icon: '⊘', text: 'Cancelled' },
}
