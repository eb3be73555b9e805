import { usePageTitle } from '../../layout/usePageTitle'

// Placeholder: built in issue 3.
export default function LibraryPage() {
  usePageTitle('Workflows')
  return (
    <section className="page">
      <h1>Workflows</h1>
    </section>
  )
}
