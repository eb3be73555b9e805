// TypeScript shapes of the server's JSON (camelCase, enums as camelCase strings). The server's documentation is
// docs/api.md and the OpenAPI document at /openapi/v1.json; keep these in step with them.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** An input value: a JSON literal, or an expression object. */
export type InputValue = Json | { $js: string } | { $liquid: string }

export interface Position {
  x: number
  y: number
}

export interface RetryPolicy {
  maxAttempts: number
  initialDelay: string
  backoffMultiplier: number
  maxDelay: string
  jitter: number
}

export interface ActivityNode {
  id: string
  type: string
  displayName?: string | null
  inputs: Record<string, InputValue>
  position?: Position | null
  retry?: RetryPolicy | null
}

export interface Connection {
  from: string
  outcome: string
  to: string
}

export type ValueType = 'any' | 'string' | 'number' | 'boolean' | 'object' | 'array' | 'datetime'

export interface WorkflowParameter {
  name: string
  type: ValueType
  required?: boolean
  description?: string | null
  default?: Json
  secret?: boolean
}

export interface VariableDefinition {
  name: string
  type: ValueType
  default?: Json
  secret?: boolean
}

export interface WorkflowDefinition {
  id: string
  name: string
  description?: string | null
  inputs: WorkflowParameter[]
  outputs: WorkflowParameter[]
  variables: VariableDefinition[]
  activities: ActivityNode[]
  connections: Connection[]
}

export interface DefinitionSummary {
  id: string
  name: string
  description?: string | null
  latestVersion: number
  publishedVersion?: number | null
  updatedAt: string
  updatedBy?: string | null
}

export interface DefinitionVersion {
  definitionId: string
  version: number
  isPublished: boolean
  definition: WorkflowDefinition
  createdAt: string
  updatedAt: string
  updatedBy?: string | null
  publishedAt?: string | null
  publishedBy?: string | null
  comment?: string | null
}

export interface InputDescriptor {
  name: string
  displayName: string
  description: string
  type: string
  editor: string
  required: boolean
  options?: string[] | null
  default?: Json
  evaluatedByActivity: boolean
  secret: boolean
}

export interface OutputDescriptor {
  name: string
  type: string
  description: string
}

export interface ActivityDescriptor {
  type: string
  category: string
  displayName: string
  description: string
  inputs: InputDescriptor[]
  outputs: OutputDescriptor[]
  outcomes: string[]
  dynamicOutcomesInput?: string | null
  isLoop: boolean
  /** A trigger starts the workflow in Start's place; its inputs are settings read at publish time, values only. */
  isTrigger?: boolean
}

export type WorkflowStatus = 'running' | 'suspended' | 'finished' | 'faulted' | 'cancelled'

export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}
