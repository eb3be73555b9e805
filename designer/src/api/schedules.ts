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

/** One schedule as GET /api/schedules gives it: its next fire times, worked out by the server for cron and interval alike. */
export interface ScheduleSummary {
  triggerId: string
  nextFireTimes: { utc: string; local: string }[]
}

/** The schedules with their next three fire times. */
export const schedulesPath = '/api/schedules?count=3'
