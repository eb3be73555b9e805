import { useState, type FormEvent } from 'react'
import { api, describeError } from '../api/client'
import { usePageTitle } from '../layout/usePageTitle'
import { signIn, type SessionUser } from './session'

/** Asks for an API key, checks it with GET /api/me and keeps it for this browser tab. */
export default function SignInPage() {
  usePageTitle('Sign in')
  const [key, setKey] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const trimmed = key.trim()
    if (!trimmed) {
      setError('Enter your API key.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const user = await api<SessionUser>('/api/me', { apiKey: trimmed })
      signIn(trimmed, user)
    } catch (e) {
      setError(describeError(e).startsWith('The server cannot') ? describeError(e) : 'That API key was not accepted. Check it and try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} noValidate>
        <h1>Sign in to Automation</h1>
        <p>Enter the API key an administrator gave you. It is kept only until you close this tab.</p>
        <div className="field">
          <label htmlFor="api-key">API key</label>
          <input
            id="api-key"
            name="apiKey"
            type="password"
            autoComplete="current-password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'api-key-error' : undefined}
          />
          {error && (
            <p id="api-key-error" className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
