import { api } from './client'
import type { Json } from './types'

/** A setting or secret a kind of credential holds. */
export interface CredentialField {
  name: string
  displayName: string
  required: boolean
  type: 'string' | 'number'
  options?: string[] | null
}

export interface CredentialKind {
  name: string
  displayName: string
  description: string
  fields: CredentialField[]
  secrets: CredentialField[]
  allowsOtherFields: boolean
}

/** A credential as the API shows it: never its secrets, only their names. */
export interface Credential {
  name: string
  kind: string
  description?: string | null
  fields: Record<string, Json>
  secretNames: string[]
  createdAt: string
  updatedAt: string
  updatedBy?: string | null
}

export interface SaveCredential {
  kind: string
  description?: string
  fields: Record<string, Json>
  /** A secret left out keeps its stored value. */
  secrets: Record<string, string>
}

export const listCredentials = () => api<Credential[]>('/api/credentials')
export const listCredentialKinds = () => api<CredentialKind[]>('/api/credentials/kinds')
export const saveCredential = (name: string, body: SaveCredential) =>
  api<Credential>(`/api/credentials/${encodeURIComponent(name)}`, { method: 'PUT', body })
export const deleteCredential = (name: string) =>
  api<void>(`/api/credentials/${encodeURIComponent(name)}`, { method: 'DELETE' })
