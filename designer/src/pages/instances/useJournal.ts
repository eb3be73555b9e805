import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { JournalEntry, JournalPage } from '../../api/operations'

/** Journal pages are fetched this many entries at a time, and at most this many pages per refresh. */
const pageSize = 500
const maxPages = 20

/**
 * The whole journal of an instance, oldest first, paged from the API with `after`/`nextAfter`. When `version` changes
 * (the instance's `updatedAt`), only the entries after the last one held are fetched, so following a live instance
 * costs one small request per change. The whole journal is needed for the path; the timeline shows it in slices.
 */
export function useJournal(instanceId: string, version: string | undefined) {
  const [state, setState] = useState<{ id: string; entries: JournalEntry[]; error?: unknown; truncated?: boolean }>({ id: instanceId, entries: [] })
  const entries = state.id === instanceId ? state.entries : []
  const last = entries.length ? entries[entries.length - 1].sequence : 0

  useEffect(() => {
    if (!version) return
    const controller = new AbortController()
    void (async () => {
      let after = last
      let more = false
      const fetched: JournalEntry[] = []
      try {
        for (let page = 0; page < maxPages; page++) {
          const answer = await api<JournalPage>(
            `/api/workflow-instances/${encodeURIComponent(instanceId)}/journal?after=${after}&limit=${pageSize}`,
            { signal: controller.signal },
          )
          fetched.push(...answer.items)
          more = answer.nextAfter !== undefined && answer.nextAfter !== null
          if (!more) break
          after = answer.nextAfter!
        }
      } catch (error) {
        if (!controller.signal.aborted) setState((s) => ({ id: instanceId, entries: s.id === instanceId ? s.entries : [], error }))
        return
      }
      if (controller.signal.aborted || fetched.length === 0) return
      setState((s) => {
        const held = s.id === instanceId ? s.entries : []
        const top = held.length ? held[held.length - 1].sequence : 0
        return { id: instanceId, entries: [...held, ...fetched.filter((e) => e.sequence > top)], truncated: more }
      })
    })()
    return () => controller.abort()
    // `last` is read when the version changes; a new entry alone must not trigger another fetch.
  }, [instanceId, version])

  return { entries, error: state.id === instanceId ? state.error : undefined, truncated: state.truncated === true }
}
