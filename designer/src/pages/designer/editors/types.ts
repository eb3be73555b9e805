import type { InputDescriptor, Json } from '../../../api/types'
import type { ScopeName } from '../../../expressions/scope'

/** What every typed editor gets: the element id, its accessible description and the current literal value. */
export interface EditorProps {
  id: string
  input: InputDescriptor
  value: Json | undefined
  onChange: (value: Json | undefined) => void
  describedBy?: string
  invalid?: boolean
  names: ScopeName[]
}
