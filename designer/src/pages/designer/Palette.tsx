// The activity palette: every activity type the server offers, grouped by category and searchable. Drag one onto
// the canvas, or activate it (click, Enter or Space) to add it in the middle of the visible canvas.

import { useMemo, useState, type DragEvent } from 'react'
import type { ActivityDescriptor } from '../../api/types'
import { initialsOf } from '../../flowchart/outcomes'

/** An id-safe form of a category name ("Control flow" → "control-flow"). */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

export const DRAG_TYPE = 'application/x-automation-activity'

interface Props {
  descriptors: ActivityDescriptor[]
  onAdd: (type: string) => void
  readOnly?: boolean
}

export default function Palette({ descriptors, onAdd, readOnly }: Props) {
  const [search, setSearch] = useState('')
  const groups = useMemo(() => {
    const q = search.trim().toLowerCase()
    const matching = descriptors.filter((d) => !q || [d.displayName, d.type, d.description, d.category].some((t) => t.toLowerCase().includes(q)))
    const byCategory = new Map<string, ActivityDescriptor[]>()
    for (const d of matching) byCategory.set(d.category, [...(byCategory.get(d.category) ?? []), d])
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b))
  }, [descriptors, search])

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(DRAG_TYPE, type)
    event.dataTransfer.effectAllowed = 'move'
  }

  if (readOnly)
    return (
      <nav className="palette" aria-label="Activities">
        <h2>Steps</h2>
        <p>Adding steps needs a process owner’s key.</p>
      </nav>
    )
  return (
    <nav className="palette" aria-label="Activities">
      <h2 id="palette-heading">Steps</h2>
      <div className="field">
        <label htmlFor="palette-search">Search steps</label>
        <input id="palette-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby="palette-hint" />
        <p className="hint" id="palette-hint">
          Drag a step onto the canvas, or choose it to add it.
        </p>
      </div>
      {groups.length === 0 && <p>No step matches “{search}”.</p>}
      {groups.map(([category, items]) => (
        <section key={category} aria-labelledby={`palette-${slug(category)}`}>
          <h3 id={`palette-${slug(category)}`}>{category}</h3>
          <ul className="palette-list">
            {items.map((d) => (
              <li key={d.type} className="palette-entry">
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  onDragStart={(e) => onDragStart(e, d.type)}
                  onClick={() => onAdd(d.type)}
                  aria-describedby={`palette-desc-${d.type}`}
                  data-activity-type={d.type}
                >
                  <span className="fc-icon" aria-hidden="true">
                    {initialsOf(d.type)}
                  </span>
                  <span className="palette-name">
                    <span className="visually-hidden">Add </span>
                    {d.displayName}
                  </span>
                </button>
                <p className="palette-desc" id={`palette-desc-${d.type}`}>
                  {d.description}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  )
}
