import { usePageTitle } from '../../layout/usePageTitle'

// Placeholder: built in issue 3.
export default function InstanceListPage() {
  usePageTitle('Instances')
  return (
    <section className="page">
      <h1>Instances</h1>
    </section>
  )
}
