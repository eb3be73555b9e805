import { usePageTitle } from '../../layout/usePageTitle'

// Placeholder: built in issue 3.
export default function TaskInboxPage() {
  usePageTitle('Tasks')
  return (
    <section className="page">
      <h1>Tasks</h1>
    </section>
  )
}
