import type { ActivityDescriptor } from '../../api/types'

/** The product's schedule trigger (Quartz cron or a fixed interval). */
export const SCHEDULE_TYPE = 'Schedule'

/**
 * The trigger types the schedules page lists: Schedule, and any module's trigger whose setting is a cron schedule (its
 * input uses the cron editor), so that a council's own timed trigger shows its next runs here too.
 */
export function scheduleTypes(descriptors: ActivityDescriptor[]): string[] {
  const types = new Set([SCHEDULE_TYPE])
  for (const d of descriptors) if (d.isTrigger && d.inputs.some((i) => i.editor === 'cron')) types.add(d.type)
  return [...types]
}

/** The cron setting of a schedule: `cron`, or the first cron-editor input of its type. */
export function cronInputOf(descriptor: ActivityDescriptor | undefined): string {
  return descriptor?.inputs.find((i) => i.editor === 'cron')?.name ?? 'cron'
}
