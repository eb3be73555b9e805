interface PagerProps {
  label: string
  pageNumber: number
  nextCursor?: string | null
  onNext: (cursor: string) => void
  onPrevious: () => void
  disabled?: boolean
}

/** "Previous page" and "Next page" for keyset paging, with the page number in words. */
export default function Pager({ label, pageNumber, nextCursor, onNext, onPrevious, disabled }: PagerProps) {
  if (pageNumber === 1 && !nextCursor) return null
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button secondary" onClick={onPrevious} disabled={disabled || pageNumber === 1}>
        Previous page
      </button>
      <span>Page {pageNumber}</span>
      <button type="button" className="button secondary" onClick={() => nextCursor && onNext(nextCursor)} disabled={disabled || !nextCursor}>
        Next page
      </button>
    </nav>
  )
}
