// Saving the draft: PUT on demand and 2 seconds after the last change (autosave), with a status to show.
// "Saved" means the definition on screen is the one the server has (undoing back to it counts as saved).

import { useCallback, useEffect, useRef, useState } from 'react'
import { api, describeError } from '../../api/client'
import type { SavedDraft } from '../../api/designer'
import type { WorkflowDefinition } from '../../api/types'

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error'

export function useDraftSaving(definitionId: string, definition: WorkflowDefinition | null, onSaved: (result: SavedDraft) => void, enabled = true) {
  const [saved, setSaved] = useState<WorkflowDefinition | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const savedRef = useRef<WorkflowDefinition | null>(null)
  const latest = useRef(definition)
  latest.current = definition
  const inFlight = useRef<Promise<SavedDraft | null> | null>(null)
  const onSavedRef = useRef(onSaved)
  onSavedRef.current = onSaved

  /** Marks `d` as what the server has (after loading). */
  const markSaved = useCallback((d: WorkflowDefinition) => {
    savedRef.current = d
    setSaved(d)
  }, [])

  const save = useCallback(async (): Promise<SavedDraft | null> => {
    if (inFlight.current) await inFlight.current
    const toSave = latest.current
    if (!enabled || !toSave || toSave === savedRef.current) return null
    setSaving(true)
    const request = api<SavedDraft>(`/api/workflow-definitions/${encodeURIComponent(definitionId)}`, { method: 'PUT', body: toSave })
      .then((result) => {
        markSaved(toSave)
        setError(null)
        onSavedRef.current(result)
        return result
      })
      .catch((e) => {
        setError(describeError(e))
        return null
      })
      .finally(() => {
        inFlight.current = null
        setSaving(false)
      })
    inFlight.current = request
    return request
  }, [definitionId, enabled, markSaved])

  const dirty = definition !== null && saved !== null && definition !== saved
  useEffect(() => {
    if (!dirty) return
    const timer = setTimeout(() => void save(), 2000)
    return () => clearTimeout(timer)
  }, [definition, dirty, save])

  const status: SaveStatus = saving ? 'saving' : error && dirty ? 'error' : dirty ? 'unsaved' : 'saved'
  return { status, dirty, error, save, markSaved }
}
