import { useCallback, useEffect, useState } from 'react'
import { describeError } from '../../api/client'
import { deleteCredential, listCredentialKinds, listCredentials, type Credential, type CredentialKind } from '../../api/credentials'
import { hasRole, useSession } from '../../auth/session'
import Dialog from '../../components/Dialog'
import CredentialForm from '../../credentials/CredentialForm'
import { usePageTitle } from '../../layout/usePageTitle'
import './CredentialsPage.css'

/** Lists the named credentials workflows and bots use; admins add, change and delete them. */
export default function CredentialsPage() {
  usePageTitle('Credentials')
  const user = useSession()
  const isAdmin = hasRole(user, 'admin')
  const [credentials, setCredentials] = useState<Credential[] | null>(null)
  const [kinds, setKinds] = useState<CredentialKind[]>([])
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [editing, setEditing] = useState<Credential | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Credential | null>(null)

  const load = useCallback(async () => {
    try {
      const [all, allKinds] = await Promise.all([listCredentials(), listCredentialKinds()])
      setCredentials(all)
      setKinds(allKinds)
    } catch (e) {
      setError(describeError(e))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const kindName = (name: string) => kinds.find((k) => k.name === name)?.displayName ?? name

  async function confirmDelete() {
    if (!deleting) return
    try {
      await deleteCredential(deleting.name)
      setMessage(`Deleted ${deleting.name}.`)
      setDeleting(null)
      await load()
    } catch (e) {
      setError(describeError(e))
      setDeleting(null)
    }
  }

  return (
    <section className="page credentials-page">
      <div className="page-heading">
        <h1>Credentials</h1>
        {isAdmin && (
          <button type="button" className="button primary" onClick={() => setEditing('new')}>
            Add credential
          </button>
        )}
      </div>
      <p>
        Sign-ins and keys that workflows and bots use to reach other systems. Passwords and keys are stored encrypted and
        are never shown again once saved.
        {!isAdmin && ' Only an administrator can add or change them.'}
      </p>
      <div aria-live="polite">
        {message && <div className="alert success">{message}</div>}
      </div>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      {credentials === null && !error && <p>Loading credentials…</p>}
      {credentials?.length === 0 && <p className="empty">There are no credentials yet.</p>}
      {credentials && credentials.length > 0 && (
        <table>
          <caption className="visually-hidden">Credentials</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Settings</th>
              <th scope="col">Secrets</th>
              <th scope="col">Last changed</th>
              {isAdmin && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  {c.name}
                  {c.description && <div className="hint">{c.description}</div>}
                </th>
                <td>{kindName(c.kind)}</td>
                <td>
                  {Object.entries(c.fields)
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join(', ') || '—'}
                </td>
                <td>{c.secretNames.length ? c.secretNames.map((s) => `${s}: set`).join(', ') : 'none'}</td>
                <td>
                  <time dateTime={c.updatedAt}>{new Date(c.updatedAt).toLocaleString('en-GB')}</time>
                  {c.updatedBy && ` by ${c.updatedBy}`}
                </td>
                {isAdmin && (
                  <td className="row-actions">
                    <button type="button" className="button secondary" onClick={() => setEditing(c)} aria-label={`Change ${c.name}`}>
                      Change
                    </button>
                    <button type="button" className="button secondary" onClick={() => setDeleting(c)} aria-label={`Delete ${c.name}`}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {editing && (
        <Dialog title={editing === 'new' ? 'Add a credential' : `Change ${editing.name}`} onClose={() => setEditing(null)}>
          <CredentialForm
            kinds={kinds}
            existing={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={async (saved) => {
              setMessage(`Saved ${saved.name}.`)
              setEditing(null)
              await load()
            }}
          />
        </Dialog>
      )}

      {deleting && (
        <Dialog title={`Delete ${deleting.name}?`} onClose={() => setDeleting(null)}>
          <p>Workflows that use this credential will fail until it is added again. This cannot be undone.</p>
          <div className="dialog-actions">
            <button type="button" className="button secondary" onClick={() => setDeleting(null)} autoFocus>
              Cancel
            </button>
            <button type="button" className="button danger" onClick={confirmDelete}>
              Delete credential
            </button>
          </div>
        </Dialog>
      )}
    </section>
  )
}
