import { useState, type FormEvent } from 'react'
import { ApiError, describeError } from '../api/client'
import { saveCredential, type Credential, type CredentialField, type CredentialKind } from '../api/credentials'
import type { Json } from '../api/types'

export interface CredentialFormProps {
  kinds: CredentialKind[]
  /** The credential being changed, or null to add one. */
  existing: Credential | null
  onSaved: (saved: Credential) => void
  onCancel: () => void
}

/**
 * Adds or changes a credential. Secret boxes start empty: on a change, an empty box keeps the stored secret, so the
 * browser never holds a stored secret.
 */
export default function CredentialForm({ kinds, existing, onSaved, onCancel }: CredentialFormProps) {
  const [name, setName] = useState(existing?.name ?? '')
  const [kindName, setKindName] = useState(existing?.kind ?? kinds[0]?.name ?? '')
  const [description, setDescription] = useState(existing?.description ?? '')
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(existing?.fields ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)])),
  )
  const [secrets, setSecrets] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const kind = kinds.find((k) => k.name === kindName)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!kind) return
    setBusy(true)
    setErrors({})
    setFailure(null)
    const values: Record<string, Json> = {}
    for (const field of kind.fields) {
      const raw = (fields[field.name] ?? '').trim()
      if (raw === '') continue
      values[field.name] = field.type === 'number' && !Number.isNaN(Number(raw)) ? Number(raw) : raw
    }
    const typedSecrets = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''))
    try {
      onSaved(await saveCredential(name.trim(), { kind: kind.name, description, fields: values, secrets: typedSecrets }))
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors?.length) {
        setErrors(Object.fromEntries(e.problem.errors.map((x) => [x.field ?? '', x.message])))
        setFailure('The credential was not saved. Correct the fields marked below.')
      } else {
        setFailure(describeError(e))
      }
    } finally {
      setBusy(false)
    }
  }

  const input = (group: 'fields' | 'secrets', field: CredentialField) => {
    const id = `credential-${group}-${field.name}`
    const error = errors[`${group}.${field.name}`]
    const isSecret = group === 'secrets'
    const held = isSecret && existing?.secretNames.includes(field.name)
    const hint = held ? 'Set. Leave empty to keep it, or type a new one to replace it.' : undefined
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
    const value = isSecret ? (secrets[field.name] ?? '') : (fields[field.name] ?? '')
    const set = (v: string) =>
      isSecret ? setSecrets({ ...secrets, [field.name]: v }) : setFields({ ...fields, [field.name]: v })
    return (
      <div className="field" key={id}>
        <label htmlFor={id}>
          {field.displayName}
          {field.required && !held ? ' (required)' : ''}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        )}
        {field.options ? (
          <select id={id} value={value} onChange={(e) => set(e.target.value)} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
            <option value="">Choose…</option>
            {field.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type={isSecret ? 'password' : field.type === 'number' ? 'number' : 'text'}
            autoComplete={isSecret ? 'new-password' : 'off'}
            value={value}
            onChange={(e) => set(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          />
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Change ${existing.name}` : 'Add a credential'}>
      {failure && (
        <div className="alert error" role="alert">
          {failure}
        </div>
      )}
      <div className="field">
        <label htmlFor="credential-name">Name (required)</label>
        <p id="credential-name-hint" className="hint">
          Workflows refer to the credential by this name, for example finance-system-bot.
        </p>
        <input
          id="credential-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          readOnly={!!existing}
          aria-describedby={['credential-name-hint', errors.name ? 'credential-name-error' : ''].filter(Boolean).join(' ')}
          aria-invalid={errors.name ? true : undefined}
        />
        {errors.name && (
          <p id="credential-name-error" className="field-error">
            {errors.name}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="credential-kind">Kind</label>
        <select id="credential-kind" value={kindName} onChange={(e) => setKindName(e.target.value)} aria-describedby="credential-kind-hint">
          {kinds.map((k) => (
            <option key={k.name} value={k.name}>
              {k.displayName}
            </option>
          ))}
        </select>
        <p id="credential-kind-hint" className="hint">
          {kind?.description}
        </p>
      </div>
      <div className="field">
        <label htmlFor="credential-description">Description</label>
        <input id="credential-description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {kind?.fields.map((f) => input('fields', f))}
      {kind?.secrets.map((f) => input('secrets', f))}
      <div className="dialog-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save credential'}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
