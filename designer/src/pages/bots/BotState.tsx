import type { BotWorkerStatus } from '../../api/bots'
import '../queues/queues.css'

const statuses: Record<string, { text: string; icon: string }> = {
  idle: { text: 'Idle (waiting for items)', icon: '○' },
  working: { text: 'Working', icon: '▶' },
  stopping: { text: 'Stopping', icon: '◼' },
  stopped: { text: 'Stopped', icon: '■' },
  misconfigured: { text: 'Misconfigured', icon: '✖' },
}

/** Whether the worker was heard from lately, as a symbol and a word. */
export function OnlineState({ online }: { online: boolean }) {
  return (
    <span className={`online-state ${online ? 'bot-online' : 'bot-offline'}`}>
      <span aria-hidden="true">{online ? '●' : '○'}</span>
      {online ? 'Online' : 'Offline'}
    </span>
  )
}

/** A worker's status as a symbol and words. */
export default function BotState({ status }: { status: BotWorkerStatus }) {
  const s = statuses[status] ?? { text: status, icon: '•' }
  return (
    <span className={`online-state${status === 'misconfigured' ? ' bot-misconfigured' : ''}`}>
      <span aria-hidden="true">{s.icon}</span>
      {s.text}
    </span>
  )
}
