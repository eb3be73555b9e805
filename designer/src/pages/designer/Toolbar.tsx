// The designer's header: the workflow's name, version and save status, and its commands. Publish is disabled
// with the reason shown next to it while there are problems.

import { Link } from 'react-router-dom'
import type { SaveStatus } from './useDraftSaving'

interface Props {
  definitionId: string
  name: string
  version: number
  isPublished: boolean
  publishedVersion: number | null
  saveStatus: SaveStatus
  saveError: string | null
  checking: boolean
  problemCount: number
  canUndo: boolean
  canRedo: boolean
  publishBlocked: string | null
  onUndo: () => void
  onRedo: () => void
  onTidy: () => void
  onSave: () => void
  onPublish: () => void
  onShortcuts: () => void
  onShowProblems: () => void
}

const statusText: Record<SaveStatus, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  error: 'Not saved',
}

export default function Toolbar(p: Props) {
  const versionText = p.isPublished
    ? `Version ${p.version} · Published`
    : `Version ${p.version} · Draft${p.publishedVersion ? ` (version ${p.publishedVersion} is published)` : ' (not published yet)'}`
  return (
    <div className="designer-toolbar">
      <div className="designer-title">
        <h1>{p.name || 'Untitled workflow'}</h1>
        <p className="designer-meta">
          <span>{versionText}</span>
          <span className={`save-status save-${p.saveStatus}`} role="status">
            <span aria-hidden="true">{p.saveStatus === 'saved' ? '✓ ' : p.saveStatus === 'error' ? '⚠ ' : '● '}</span>
            {statusText[p.saveStatus]}
            {p.saveStatus === 'error' && p.saveError ? `: ${p.saveError}` : ''}
          </span>
          <button type="button" className={`link-button problems-count${p.problemCount ? ' has-problems' : ''}`} onClick={p.onShowProblems}>
            <span aria-hidden="true">{p.checking ? '… ' : p.problemCount ? '⚠ ' : '✓ '}</span>
            {p.checking ? 'Checking…' : p.problemCount ? `${p.problemCount} problem${p.problemCount === 1 ? '' : 's'}` : 'No problems'}
          </button>
          <Link to={`/workflows/${encodeURIComponent(p.definitionId)}/versions`}>Version history</Link>
        </p>
      </div>
      <div className="designer-commands" role="toolbar" aria-label="Workflow commands">
        <button type="button" className="button secondary" onClick={p.onUndo} disabled={!p.canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" className="button secondary" onClick={p.onRedo} disabled={!p.canRedo} aria-keyshortcuts="Control+Y">
          Redo
        </button>
        <button type="button" className="button secondary" onClick={p.onTidy} aria-keyshortcuts="Shift+L">
          Tidy layout
        </button>
        <button type="button" className="button secondary" onClick={p.onShortcuts} aria-keyshortcuts="?">
          Shortcuts
        </button>
        <button type="button" className="button secondary" onClick={p.onSave} disabled={p.saveStatus === 'saved' || p.saveStatus === 'saving'} aria-keyshortcuts="Control+S">
          Save draft
        </button>
        <span className="publish-group">
          <button type="button" className="button primary" onClick={p.onPublish} disabled={!!p.publishBlocked} aria-describedby={p.publishBlocked ? 'publish-blocked' : undefined}>
            Publish…
          </button>
          {p.publishBlocked && (
            <span id="publish-blocked" className="publish-blocked">
              {p.publishBlocked}
            </span>
          )}
        </span>
      </div>
    </div>
  )
}
