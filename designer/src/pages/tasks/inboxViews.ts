// The inbox's views, as the API can answer them: `mine=true` means tasks assigned to, claimed or completed by this
// key's name plus unassigned tasks for one of its roles or for no role; `status` filters one status at a time. Keys
// other than admin and operator only ever see those (docs/api.md, "Task rules").

export interface InboxView {
  id: string
  label: string
  description: string
  query: string
}

export const inboxViews: InboxView[] = [
  { id: 'mine', label: 'Open for me', description: 'Open tasks assigned to you, or to one of your roles.', query: 'mine=true&status=open' },
  { id: 'claimed', label: 'Claimed', description: 'Tasks for you or your roles that someone has claimed and is working on.', query: 'mine=true&status=claimed' },
  { id: 'open', label: 'All open', description: 'Every open task you may see (admins and operators see them all).', query: 'status=open' },
  { id: 'completed', label: 'Completed', description: 'Tasks that have been done, newest first.', query: 'status=completed' },
]

export function viewById(id: string | null): InboxView {
  return inboxViews.find((v) => v.id === id) ?? inboxViews[0]
}
