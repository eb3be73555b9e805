import CredentialPicker from '../../../credentials/CredentialPicker'
import type { EditorProps } from './types'

/** A credential input: the name of a stored credential, chosen from those an administrator has added. */
export default function CredentialEditor({ id, value, onChange, describedBy, invalid }: EditorProps) {
  return (
    <CredentialPicker
      id={id}
      value={typeof value === 'string' ? value : ''}
      onChange={(name) => onChange(name === '' ? undefined : name)}
      describedBy={describedBy}
      invalid={invalid}
    />
  )
}
