import { usePageTitle } from '../../layout/usePageTitle'

// Placeholder: built in issue 3.
export default function InstancePage() {
  usePageTitle('Instance')
  return (
    <section className="page">
      <h1>Instance</h1>
    </section>
  )
}
