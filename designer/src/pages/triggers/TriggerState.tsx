/** Active or paused, as a symbol and a word. */
export default function TriggerState({ paused }: { paused: boolean }) {
  return (
    <span className={`trigger-state ${paused ? 'trigger-paused' : 'trigger-active'}`}>
      <span aria-hidden="true" className="event-icon">
        {paused ? '‖' : '●'}
      </span>
      {paused ? 'Paused' : 'Active'}
    </span>
  )
}
