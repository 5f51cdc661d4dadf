// The static server the browser tests (and anyone previewing the build) rely on: the sub-path,
// the SPA fallback, the exact CSP the issue sets, MIME types, gzip, the data override.
// Plain Node: runs even where no browser is installed.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../scripts/serve-static.mjs'

/** The policy the issue requires, word for word. */
const REQUIRED_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"

/** A raw GET (no automatic decompression or redirects), so headers and bytes are as sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })
}

describe('serve-static', () => {
  let dir = ''
  let server: RunningServer
  const INDEX = '<!doctype html><title>app</title>'
  const APP_JS = 'console.log("app")'

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'serve-static-test-'))
    await mkdir(path.join(dir, 'site', 'assets'), { recursive: true })
    await mkdir(path.join(dir, 'site', 'data'), { recursive: true })
    await mkdir(path.join(dir, 'other-data'), { recursive: true })
    await writeFile(path.join(dir, 'site', 'index.html'), INDEX)
    await writeFile(path.join(dir, 'site', 'assets', 'app.js'), APP_JS)
    await writeFile(path.join(dir, 'site', 'assets', 'app.css'), 'body{}')
    await writeFile(path.join(dir, 'site', 'icon.svg'), '<svg/>')
    await writeFile(path.join(dir, 'site', 'data', 'index.json'), '{"from":"site"}')
    await writeFile(path.join(dir, 'other-data', 'index.json'), '{"from":"override"}')
    await writeFile(path.join(dir, 'secret.txt'), 'outside the root')
    server = await startServer({ root: path.join(dir, 'site'), base: '/budget/', dataDir: path.join(dir, 'other-data'), port: 0 })
  })
  afterAll(async () => {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 and names the sub-path in its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/budget/`)
  })

  it('sends the required CSP with every answer, errors included', async () => {
    for (const p of ['/budget/', '/budget/assets/app.js', '/budget/nope.js', '/'])
      expect((await get(server.origin + p)).headers['content-security-policy'], p).toBe(REQUIRED_CSP)
  })

  it('redirects / and the bare sub-path to /budget/', async () => {
    for (const p of ['/', '/budget']) {
      const res = await get(server.origin + p)
      expect(res.status, p).toBe(302)
      expect(res.headers.location, p).toBe('/budget/')
    }
  })

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8', APP_JS],
    ['assets/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['icon.svg', 'image/svg+xml', '<svg/>'],
    ['', 'text/html; charset=utf-8', INDEX],
  ])('serves %s as %s', async (file, type, body) => {
    const res = await get(server.url + file)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.body.toString()).toBe(body)
  })

  it('falls back to index.html for app paths, but answers 404 for missing files and data', async () => {
    const app = await get(`${server.url}some/deep/link`)
    expect([app.status, app.body.toString()]).toEqual([200, INDEX])
    for (const p of ['assets/missing.js', 'data/missing.json', 'data/'])
      expect((await get(server.url + p)).status, p).toBe(404)
    expect((await get(`${server.origin}/elsewhere`)).status).toBe(404)
  })

  it('serves the data override at <base>data/', async () => {
    expect(JSON.parse((await get(`${server.url}data/index.json`)).body.toString())).toEqual({ from: 'override' })
  })

  it('never serves a file outside its root', async () => {
    for (const p of ['/budget/../secret.txt', '/budget/%2e%2e/secret.txt', '/budget/..%2fsecret.txt', '/budget/data/..%2f..%2fsecret.txt']) {
      const res = await get(server.origin + p)
      expect(res.body.toString(), p).not.toContain('outside the root')
    }
  })

  it('compresses with gzip when the client accepts it', async () => {
    const res = await get(`${server.url}assets/app.js`, { 'accept-encoding': 'gzip, deflate' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toBe(APP_JS)
    expect((await get(`${server.url}assets/app.js`)).headers['content-encoding']).toBeUndefined()
  })

  it('serves no test hook unless asked', async () => {
    expect((await get(`${server.url}__test-hook.js`)).status).toBe(404)
    expect((await get(server.url)).body.toString()).not.toContain('__test-hook')
  })

  it('with a test hook, loads it first on every app page, same-origin, under the same CSP', async () => {
    const hook = path.join(dir, 'hook.js')
    await writeFile(hook, 'window.hooked = true')
    const hooked = await startServer({ root: path.join(dir, 'site'), base: '/budget/', port: 0, testHook: hook })
    try {
      for (const p of ['', 'index.html', 'some/deep/link']) {
        const res = await get(hooked.url + p)
        expect(res.headers['content-security-policy'], p).toBe(REQUIRED_CSP)
        expect(res.body.toString(), p).toBe(`<!doctype html><script src="/budget/__test-hook.js"></script><title>app</title>`)
      }
      const script = await get(`${hooked.url}__test-hook.js`)
      expect([script.status, script.headers['content-type'], script.body.toString()]).toEqual([200, 'text/javascript; charset=utf-8', 'window.hooked = true'])
    } finally {
      await hooked.close()
    }
  })
})
