// Workflow ids name a workflow in addresses and in the API, so they follow the schema's rule (docs/workflow-format.md):
// letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters.

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/** An id made from a name: "Pay supplier invoice" → "pay-supplier-invoice". */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '')
}

/** A sentence saying what is wrong with the id, or null when it is fine. */
export function idProblem(id: string): string | null {
  if (!id) return 'Enter an id.'
  if (id.length > 100) return 'The id can be at most 100 characters long.'
  if (!idPattern.test(id)) return 'Use only letters, digits, dots, dashes and underscores, starting with a letter or digit.'
  return null
}
