import { Link } from 'react-router-dom'
import type { DefinitionSummary } from '../../api/types'
import RelativeTime from './RelativeTime'
import StatusBadge from './StatusBadge'

interface Props {
  definitions: DefinitionSummary[]
  canDesign: boolean
  busy: boolean
  onDuplicate: (d: DefinitionSummary) => void
  onExport: (d: DefinitionSummary) => void
  onDelete: (d: DefinitionSummary) => void
}

/** One row per workflow; each action's accessible name includes the workflow's name (read out of context by screen readers). */
export default function DefinitionTable({ definitions, canDesign, busy, onDuplicate, onExport, onDelete }: Props) {
  return (
    <table className="definition-table" aria-busy={busy}>
      <caption className="visually-hidden">Workflows, ordered by name</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col">Latest version</th>
          <th scope="col">Last edited</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {definitions.map((d) => (
          <tr key={d.id}>
            <th scope="row" className="name-cell">
              <Link to={`/workflows/${encodeURIComponent(d.id)}`}>{d.name}</Link>
              <span className="definition-id">{d.id}</span>
              {d.description && <span className="definition-description">{d.description}</span>}
            </th>
            <td>
              <StatusBadge definition={d} />
            </td>
            <td>v{d.latestVersion}</td>
            <td>
              <span className="edited-by">{d.updatedBy ?? 'Unknown'}</span>
              <RelativeTime value={d.updatedAt} />
            </td>
            <td>
              <div className="row-actions">
                <Link className="button secondary small" to={`/workflows/${encodeURIComponent(d.id)}/versions`}>
                  Versions<span className="visually-hidden"> of {d.name}</span>
                </Link>
                <button type="button" className="button secondary small" onClick={() => onExport(d)}>
                  Export<span className="visually-hidden"> {d.name}</span>
                </button>
                {canDesign && (
                  <>
                    <button type="button" className="button secondary small" onClick={() => onDuplicate(d)}>
                      Duplicate<span className="visually-hidden"> {d.name}</span>
                    </button>
                    <button type="button" className="button danger small" onClick={() => onDelete(d)}>
                      Delete<span className="visually-hidden"> {d.name}</span>
                    </button>
                  </>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
