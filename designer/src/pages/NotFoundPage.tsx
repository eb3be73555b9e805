import { Link } from 'react-router-dom'
import { usePageTitle } from '../layout/usePageTitle'

export default function NotFoundPage() {
  usePageTitle('Page not found')
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Go to the <Link to="/workflows">workflow library</Link>.
      </p>
    </section>
  )
}
