// The unsaved-changes guard: the browser's own prompt when the tab is closed or reloaded, and a confirmation when
// leaving the page inside the app (react-router's useBlocker; main.tsx provides the data router it needs).

import { useEffect } from 'react'
import { useBlocker } from 'react-router-dom'

const MESSAGE = 'This workflow has changes that are not saved yet. Leave the page and lose them?'

export default function NavigationGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname)
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    if (window.confirm(MESSAGE)) blocker.proceed()
    else blocker.reset()
  }, [blocker])

  useEffect(() => {
    if (!when) return
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', beforeUnload)
    return () => window.removeEventListener('beforeunload', beforeUnload)
  }, [when])
  return null
}
