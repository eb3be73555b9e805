import type { ReactNode } from 'react'
import Dialog from '../../components/Dialog'

interface ConfirmDialogProps {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  onClose: () => void
  busy?: boolean
}

/**
 * A modal question (see Dialog). The safe choice has the focus first, so Enter never confirms a destructive action
 * by accident.
 */
export default function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, onConfirm, onClose, busy }: ConfirmDialogProps) {
  if (!open) return null
  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className="button danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
