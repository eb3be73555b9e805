import type { JournalKind } from '../../api/operations'

/** Each journal event in plain words, for people who never read the engine's code. */
export const journalKindText: Record<JournalKind, string> = {
  instanceStarted: 'Instance started',
  activityScheduled: 'Step scheduled',
  activityStarted: 'Step started',
  activityCompleted: 'Step completed',
  activityFaulted: 'Step failed',
  activityRetried: 'Step will be retried',
  bookmarkCreated: 'Started waiting',
  bookmarkResumed: 'Wait ended',
  instanceSuspended: 'Instance waiting',
  instanceFinished: 'Instance finished',
  instanceFaulted: 'Instance faulted',
  instanceCancelled: 'Instance cancelled',
  instanceRetried: 'Instance retried',
  log: 'Log message',
}

/** Events that mean something went wrong, marked with a symbol as well as colour. */
export const problemKinds = new Set<JournalKind>(['activityFaulted', 'instanceFaulted'])
