import { getDefinition } from '../../api/library'

/**
 * Downloads a version (the newest when none is given) as `<id>.workflow.json`: the workflow document exactly as the
 * server holds it, so importing the file gives the same definition back.
 */
export async function exportDefinition(id: string, version?: number): Promise<void> {
  const stored = await getDefinition(id, version)
  const text = JSON.stringify(stored.definition, null, 2) + '\n'
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `${id}.workflow.json`
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
