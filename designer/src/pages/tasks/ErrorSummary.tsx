import { useEffect, useRef } from 'react'

export interface SummaryItem {
  message: string
  /** The id of the field to jump to, when the problem is about one. */
  fieldId?: string
}

/**
 * "There is a problem" above a form after a refused submit: it takes the focus so a screen reader announces it, and
 * each problem links to its field (the GOV.UK pattern council staff know).
 */
export default function ErrorSummary({ title, items }: { title: string; items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [items])
  return (
    <div ref={ref} className="alert error error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  e.preventDefault()
                  document.getElementById(item.fieldId!)?.focus()
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
