// A list's filters live in the address (?status=failed&…) so that a link or a reload shows the same view. A page reads
// them with useUrlFilters; its filter form edits a draft with useFilterDraft and applies it with a button, so the list
// does not change under a keyboard user moving through the fields.

import { useCallback, useState } from 'react'
import { useSearchParams } from 'react-router-dom'

/** How one list's filters are read from and written to the address (write leaves out filters that are not set). */
export interface FilterCodec<F> {
  read: (params: URLSearchParams) => F
  write: (filters: F) => URLSearchParams
}

export interface UrlFilters<F> {
  filters: F
  /** The filters as a query string: changes exactly when the filters do (a cursor belongs to one key). */
  key: string
  /** True when any filter is set. */
  filtered: boolean
  /** Puts `next` in the address (a new history entry, so Back returns to the previous view). */
  apply: (next: F) => void
}

/** The filters in the address, read and written through `codec` (keep `codec` a module constant). */
export function useUrlFilters<F>(codec: FilterCodec<F>): UrlFilters<F> {
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = codec.read(searchParams)
  const key = codec.write(filters).toString()
  const apply = useCallback((next: F) => setSearchParams(codec.write(next)), [codec, setSearchParams])
  return { filters, key, filtered: key !== '', apply }
}

/**
 * A filter form's draft of `filters`. When the address changes under the form (Back, a link), the draft becomes the
 * address's filters again; `key` is the filters' query string (UrlFilters.key).
 */
export function useFilterDraft<F>(filters: F, key: string) {
  const [draft, setDraft] = useState(filters)
  const [shownKey, setShownKey] = useState(key)
  if (shownKey !== key) {
    setShownKey(key)
    setDraft(filters)
  }
  const set = useCallback((patch: Partial<F>) => setDraft((d) => ({ ...d, ...patch })), [])
  return { draft, set, setDraft }
}
