// Reads a JSON Schema object into a list of fields to render. Pure, so the mapping can be unit-tested and reused.
// It covers what the server's FormDataValidator (NJsonSchema) checks for task forms: types, required, enum,
// minimum/maximum, maxLength/minLength, formats date, date-time and email. Anything else falls back to a JSON editor,
// so an unusual schema still renders and the server remains the judge of what is valid.

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'date'
  | 'datetime'
  | 'select'
  | 'radio'
  | 'number'
  | 'integer'
  | 'checkbox'
  | 'checkboxes'
  | 'json'

export interface FieldModel {
  name: string
  kind: FieldKind
  label: string
  /** The schema's description, shown under the label. */
  description?: string
  /** Plain-language constraints ("At most 2000 characters."). */
  constraints?: string
  required: boolean
  options?: string[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  default?: unknown
}

type Schema = Record<string, unknown>

/** Enumerations up to this size are radio buttons (all choices visible); longer ones are a drop-down list. */
const maxRadioOptions = 4
/** Strings allowed to be longer than this get a multi-line box. */
const longTextLength = 200

/** The fields of an object schema, in the order of its `properties`. */
export function describeFields(schema: Schema | null | undefined): FieldModel[] {
  const properties = asRecord(schema?.properties)
  if (!properties) return []
  const required = new Set(Array.isArray(schema?.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [])
  return Object.entries(properties).map(([name, raw]) => describeField(name, asRecord(raw) ?? {}, required.has(name)))
}

function describeField(name: string, schema: Schema, required: boolean): FieldModel {
  const base = {
    name,
    label: typeof schema.title === 'string' && schema.title.trim() ? schema.title : humanise(name),
    description: typeof schema.description === 'string' ? schema.description : undefined,
    required,
    default: schema.default,
  }
  const type = typeOf(schema)
  const options = stringEnum(schema.enum)
  if (type === 'string' || (type === undefined && options)) {
    const minLength = number(schema.minLength)
    const maxLength = number(schema.maxLength)
    const constraints = lengthText(minLength, maxLength)
    if (options) return { ...base, kind: options.length <= maxRadioOptions ? 'radio' : 'select', options }
    const format = schema.format
    if (format === 'date') return { ...base, kind: 'date', constraints }
    if (format === 'date-time') return { ...base, kind: 'datetime', constraints }
    if (format === 'email') return { ...base, kind: 'email', minLength, maxLength, constraints }
    const long = format === 'textarea' || (maxLength !== undefined && maxLength > longTextLength)
    return { ...base, kind: long ? 'textarea' : 'text', minLength, maxLength, constraints }
  }
  if (type === 'number' || type === 'integer') {
    const minimum = number(schema.minimum)
    const maximum = number(schema.maximum)
    return { ...base, kind: type, minimum, maximum, constraints: rangeText(minimum, maximum, type === 'integer') }
  }
  if (type === 'boolean') return { ...base, kind: 'checkbox' }
  if (type === 'array') {
    const itemOptions = stringEnum(asRecord(schema.items)?.enum)
    if (itemOptions) return { ...base, kind: 'checkboxes', options: itemOptions }
  }
  return { ...base, kind: 'json', constraints: 'Enter the value as JSON.' }
}

/** A value with every property's `default` filled in where `value` has none (for a form's first state). */
export function withDefaults(schema: Schema | null | undefined, value: Record<string, unknown> = {}): Record<string, unknown> {
  const result = { ...value }
  for (const field of describeFields(schema))
    if (result[field.name] === undefined && field.default !== undefined) result[field.name] = field.default
  return result
}

/** "first_name" or "firstName" as "First name". */
export function humanise(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  return words ? words[0].toUpperCase() + words.slice(1) : name
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type
  if (typeof type === 'string') return type
  // ["string", "null"]: an optional value of one type.
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null')
  return undefined
}

function stringEnum(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined
  return value.every((v) => typeof v === 'string') ? (value as string[]) : undefined
}

function asRecord(value: unknown): Schema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function lengthText(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && min > 1 && max !== undefined) return `Between ${min} and ${max} characters.`
  if (max !== undefined) return `At most ${max} characters.`
  if (min !== undefined && min > 1) return `At least ${min} characters.`
  return undefined
}

function rangeText(min: number | undefined, max: number | undefined, whole: boolean): string | undefined {
  const kind = whole ? 'A whole number' : 'A number'
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}.`
  if (min !== undefined) return `${kind}, at least ${min}.`
  if (max !== undefined) return `${kind}, at most ${max}.`
  return whole ? 'A whole number.' : undefined
}
