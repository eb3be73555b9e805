import { usePageTitle } from '../../layout/usePageTitle'

// Placeholder: built in issue 3.
export default function DesignerPage() {
  usePageTitle('Designer')
  return (
    <section className="page">
      <h1>Designer</h1>
    </section>
  )
}
