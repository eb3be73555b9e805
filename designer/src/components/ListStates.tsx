import type { ReactNode } from 'react'
import { describeError } from '../api/client'

interface ListStatesProps<T> {
  /** The loaded data; undefined while it loads (or after an error). */
  data: T | undefined
  /** What the load failed with; undefined when it did not. */
  error: unknown
  /** Loads again; offered as "Try again" after an error (omit where there is nothing to retry). */
  onRetry?: () => void
  /** The sentence before the error's description, e.g. "The items could not be loaded". */
  failed: string
  /** What is said while loading, e.g. "Loading items…". */
  loading: string
  /** Shown instead of `children` when the data is empty (an empty array unless `isEmpty` says otherwise). */
  empty?: ReactNode
  isEmpty?: (data: T) => boolean
  /** The data itself, once loaded and not empty. */
  children: (data: T) => ReactNode
}

const emptyArray = (data: unknown) => Array.isArray(data) && data.length === 0

/**
 * The chain every console list goes through: an error (announced, with "Try again"), then loading (a status message),
 * then an empty-state card (a status message, so a filter that matches nothing is announced), then the list itself.
 */
export default function ListStates<T>({ data, error, onRetry, failed, loading, empty, isEmpty = emptyArray, children }: ListStatesProps<T>) {
  if (error !== undefined)
    return (
      <div className="alert error" role="alert">
        <p>
          {failed}: {describeError(error)}
        </p>
        {onRetry && (
          <button type="button" className="button secondary" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    )
  if (data === undefined) return <p role="status">{loading}</p>
  if (empty !== undefined && isEmpty(data))
    return (
      <div className="card empty-state" role="status">
        {typeof empty === 'string' ? <p>{empty}</p> : empty}
      </div>
    )
  return <>{children(data)}</>
}
