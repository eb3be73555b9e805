import { api } from './client'

/** GET /api/cron/next-fire-times: a valid Quartz cron expression and when it fires next, as local times with offsets. */
export interface CronPreview {
  expression: string
  timeZone: string
  nextFireTimes: string[]
}

export const previewCron = (expression: string, timeZone = 'Europe/London', count = 5, signal?: AbortSignal) =>
  api<CronPreview>(
    `/api/cron/next-fire-times?expression=${encodeURIComponent(expression)}&timeZone=${encodeURIComponent(timeZone)}&count=${count}`,
    { signal },
  )
