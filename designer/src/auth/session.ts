// The signed-in API key lives in sessionStorage: it survives a reload but not closing the tab, and it is never
// written to localStorage or a cookie. Single sign-on replaces this later.

import { useSyncExternalStore } from 'react'

const storageKey = 'automation.apiKey'
const userKey = 'automation.user'
const listeners = new Set<() => void>()

/** Who is signed in, as the server described the key at sign-in. */
export interface SessionUser {
  name: string
  roles: string[]
}

export function getApiKey(): string | null {
  return sessionStorage.getItem(storageKey)
}

export function signIn(apiKey: string, user: SessionUser): void {
  sessionStorage.setItem(storageKey, apiKey)
  sessionStorage.setItem(userKey, JSON.stringify(user))
  notify()
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey)
  sessionStorage.removeItem(userKey)
  notify()
}

let cachedRaw: string | null = null
let cachedUser: SessionUser | null = null

function currentUser(): SessionUser | null {
  const raw = sessionStorage.getItem(userKey)
  if (raw !== cachedRaw) {
    cachedRaw = raw
    cachedUser = raw ? (JSON.parse(raw) as SessionUser) : null
  }
  return sessionStorage.getItem(storageKey) ? cachedUser : null
}

function notify() {
  for (const listener of listeners) listener()
}

/** The signed-in user, or null; re-renders on sign-in and sign-out. */
export function useSession(): SessionUser | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    currentUser,
  )
}

/** True when the user holds any of the roles. */
export function hasRole(user: SessionUser | null, ...roles: string[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r))
}
