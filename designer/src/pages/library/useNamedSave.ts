import { useState, type FormEvent } from 'react'
import type { useNameAndId } from './NameAndIdFields'

/**
 * The submit of the create, duplicate and import dialogs: checks the name and id fields, then runs `save`, keeping
 * the field problems, the server's error and whether it is busy. On success the dialog is left to its caller, which
 * closes it, so `busy` stays true then.
 */
export function useNamedSave(fields: ReturnType<typeof useNameAndId>, save: () => Promise<void>) {
  const [problems, setProblems] = useState<ReturnType<typeof fields.problems>>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = fields.problems()
    setProblems(found)
    if (found) return
    setBusy(true)
    setError(null)
    try {
      await save()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return { problems, error, busy, submit }
}
