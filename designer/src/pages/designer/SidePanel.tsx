// The side panel's tabs (WAI-ARIA tabs pattern: arrow keys move between tabs).

import type { KeyboardEvent, ReactNode } from 'react'

export type Tab = 'step' | 'workflow' | 'problems' | 'run'

interface Props {
  tab: Tab
  onTab: (tab: Tab) => void
  problemCount: number
  running: boolean
  children: ReactNode
}

export default function SidePanel({ tab, onTab, problemCount, running, children }: Props) {
  const tabs: [Tab, string][] = [
    ['step', 'Step'],
    ['workflow', 'Workflow'],
    ['problems', problemCount ? `Problems (${problemCount})` : 'Problems'],
    ['run', running ? 'Test run ▶' : 'Test run'],
  ]
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex(([t]) => t === tab)
    const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i + tabs.length - 1) % tabs.length : -1
    if (next < 0) return
    e.preventDefault()
    onTab(tabs[next][0])
    document.getElementById(`tab-${tabs[next][0]}`)?.focus()
  }
  return (
    <aside className="side-panel" aria-label="Settings and test runs">
      <div role="tablist" aria-label="Side panel" className="tabs" onKeyDown={onKeyDown}>
        {tabs.map(([t, label]) => (
          <button
            key={t}
            id={`tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls="side-panel-content"
            tabIndex={tab === t ? 0 : -1}
            className="tab"
            onClick={() => onTab(t)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="side-panel-content" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={-1} className="side-panel-content">
        {children}
      </div>
    </aside>
  )
}
