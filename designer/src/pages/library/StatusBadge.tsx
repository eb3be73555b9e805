import type { DefinitionSummary } from '../../api/types'
import { definitionStatus, statusText } from './definitionStatus'

/** The workflow's status as text in a badge; the badge's border style differs too, so colour is never the only signal. */
export default function StatusBadge({ definition }: { definition: DefinitionSummary }) {
  return <span className={`status-badge ${definitionStatus(definition)}`}>{statusText(definition)}</span>
}
