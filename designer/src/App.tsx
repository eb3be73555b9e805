import { Navigate, Route, Routes } from 'react-router-dom'
import { useSession } from './auth/session'
import SignInPage from './auth/SignInPage'
import AppLayout from './layout/AppLayout'
import NotFoundPage from './pages/NotFoundPage'
import { appRoutes } from './routes'

/** Signed out: only the sign-in page. Signed in: the layout with every page of the app. */
export default function App() {
  const user = useSession()
  if (!user) return <SignInPage />
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/workflows" replace />} />
        {appRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
