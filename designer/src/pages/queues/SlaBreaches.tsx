/** A count of SLA breaches: none in words, any as a warning symbol and a bold number (not by colour alone). */
export default function SlaBreaches({ count }: { count: number }) {
  if (count === 0) return <span>0</span>
  return (
    <span className="sla-breach">
      <span aria-hidden="true">⚠ </span>
      {count}
    </span>
  )
}
