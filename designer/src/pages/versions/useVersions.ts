import { useEffect, useState } from 'react'
import { getDefinition, listVersions, type VersionInfo } from '../../api/library'

export interface VersionsState {
  name: string | null
  versions: VersionInfo[] | null
  error: unknown
}

/** The workflow's name and its versions, newest first; fetched again when `reloadKey` changes. */
export function useVersions(definitionId: string, reloadKey: number): VersionsState {
  const [state, setState] = useState<VersionsState>({ name: null, versions: null, error: null })
  useEffect(() => {
    const controller = new AbortController()
    Promise.all([getDefinition(definitionId, undefined, controller.signal), listVersions(definitionId, controller.signal)]).then(
      ([newest, versions]) => setState({ name: newest.definition.name, versions, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ name: null, versions: null, error })
      },
    )
    return () => controller.abort()
  }, [definitionId, reloadKey])
  return state
}
