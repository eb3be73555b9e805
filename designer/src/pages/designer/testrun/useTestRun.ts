// One test run: starts it, then polls the instance and its journal about every 500 ms until it ends, and the
// run's open human tasks while it waits on one.

import { useCallback, useEffect, useRef, useState } from 'react'
import { api, describeError } from '../../../api/client'
import type { HumanTaskItem, InstanceDetail, JournalEntry, JournalPage } from '../../../api/designer'
import type { Page } from '../../../api/types'
import { isEnded } from './runState'

export function useTestRun() {
  const [instance, setInstance] = useState<InstanceDetail | null>(null)
  const [journal, setJournal] = useState<JournalEntry[]>([])
  const [tasks, setTasks] = useState<HumanTaskItem[]>([])
  const [error, setError] = useState<string | null>(null)
  const journalRef = useRef<JournalEntry[]>([])
  const idRef = useRef<string | null>(null)

  const refresh = useCallback(async () => {
    const id = idRef.current
    if (!id) return
    try {
      const detail = await api<InstanceDetail>(`/api/workflow-instances/${id}`)
      let after = journalRef.current.at(-1)?.sequence ?? 0
      for (;;) {
        const page = await api<JournalPage>(`/api/workflow-instances/${id}/journal?after=${after}&limit=1000`)
        if (page.items.length) journalRef.current = [...journalRef.current, ...page.items]
        if (!page.nextAfter) break
        after = page.nextAfter
      }
      const waitsOnTask = detail.bookmarks.some((b) => b.kind === 'HumanTask')
      const open = waitsOnTask ? (await api<Page<HumanTaskItem>>(`/api/tasks?instanceId=${id}`)).items.filter((t) => t.status === 'open' || t.status === 'claimed') : []
      if (idRef.current !== id) return
      setInstance(detail)
      setJournal(journalRef.current)
      setTasks(open)
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }, [])

  const track = useCallback(
    (started: InstanceDetail) => {
      idRef.current = started.id
      journalRef.current = []
      setJournal([])
      setTasks([])
      setInstance(started)
      void refresh()
    },
    [refresh],
  )

  const clear = useCallback(() => {
    idRef.current = null
    journalRef.current = []
    setInstance(null)
    setJournal([])
    setTasks([])
  }, [])

  const ended = isEnded(instance?.status)
  useEffect(() => {
    if (!instance || ended) return
    const timer = setInterval(() => void refresh(), 500)
    return () => clearInterval(timer)
  }, [instance?.id, ended, refresh]) // eslint-disable-line react-hooks/exhaustive-deps

  return { instance, journal, tasks, error, track, refresh, clear }
}
