import { usePageTitle } from '../../layout/usePageTitle'

// Placeholder: built in issue 3.
export default function DashboardPage() {
  usePageTitle('Dashboard')
  return (
    <section className="page">
      <h1>Dashboard</h1>
    </section>
  )
}
