import { useId, useState } from 'react'
import { idFromName, idProblem } from './workflowId'

/** A workflow name and the id derived from it, which stays derived until the person edits the id themselves. */
export function useNameAndId(initialName: string, initialId?: string) {
  const [name, setNameState] = useState(initialName)
  const [id, setIdState] = useState(initialId ?? idFromName(initialName))
  // An id given up front (from an imported file) is kept as it is rather than re-derived from the name.
  const [idEdited, setIdEdited] = useState(initialId !== undefined)
  return {
    name,
    id,
    setName(value: string) {
      setNameState(value)
      if (!idEdited) setIdState(idFromName(value))
    },
    setId(value: string) {
      setIdEdited(true)
      setIdState(value)
    },
    /** Field messages, or null when both are fine. */
    problems(): { name?: string; id?: string } | null {
      const nameProblem = name.trim() ? undefined : 'Enter a name.'
      const idMessage = idProblem(id) ?? undefined
      return nameProblem || idMessage ? { name: nameProblem, id: idMessage } : null
    },
  }
}

interface Props {
  state: ReturnType<typeof useNameAndId>
  problems: { name?: string; id?: string } | null
}

/** The name and id fields of the create, duplicate and import dialogs, with their help and error messages. */
export default function NameAndIdFields({ state, problems }: Props) {
  const nameId = useId()
  const idId = useId()
  return (
    <>
      <div className="field">
        <label htmlFor={nameId}>Name</label>
        <p className="hint" id={`${nameId}-hint`}>
          What people call this process, for example “Supplier invoice approval”.
        </p>
        {problems?.name && (
          <p className="field-error" id={`${nameId}-error`}>
            {problems.name}
          </p>
        )}
        <input
          id={nameId}
          name="name"
          value={state.name}
          onChange={(e) => state.setName(e.target.value)}
          aria-invalid={problems?.name ? true : undefined}
          aria-describedby={`${nameId}-hint${problems?.name ? ` ${nameId}-error` : ''}`}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={idId}>Id</label>
        <p className="hint" id={`${idId}-hint`}>
          Made from the name; used in addresses and by other systems, and cannot be changed later.
        </p>
        {problems?.id && (
          <p className="field-error" id={`${idId}-error`}>
            {problems.id}
          </p>
        )}
        <input
          id={idId}
          name="id"
          value={state.id}
          onChange={(e) => state.setId(e.target.value)}
          aria-invalid={problems?.id ? true : undefined}
          aria-describedby={`${idId}-hint${problems?.id ? ` ${idId}-error` : ''}`}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </>
  )
}
