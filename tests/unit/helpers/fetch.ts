import { vi } from 'vitest'

/** What the fake server answers for a file name: a JSON value, raw text, or an HTTP status. */
export type FakeFile = { json: unknown } | { text: string } | { status: number } | { networkError: true }

/**
 * Replaces `fetch` with a fake data folder: requests are matched by their last path segment
 * (`…/data/index.json` → files['index.json']); anything else answers 404.
 */
export function stubDataFolder(files: Record<string, FakeFile>): { requests: string[] } {
  const requests: string[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input)
    requests.push(url)
    const name = url.split('/').pop() ?? ''
    const file = files[name]
    if (!file) return new Response('not found', { status: 404 })
    if ('networkError' in file) throw new TypeError('Failed to fetch')
    if ('status' in file) return new Response('error', { status: file.status })
    if ('text' in file) return new Response(file.text, { status: 200 })
    return new Response(JSON.stringify(file.json), { status: 200, headers: { 'content-type': 'application/json' } })
  })
  return { requests }
}
