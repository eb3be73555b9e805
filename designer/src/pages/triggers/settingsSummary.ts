// A trigger's settings in one line for the lists ("cron: 0 0 6 ? * MON-FRI, timeZone: Europe/London"); settings hold
// no secrets (credentials are named, not included), so all of them may be shown.

import type { Json } from '../../api/types'

function valueText(value: Json): string {
  if (value === null) return 'none'
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return JSON.stringify(value)
}

/** Each setting as "name: value", in the order the server sent them; empty settings are left out. */
export function settingsEntries(settings: Record<string, Json>): [string, string][] {
  return Object.entries(settings)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => [k, valueText(v)])
}

export function settingsSummary(settings: Record<string, Json>): string {
  return settingsEntries(settings).map(([k, v]) => `${k}: ${v}`).join(', ')
}
