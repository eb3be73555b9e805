import { useCallback, useState } from 'react'

/**
 * Keyset paging over an API that answers `nextCursor`: the cursors of the pages already visited are kept in a stack,
 * so "Previous page" goes back without the server having to page backwards. A cursor belongs to one set of filters,
 * so when `filterKey` changes the paging starts again at the first page.
 */
export function useCursorPages(filterKey: string) {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key: filterKey, stack: [] })
  const stack = state.key === filterKey ? state.stack : []
  const cursor = stack.length ? stack[stack.length - 1] : undefined
  const next = useCallback((nextCursor: string) => setState((s) => ({ key: filterKey, stack: [...(s.key === filterKey ? s.stack : []), nextCursor] })), [filterKey])
  const previous = useCallback(() => setState((s) => ({ key: filterKey, stack: s.key === filterKey ? s.stack.slice(0, -1) : [] })), [filterKey])
  return { cursor, pageNumber: stack.length + 1, next, previous }
}
