import { useEffect, useId, useRef, type ReactNode } from 'react'
import './Dialog.css'

interface DialogProps {
  title: string
  /** Called when the person presses Escape or a Cancel button; the parent then stops rendering the dialog. */
  onClose: () => void
  children: ReactNode
  /** Wider for content such as lists of problems. */
  wide?: boolean
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert and moves focus to the
 * first control inside, Escape closes it, and focus returns to the control that opened it (or to <main> when that
 * control is gone, e.g. the row of a deleted workflow). Render it only while it is open.
 */
export default function Dialog({ title, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // Kept in a ref so that the mount effect does not re-run (and re-open) when the parent passes a new function.
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    // Escape: let the parent decide (it unmounts the dialog), instead of the browser closing it behind React's back.
    const cancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      if (dialog.open) dialog.close()
      const target = opener && opener.isConnected ? opener : document.getElementById('main')
      target?.focus()
    }
  }, [])

  return (
    <dialog ref={ref} className={wide ? 'dialog wide' : 'dialog'} aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
