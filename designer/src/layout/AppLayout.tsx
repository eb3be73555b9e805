import { NavLink, Outlet } from 'react-router-dom'
import { signOut, useSession } from '../auth/session'
import { appRoutes } from '../routes'

/** The frame of every signed-in page: skip link, header with the main navigation, and the page in <main>. */
export default function AppLayout() {
  const user = useSession()
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <span className="app-name">Automation</span>
        <nav aria-label="Main">
          <ul className="nav-list">
            {appRoutes
              .filter((r) => r.nav)
              .map((r) => (
                <li key={r.path}>
                  <NavLink to={r.path}>{r.nav}</NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="user">
          <span>
            Signed in as <strong>{user?.name}</strong>
          </span>
          <button type="button" className="button secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
