// The one way the designer talks to the server: fetch with the signed-in API key, JSON in and out, and
// RFC 9457 problem details turned into ApiError so that pages can show what the server said was wrong.

import { getApiKey, signOut } from '../auth/session'

/** One problem the server found (validation errors name the activity and field). */
export interface ProblemError {
  code: string
  message: string
  activityId?: string | null
  field?: string | null
}

/** The body of an error response (application/problem+json). */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: ProblemError[]
  traceId?: string
}

/** An error response from the API, with the problem details the server sent. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: unknown
  /** A body sent as it is (for example CSV text) instead of `body` as JSON. */
  rawBody?: { text: string; contentType: string }
  signal?: AbortSignal
  /** Send this key instead of the signed-in one (used by sign-in to test a key). */
  apiKey?: string
}

/**
 * Calls the API and returns the parsed JSON body (undefined for 204).
 * @throws ApiError when the server answers with an error status; a 401 also signs the user out.
 * @throws TypeError when the server cannot be reached.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const key = options.apiKey ?? getApiKey()
  if (key) headers['X-Api-Key'] = key
  let body: string | undefined
  if (options.rawBody) {
    headers['Content-Type'] = options.rawBody.contentType
    body = options.rawBody.text
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal })
  if (response.status === 204) return undefined as T
  const text = await response.text()
  const json = text ? safeParse(text) : undefined
  if (!response.ok) {
    if (response.status === 401 && options.apiKey === undefined) signOut()
    const problem: Problem = typeof json === 'object' && json !== null ? (json as Problem) : { title: text || response.statusText }
    throw new ApiError(response.status, { status: response.status, ...problem })
  }
  return json as T
}

/**
 * GETs a file (a document's content) with the signed-in API key, which a plain link cannot send, and returns it as a
 * Blob with the file name the server gave (Content-Disposition), if any.
 * @throws ApiError when the server answers with an error status.
 * @throws TypeError when the server cannot be reached.
 */
export async function apiBlob(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const key = getApiKey()
  const response = await fetch(path, { headers: key ? { 'X-Api-Key': key } : {} })
  if (!response.ok) {
    const text = await response.text()
    const json = text ? safeParse(text) : undefined
    if (response.status === 401) signOut()
    const problem: Problem = typeof json === 'object' && json !== null ? (json as Problem) : { title: text || response.statusText }
    throw new ApiError(response.status, { status: response.status, ...problem })
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) }
}

/** The file name in a Content-Disposition header (RFC 6266: filename* wins over filename). */
function fileNameOf(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (extended) return decodeURIComponent(extended[1])
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain ? plain[1] : null
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A sentence for a person from any error thrown by `api`. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'Your API key does not have a role that may do this.'
    return error.message
  }
  if (error instanceof TypeError) return 'The server cannot be reached. Check that it is running and try again.'
  return error instanceof Error ? error.message : String(error)
}
