#!/usr/bin/env node
// A tiny, dependency-free static server for the built app, the way production serves it:
// under a sub-path (/budget/), with SPA fallback, the site's strict Content-Security-Policy,
// gzip, and `/` redirecting to the sub-path. Binds to 127.0.0.1 only.
//
//   node scripts/serve-static.mjs [--root dist] [--base /budget/] [--data DIR] [--port 4173] [--no-csp]
//
// `--data DIR` serves DIR at <base>data/ instead of <root>/data, so tests can serve broken or
// hostile data without touching public/data. Also a module: `startServer({ root, base, dataDir, port: 0 })`.
// Tests only: `startServer({ testHook: FILE })` serves FILE at <base>__test-hook.js and loads it
// first in the app's HTML, as a same-origin script, so the CSP stays exactly as shipped.
import { createServer } from 'node:http'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createGzip } from 'node:zlib'

/** The header every response carries: no inline script or style, nothing from another origin. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"

/** Content types by file extension; anything else is served as application/octet-stream. */
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
}

/** Types worth compressing (already-compressed images and fonts are not). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/

/**
 * @typedef {object} ServerOptions
 * @property {string} [root]     Folder to serve (default: dist).
 * @property {string} [base]     Sub-path the app lives under (default: /budget/).
 * @property {string} [dataDir]  Folder served at <base>data/ instead of <root>/data.
 * @property {number} [port]     Port; 0 picks a free one (default: 0).
 * @property {boolean} [csp]     Send the Content-Security-Policy header (default: true).
 * @property {boolean} [log]     Log each request to stdout (default: false).
 * @property {string} [testHook] Tests only: a script served at <base>__test-hook.js and loaded first by the app's HTML.
 */

/**
 * @typedef {object} RunningServer
 * @property {string} url        The app's address, with the sub-path: http://127.0.0.1:PORT/budget/
 * @property {string} origin     http://127.0.0.1:PORT
 * @property {number} port
 * @property {() => Promise<void>} close  Stops the server and drops open connections.
 */

/** Resolves `rel` inside `dir`, or null when it would step outside (`..`, absolute paths). */
function inside(dir, rel) {
  const full = path.resolve(dir, `.${path.posix.sep}${rel}`)
  return full === dir || full.startsWith(dir + path.sep) ? full : null
}

/** The file at `full` (or its index.html when a folder), or null. */
async function findFile(full) {
  try {
    const s = await stat(full)
    if (s.isFile()) return { file: full, size: s.size }
    if (s.isDirectory()) {
      const index = path.join(full, 'index.html')
      const si = await stat(index)
      if (si.isFile()) return { file: index, size: si.size }
    }
  } catch {
    // missing: fall through
  }
  return null
}

/**
 * Starts the server.
 * @param {ServerOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const root = path.resolve(options.root ?? 'dist')
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : null
  const base = `/${(options.base ?? '/budget/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
  const sendCsp = options.csp ?? true
  const indexFile = await findFile(path.join(root, 'index.html'))
  if (!indexFile) throw new Error(`serve-static: no index.html in ${root} (build the app first)`)
  const testHook = options.testHook ? { file: path.resolve(options.testHook), url: `${base}${TEST_HOOK_NAME}` } : null

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`500 ${String(e)}`)
    })
  })

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let pathname
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return send(res, 400, 'bad request')
    }
    if (options.log) console.log(`${req.method} ${req.url}`)
    if (sendCsp) res.setHeader('content-security-policy', CSP)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      return send(res, 405, 'method not allowed')
    }
    if (pathname === '/' || `${pathname}/` === base) {
      res.writeHead(302, { location: base + url.search })
      return res.end()
    }
    if (!pathname.startsWith(base)) return send(res, 404, 'not found')

    const rel = pathname.slice(base.length)
    if (testHook && rel === TEST_HOOK_NAME) return sendFile(req, res, { file: testHook.file, size: (await stat(testHook.file)).size }, false)
    const fromData = dataDir !== null && (rel === 'data' || rel.startsWith('data/'))
    const full = fromData ? inside(dataDir, rel.slice('data'.length)) : inside(root, rel)
    const found = full ? await findFile(full) : null
    if (found && testHook && found.file === indexFile.file) return sendHookedIndex(req, res, indexFile.file, testHook.url)
    if (found) return sendFile(req, res, found, rel.startsWith('assets/'))
    // SPA fallback, except for data and for anything that looks like a file (a missing script,
    // image or JSON file must answer 404, not the app's HTML with 200).
    if (rel.startsWith('data/') || path.posix.extname(rel) !== '') return send(res, 404, 'not found')
    if (testHook) return sendHookedIndex(req, res, indexFile.file, testHook.url)
    return sendFile(req, res, indexFile, false)
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `http://127.0.0.1:${port}`
  return {
    url: origin + base,
    origin,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      }),
  }
}

/** Where a test hook is served, under the base. */
const TEST_HOOK_NAME = '__test-hook.js'

/**
 * The app's HTML with `<script src="HOOK">` as the first element of its head: a classic script,
 * so it runs before the app's module scripts. Tests only (see `testHook`).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 * @param {string} hookUrl
 */
async function sendHookedIndex(req, res, file, hookUrl) {
  const tag = `<script src="${hookUrl}"></script>`
  const page = await readFile(file, 'utf8')
  const html = /<head(\s[^>]*)?>/i.test(page) ? page.replace(/<head(\s[^>]*)?>/i, (head) => head + tag) : page.replace(/^(<!doctype html>)?/i, (doctype) => doctype + tag)
  const body = Buffer.from(html, 'utf8')
  res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-cache', 'content-length': String(body.length) })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} body */
function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end(`${status} ${body}\n`)
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ file: string, size: number }} found
 * @param {boolean} immutable  Hashed build assets may be cached for ever; everything else is revalidated.
 */
function sendFile(req, res, found, immutable) {
  const type = MIME[/** @type {keyof typeof MIME} */ (path.extname(found.file).toLowerCase())] ?? 'application/octet-stream'
  const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  res.setHeader('content-type', type)
  res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
  res.setHeader('vary', 'accept-encoding')
  if (gzip) res.setHeader('content-encoding', 'gzip')
  else res.setHeader('content-length', String(found.size))
  res.writeHead(200)
  if (req.method === 'HEAD') return res.end()
  const stream = createReadStream(found.file)
  stream.on('error', () => res.destroy())
  if (gzip) stream.pipe(createGzip()).pipe(res)
  else stream.pipe(res)
}

/** `--name value` pairs and `--flag`s from argv. */
function parseArgs(argv) {
  /** @type {Record<string, string | true>} */
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) continue
    const next = argv[i + 1]
    if (next !== undefined && !next.startsWith('--')) {
      out[a.slice(2)] = next
      i++
    } else out[a.slice(2)] = true
  }
  return out
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = parseArgs(process.argv.slice(2))
  const str = (/** @type {string} */ k) => (typeof args[k] === 'string' ? /** @type {string} */ (args[k]) : undefined)
  const running = await startServer({
    root: str('root'),
    base: str('base'),
    dataDir: str('data'),
    port: str('port') ? Number(str('port')) : 4173,
    csp: !args['no-csp'],
    log: Boolean(args.log),
  })
  console.log(`serving ${path.resolve(str('root') ?? 'dist')} at ${running.url}${str('data') ? ` (data from ${path.resolve(str('data') ?? '')})` : ''}`)
  const stop = () => void running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
