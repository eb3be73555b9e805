import type { ReactElement } from 'react'
import CredentialsPage from './pages/credentials/CredentialsPage'
import DashboardPage from './pages/dashboard/DashboardPage'
import DesignerPage from './pages/designer/DesignerPage'
import InstanceListPage from './pages/instances/InstanceListPage'
import InstancePage from './pages/instances/InstancePage'
import LibraryPage from './pages/library/LibraryPage'
import TaskInboxPage from './pages/tasks/TaskInboxPage'
import VersionsPage from './pages/versions/VersionsPage'
import TaskPage from './pages/tasks/TaskPage'
import QuarantinePage from './pages/quarantine/QuarantinePage'
import SchedulesPage from './pages/schedules/SchedulesPage'
import TriggerPage from './pages/triggers/TriggerPage'
import TriggersPage from './pages/triggers/TriggersPage'
import QueuesPage from './pages/queues/QueuesPage'
import QueuePage from './pages/queues/QueuePage'
import QueueItemPage from './pages/queues/QueueItemPage'
import BotsPage from './pages/bots/BotsPage'

/** A page of the app; those with a `nav` label appear in the main navigation, in this order. */
export interface AppRoute {
  path: string
  element: ReactElement
  nav?: string
}

export const appRoutes: AppRoute[] = [
  { path: '/dashboard', element: <DashboardPage />, nav: 'Dashboard' },
  { path: '/workflows', element: <LibraryPage />, nav: 'Workflows' },
  { path: '/workflows/:definitionId', element: <DesignerPage /> },
  { path: '/workflows/:definitionId/versions', element: <VersionsPage /> },
  { path: '/instances', element: <InstanceListPage />, nav: 'Instances' },
  { path: '/instances/:instanceId', element: <InstancePage /> },
  { path: '/tasks', element: <TaskInboxPage />, nav: 'Tasks' },
  { path: '/queues', element: <QueuesPage />, nav: 'Queues' },
  { path: '/queues/:queueName', element: <QueuePage /> },
  { path: '/queue-items/:itemId', element: <QueueItemPage /> },
  { path: '/bots', element: <BotsPage />, nav: 'Bots' },
  { path: '/triggers', element: <TriggersPage />, nav: 'Triggers' },
  { path: '/triggers/:triggerId', element: <TriggerPage /> },
  { path: '/schedules', element: <SchedulesPage />, nav: 'Schedules' },
  { path: '/quarantine', element: <QuarantinePage />, nav: 'Quarantine' },
  { path: '/credentials', element: <CredentialsPage />, nav: 'Credentials' },
  { path: '/tasks/:taskId', element: <TaskPage /> },
]
