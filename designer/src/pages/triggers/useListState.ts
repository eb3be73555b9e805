import { useState } from 'react'

interface Identified {
  id: string
}

/**
 * A loaded list whose rows an action may replace (a trigger paused, an item discarded) without fetching it all again,
 * plus the sentence announcing the last change. A new load starts from the server's list again.
 */
export function useListState<T extends Identified>(loaded: T[] | undefined) {
  const [state, setState] = useState<{ source?: T[]; items?: T[]; message?: string }>({})
  const current = state.source === loaded ? state : { source: loaded, items: loaded, message: state.message }
  if (current !== state) setState(current)
  return {
    items: current.items,
    message: current.message,
    /** Puts `next` in place of the row with its id and announces `message`. */
    replace: (next: T, message: string) =>
      setState((s) => ({ ...s, items: s.items?.map((x) => (x.id === next.id ? next : x)), message })),
  }
}
