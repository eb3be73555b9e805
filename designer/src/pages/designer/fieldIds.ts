// DOM ids of the property panel's fields, derived from what the validator names (activity id and field), so that a
// problem in the list can focus the field it is about.

export function fieldDomId(activityId: string | null | undefined, field: string): string {
  return `field-${activityId ?? 'workflow'}-${field}`.replace(/[^A-Za-z0-9_-]/g, '_')
}
