import { useEffect, useState } from 'react'
import type { Page } from '../../api/types'
import type { InstanceSummary } from '../../api/operations'
import { getInstanceStatistics, listFaultedInstances, type InstanceStatistics } from '../../api/statistics'

export const dashboardDays = 14
export const incidentCount = 10

export interface DashboardState {
  statistics: InstanceStatistics | null
  incidents: Page<InstanceSummary> | null
  error: unknown
}

/** The dashboard's counts and newest incidents, fetched together and again when `reloadKey` changes. */
export function useDashboard(reloadKey: number): DashboardState {
  const [state, setState] = useState<DashboardState>({ statistics: null, incidents: null, error: null })
  useEffect(() => {
    const controller = new AbortController()
    Promise.all([getInstanceStatistics(dashboardDays, controller.signal), listFaultedInstances(incidentCount, controller.signal)]).then(
      ([statistics, incidents]) => setState({ statistics, incidents, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, error }))
      },
    )
    return () => controller.abort()
  }, [reloadKey])
  return state
}
