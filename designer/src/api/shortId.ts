/**
 * The short form of an id the server made (instance, item, task), for tables and links.
 *
 * Generated ids are version 7 GUIDs (32 hex digits) whose first 12 digits are the time they were made in milliseconds,
 * so their first 8 digits are the same for everything made in the same minute: the short form is the last 8, which
 * are random. A child workflow's id is its parent's id followed by the step that started it ("…-7-1"), so any other
 * id keeps its last 12 characters, marked as cut with an ellipsis.
 */
export function shortId(id: string): string {
  if (/^[0-9a-f]{32}$/i.test(id)) return id.slice(-8)
  return id.length <= 16 ? id : `…${id.slice(-12)}`
}
