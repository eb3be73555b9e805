// The unsaved-changes guard: the browser's own prompt when the tab is closed or reloaded, and a confirmation when
// leaving the page inside the app. react-router's useBlocker needs a data router; under the app's BrowserRouter
// links are intercepted instead (both paths are here so the guard keeps working if the router changes).

import { useContext, useEffect } from 'react'
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router-dom'

const MESSAGE = 'This workflow has changes that are not saved yet. Leave the page and lose them?'

function DataRouterBlocker({ when }: { when: boolean }) {
  const blocker = useBlocker(when)
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    if (window.confirm(MESSAGE)) blocker.proceed()
    else blocker.reset()
  }, [blocker])
  return null
}

export default function NavigationGuard({ when }: { when: boolean }) {
  const dataRouter = useContext(UNSAFE_DataRouterContext)
  useEffect(() => {
    if (!when) return
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', beforeUnload)
    const onClick = (event: MouseEvent) => {
      if (dataRouter) return
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
      if (!link || link.target === '_blank' || link.origin !== window.location.origin || link.pathname === window.location.pathname) return
      if (!window.confirm(MESSAGE)) {
        event.preventDefault()
        event.stopPropagation()
      }
    }
    document.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [when, dataRouter])
  return dataRouter ? <DataRouterBlocker when={when} /> : null
}
