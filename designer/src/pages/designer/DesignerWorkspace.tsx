// The designer itself: palette, canvas and side panel (step settings, workflow settings, problems, test run),
// with undo/redo, live validation, autosave, publishing and keyboard shortcuts. The definition in useHistory is the
// single source of truth; everything on screen is derived from it.

import { useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiError, api, describeError, type ProblemError } from '../../api/client'
import { hasRole, useSession } from '../../auth/session'
import type { SavedDraft } from '../../api/designer'
import type { ActivityDescriptor, DefinitionVersion, Position, WorkflowDefinition } from '../../api/types'
import { scopeNames } from '../../expressions/scope'
import { descriptorMap } from '../../flowchart/graph'
import { NODE_WIDTH } from '../../flowchart/layout'
import ActivityPanel from './ActivityPanel'
import Canvas, { type Selection } from './Canvas'
import { addActivity, autoLayout, copySelection, paste, removeElements, renameActivity, setInput, setNextStep, updateActivity, type Clipboard } from './edits'
import { fieldDomId } from './fieldIds'
import NavigationGuard from './NavigationGuard'
import Palette from './Palette'
import ProblemsList from './ProblemsList'
import PublishDialog from './PublishDialog'
import ShortcutsDialog from './ShortcutsDialog'
import SidePanel, { type Tab } from './SidePanel'
import { runPath } from './testrun/runState'
import TestRunPanel from './testrun/TestRunPanel'
import { useTestRun } from './testrun/useTestRun'
import Toolbar from './Toolbar'
import { useDraftSaving } from './useDraftSaving'
import { useHistory } from './useHistory'
import { useValidation } from './useValidation'
import WorkflowPanel from './WorkflowPanel'

interface Props {
  initial: DefinitionVersion
  initialPublishedVersion: number | null
  descriptors: ActivityDescriptor[]
}

const emptySelection: Selection = { nodes: new Set(), edges: new Set() }
const noEdit = () => {}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

export default function DesignerWorkspace({ initial, initialPublishedVersion, descriptors }: Props) {
  const history = useHistory(initial.definition)
  // Only admins and process owners may change definitions (docs/api.md); others see the flow and may test it.
  const user = useSession()
  const canEdit = hasRole(user, 'admin', 'processOwner')
  const { definition, undo, redo } = history
  const edit = canEdit ? history.edit : noEdit
  const byType = useMemo(() => descriptorMap(descriptors), [descriptors])
  const [version, setVersion] = useState({ number: initial.version, isPublished: initial.isPublished })
  const [publishedVersion, setPublishedVersion] = useState(initialPublishedVersion)
  const [selection, setSelection] = useState<Selection>(emptySelection)
  const [tab, setTab] = useState<Tab>('step')
  const [dialog, setDialog] = useState<'publish' | 'shortcuts' | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [runStep, setRunStep] = useState<string | null>(null)
  const clipboard = useRef<Clipboard | null>(null)
  const { screenToFlowPosition } = useReactFlow()

  const validation = useValidation(definition)
  const onSaved = useCallback((result: SavedDraft) => setVersion({ number: result.draft.version, isPublished: result.draft.isPublished }), [])
  const saving = useDraftSaving(initial.definitionId, definition, onSaved, canEdit)
  const { markSaved } = saving
  useEffect(() => markSaved(initial.definition), [initial.definition, markSaved])

  const run = useTestRun()
  const path = useMemo(() => runPath(run.journal, run.instance, definition.connections), [run.journal, run.instance, definition.connections])

  const problems = validation.problems
  const problemCounts = useMemo(() => {
    const counts: Record<string, number> = {}
    for (const p of problems) if (p.activityId) counts[p.activityId] = (counts[p.activityId] ?? 0) + 1
    return counts
  }, [problems])

  const selectedId = selection.nodes.size === 1 ? [...selection.nodes][0] : null
  const selected = definition.activities.find((a) => a.id === selectedId) ?? null
  const allNames = useMemo(() => scopeNames(definition, byType, selectedId ?? undefined), [definition, byType, selectedId])
  // The same names keep the same array, so the code editors are not reconfigured on every keystroke.
  const namesKey = JSON.stringify(allNames)
  const names = useMemo(() => allNames, [namesKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const select = useCallback((ids: string[]) => setSelection({ nodes: new Set(ids), edges: new Set() }), [])

  const onSelection = useCallback(
    (next: Selection) => {
      setSelection(next)
      if (next.nodes.size === 1) {
        const id = [...next.nodes][0]
        if (run.instance) setRunStep(id)
        else setTab((t) => (t === 'run' ? t : 'step'))
      }
    },
    [run.instance],
  )

  const add = useCallback(
    (type: string, position: Position) => {
      const descriptor = byType.get(type)
      if (!descriptor) return
      // Computed from the definition on screen so the new id is known at once (to select it and announce it).
      const r = addActivity(definition, descriptor, position)
      edit(() => r.definition)
      select([r.id])
      setTab('step')
      setAnnouncement(`Added ${descriptor.displayName} as ${r.id}.`)
    },
    [byType, definition, edit, select],
  )

  const addInView = useCallback(
    (type: string) => {
      const rect = document.querySelector('.canvas')?.getBoundingClientRect()
      const centre = rect ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 3 }) : { x: 0, y: 0 }
      const nudge = (definition.activities.length % 6) * 30
      add(type, { x: centre.x - NODE_WIDTH / 2 + nudge, y: centre.y + nudge })
    },
    [add, definition.activities.length, screenToFlowPosition],
  )

  const deleteSelection = useCallback(() => {
    if (selection.nodes.size === 0 && selection.edges.size === 0) return
    const count = selection.nodes.size + selection.edges.size
    edit((d) => removeElements(d, selection.nodes, selection.edges))
    setSelection(emptySelection)
    setAnnouncement(`Deleted ${count} item${count === 1 ? '' : 's'}.`)
  }, [edit, selection])

  const doPaste = useCallback(() => {
    const clip = clipboard.current
    if (!clip || clip.activities.length === 0) return
    const r = paste(definition, clip)
    edit(() => r.definition)
    select(r.ids)
    setAnnouncement(`Pasted ${r.ids.length} step${r.ids.length === 1 ? '' : 's'}.`)
  }, [definition, edit, select])

  const tidy = useCallback(() => {
    edit(autoLayout)
    setAnnouncement('Tidied the layout.')
  }, [edit])

  // Keyboard shortcuts (listed in shortcuts.ts). Keys typed into a field belong to the field, except Ctrl+S.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrl = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (ctrl && key === 's') {
        e.preventDefault()
        void saving.save()
        return
      }
      if (dialog || isTyping(e.target) || (e.target as HTMLElement | null)?.closest?.('dialog')) return
      // Deleting, copying and selecting act on the canvas: only from the canvas (or nowhere in particular), so that
      // Backspace on a palette entry or a panel button does not delete the selected step.
      const onCanvas = e.target === document.body || !!(e.target as HTMLElement | null)?.closest?.('.canvas')
      if (ctrl && key === 'z' && !e.shiftKey) {
        undo()
        setAnnouncement('Undone.')
      } else if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) {
        redo()
        setAnnouncement('Redone.')
      } else if (ctrl && key === 'c' && onCanvas) {
        clipboard.current = copySelection(definition, selection.nodes)
        setAnnouncement(`Copied ${selection.nodes.size} step${selection.nodes.size === 1 ? '' : 's'}.`)
      } else if (ctrl && key === 'v' && onCanvas) doPaste()
      else if (ctrl && key === 'a' && onCanvas) select(definition.activities.map((a) => a.id))
      else if ((e.key === 'Delete' || e.key === 'Backspace') && onCanvas) deleteSelection()
      else if (e.key === 'L' && e.shiftKey && !ctrl) tidy()
      else if (e.key === '?') setDialog('shortcuts')
      else if (e.key === 'Escape') setSelection(emptySelection)
      else return
      e.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [definition, deleteSelection, dialog, doPaste, redo, saving, select, selection.nodes, tidy, undo])

  const openProblem = useCallback(
    (p: ProblemError) => {
      if (p.activityId && definition.activities.some((a) => a.id === p.activityId)) {
        select([p.activityId])
        setTab('step')
      } else setTab('workflow')
      setTimeout(() => {
        const target =
          (p.field && document.getElementById(fieldDomId(p.activityId ?? 'workflow', p.field))) ||
          (p.field?.startsWith('connections') && p.activityId && document.querySelector<HTMLElement>(`[id^="${fieldDomId(p.activityId, 'next.')}"]`)) ||
          document.getElementById('side-panel-content')
        target?.focus()
      }, 60)
    },
    [definition.activities, select],
  )

  const publish = useCallback(
    async (comment: string): Promise<string | null> => {
      if (saving.dirty) {
        const saved = await saving.save()
        if (!saved) return saving.error ?? 'The draft could not be saved, so it was not published.'
      }
      try {
        const published = await api<DefinitionVersion>(`/api/workflow-definitions/${encodeURIComponent(initial.definitionId)}/publish`, {
          method: 'POST',
          body: comment ? { comment } : {},
        })
        setVersion({ number: published.version, isPublished: true })
        setPublishedVersion(published.version)
        setAnnouncement(`Published version ${published.version}.`)
        return null
      } catch (e) {
        if (e instanceof ApiError && e.problem.errors?.length) return `${e.message} ${e.problem.errors.map((x) => x.message).join(' ')}`
        return describeError(e)
      }
    },
    [initial.definitionId, saving],
  )

  const hasUnpublishedChanges = saving.dirty || !version.isPublished
  const publishBlocked = !canEdit
    ? 'Your API key may not change workflows.'
    : problems.length > 0
      ? `Fix the ${problems.length} problem${problems.length === 1 ? '' : 's'} before publishing.`
      : version.isPublished && !saving.dirty
        ? `Version ${version.number} is published; change something to make a new draft.`
        : null

  const activityProblems = selected ? problems.filter((p) => p.activityId === selected.id) : []
  return (
    <div className="designer">
      <NavigationGuard when={saving.dirty} />
      {!canEdit && (
        <p className="alert warning read-only-note">
          You can look at this workflow and try it, but not change it: your API key’s roles ({user?.roles.join(', ')}) do not include process owner.
        </p>
      )}
      <Toolbar
        definitionId={initial.definitionId}
        name={definition.name}
        version={version.number}
        isPublished={version.isPublished && !saving.dirty}
        publishedVersion={publishedVersion}
        saveStatus={saving.status}
        saveError={saving.error}
        checking={validation.checking}
        problemCount={problems.length}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        publishBlocked={publishBlocked}
        onUndo={undo}
        onRedo={redo}
        onTidy={tidy}
        onSave={() => void saving.save()}
        onPublish={() => setDialog('publish')}
        onShortcuts={() => setDialog('shortcuts')}
        onShowProblems={() => setTab('problems')}
      />
      <div className="designer-body">
        <Palette descriptors={descriptors} onAdd={addInView} readOnly={!canEdit} />
        <Canvas
          definition={definition}
          descriptors={byType}
          problems={problemCounts}
          steps={run.instance ? path.steps : undefined}
          taken={run.instance ? path.taken : undefined}
          selection={selection}
          onSelection={onSelection}
          edit={edit}
          checkpoint={history.checkpoint}
          onDropActivity={add}
          readOnly={!canEdit}
        />
        <SidePanel tab={tab} onTab={setTab} problemCount={problems.length} running={!!run.instance}>
          <fieldset className="plain-fieldset" disabled={!canEdit && (tab === 'step' || tab === 'workflow')}>
          {tab === 'step' &&
            (selected ? (
              <ActivityPanel
                activity={selected}
                descriptor={byType.get(selected.type)}
                definition={definition}
                descriptors={byType}
                problems={activityProblems}
                names={names}
                onRename={(next) => {
                  edit((d) => renameActivity(d, selected.id, next))
                  select([next])
                }}
                onDisplayName={(name) => edit((d) => updateActivity(d, selected.id, (a) => ({ ...a, displayName: name || null })), { coalesce: `${selected.id}:displayName` })}
                onInput={(name, value) => edit((d) => setInput(d, selected.id, name, value), { coalesce: `${selected.id}:inputs.${name}` })}
                onSetNext={(outcome, to) => edit((d) => setNextStep(d, selected.id, outcome, to))}
                onDelete={deleteSelection}
              />
            ) : (
              <div className="empty-panel">
                <h2>No step selected</h2>
                <p>
                  {selection.nodes.size > 1
                    ? `${selection.nodes.size} steps are selected. Delete, copy or move them together, or select one to see its settings.`
                    : 'Select a step on the canvas (click it, or Tab to it and press Enter) to see and change its settings.'}
                </p>
              </div>
            ))}
          {tab === 'workflow' && <WorkflowPanel definition={definition} problems={problems} onChange={(change, key) => edit((d) => ({ ...d, ...change }) as WorkflowDefinition, { coalesce: `workflow:${key}` })} />}
          {tab === 'problems' && (
            <>
              <h2>Problems</h2>
              {validation.error && <p className="alert error">The problems could not be checked: {validation.error}</p>}
              <ProblemsList problems={problems} definition={definition} onOpen={openProblem} />
            </>
          )}
          {tab === 'run' && (
            <TestRunPanel
              definition={definition}
              publishedVersion={publishedVersion}
              hasUnpublishedChanges={hasUnpublishedChanges}
              run={run}
              path={path}
              selectedStep={runStep}
              onSelectStep={(id) => {
                setRunStep(id)
                setSelection({ nodes: new Set([id]), edges: new Set() })
              }}
            />
          )}
          </fieldset>
        </SidePanel>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {dialog === 'publish' && <PublishDialog version={version.number} onPublish={publish} onClose={() => setDialog(null)} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
    </div>
  )
}
