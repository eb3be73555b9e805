import type { TriggerEventKind } from '../../api/triggers'
import './triggers.css'

/** Each kind of trigger event as a symbol and a word, so that an error never rests on colour alone. */
const kinds: Record<string, { text: string; icon: string }> = {
  fired: { text: 'Started an instance', icon: '▶' },
  duplicate: { text: 'Already started', icon: '↺' },
  quarantined: { text: 'Quarantined an input', icon: '⚠' },
  error: { text: 'Error', icon: '✖' },
}

/** A trigger event's kind ("✖ Error"); the symbol is hidden from screen readers, errors are also in bold. */
export default function EventKindLabel({ kind }: { kind: TriggerEventKind }) {
  const k = kinds[kind] ?? { text: kind, icon: '•' }
  return (
    <span className={`event-kind event-${kind}`}>
      <span aria-hidden="true" className="event-icon">
        {k.icon}
      </span>
      {k.text}
    </span>
  )
}
