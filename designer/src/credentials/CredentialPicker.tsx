import { useEffect, useState } from 'react'
import { describeError } from '../api/client'
import { listCredentials, type Credential } from '../api/credentials'

export interface CredentialPickerProps {
  id: string
  value: string
  onChange: (name: string) => void
  /** Only credentials of this kind (for example `mailServer`), when the input needs one kind. */
  kind?: string
  describedBy?: string
  invalid?: boolean
}

/**
 * Chooses a named credential for an activity input whose editor is `credential`. The value saved in the workflow
 * is the credential's name; its secrets never reach the browser.
 */
export default function CredentialPicker({ id, value, onChange, kind, describedBy, invalid }: CredentialPickerProps) {
  const [credentials, setCredentials] = useState<Credential[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    listCredentials()
      .then((all) => live && setCredentials(all))
      .catch((e) => live && setError(describeError(e)))
    return () => {
      live = false
    }
  }, [])

  const choices = (credentials ?? []).filter((c) => !kind || c.kind === kind)
  const missing = value && credentials && !choices.some((c) => c.name === value)
  return (
    <>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={[describedBy, error || missing ? `${id}-status` : undefined].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || missing ? true : undefined}
        disabled={credentials === null && !error}
      >
        <option value="">{credentials === null && !error ? 'Loading credentials…' : 'Choose a credential'}</option>
        {missing && <option value={value}>{value} (not found)</option>}
        {choices.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
            {c.description ? ` – ${c.description}` : ''}
          </option>
        ))}
      </select>
      {(error || missing) && (
        <p id={`${id}-status`} className="field-error">
          {error ?? `There is no credential called “${value}”. An administrator can add it on the Credentials page.`}
        </p>
      )}
    </>
  )
}
