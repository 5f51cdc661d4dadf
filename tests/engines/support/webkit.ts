/**
 * WebKitGTK over classic W3C WebDriver: Debian's WebKitWebDriver launching MiniBrowser in
 * automation mode, under xvfb-run. The client is a few fetch calls (new session, navigate,
 * execute, screenshot, window size): a library would add a dependency tree for five endpoints.
 *
 * Classic WebDriver cannot run a script before the page's own, and WebKitWebDriver has no log
 * endpoint, so uncaught errors are recorded by a test-only hook that the test server loads as a
 * same-origin file (`error-hook.js`, see `testHook` in scripts/serve-static.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EnginePage, PageFunction } from './engine'
import { MINIBROWSER_PATH, PHONE_VIEWPORT, WEBKIT_DRIVER_PATH, XVFB_RUN_PATH } from './env'

/** The script the test server must load first for this engine (`startServer({ testHook })`). */
export const WEBKIT_ERROR_HOOK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'error-hook.js')

/**
 * MiniBrowser's toolbar keeps its window at least 447 px wide; this GTK theme (for the test's
 * own XDG_CONFIG_HOME) shrinks the toolbar's widgets so the window, and the page, can be 390.
 * GTK styles the window's widgets only, never the web page.
 */
const SMALL_TOOLBAR_CSS = '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; -gtk-icon-transform: scale(0.1); }\n'

/** A free TCP port on 127.0.0.1 for the driver. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

interface WebDriverAnswer {
  value: unknown
}

/** A classic WebDriver session over fetch. */
class Session {
  constructor(
    private readonly base: string,
    readonly id: string,
  ) {}

  static async command(base: string, method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(base + route, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const answer = (await response.json()) as WebDriverAnswer
    if (!response.ok) {
      const error = answer.value as { error?: string; message?: string } | null
      throw new Error(`WebDriver ${method} ${route}: ${error?.error ?? response.status} ${error?.message ?? ''}`.trim())
    }
    return answer.value
  }

  send(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<unknown> {
    return Session.command(this.base, method, `/session/${this.id}${route}`, body)
  }
}

/** Launches WebKitWebDriver under xvfb-run, opens a MiniBrowser session and sizes its window to the phone. */
export async function launchWebKit(): Promise<EnginePage> {
  const config = await mkdtemp(path.join(os.tmpdir(), 'engine-smoke-webkit-'))
  await mkdir(path.join(config, 'gtk-3.0'))
  await writeFile(path.join(config, 'gtk-3.0', 'gtk.css'), SMALL_TOOLBAR_CSS)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let output = ''
  // Its own process group, so closing ends xvfb-run, Xvfb, the driver and the browser together.
  const driver: ChildProcess = spawn(XVFB_RUN_PATH, ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER_PATH, `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: config },
  })
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000)
  }
  driver.stdout?.on('data', keep)
  driver.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => driver.once('exit', () => resolve()))

  const stop = async (): Promise<void> => {
    if (driver.exitCode === null && driver.signalCode === null && driver.pid) {
      try {
        process.kill(-driver.pid, 'SIGTERM')
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
    }
    await rm(config, { recursive: true, force: true })
  }

  let session: Session
  try {
    const until = Date.now() + 30_000
    for (;;) {
      try {
        await Session.command(base, 'GET', '/status')
        break
      } catch (error) {
        if (driver.exitCode !== null || Date.now() > until) throw new Error(`WebKitWebDriver did not start: ${String(error)}\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    const created = (await Session.command(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } } },
    })) as { sessionId: string }
    session = new Session(base, created.sessionId)
    await session.send('POST', '/timeouts', { script: 20_000, pageLoad: 30_000 })
    await session.send('POST', '/window/rect', { ...PHONE_VIEWPORT })
  } catch (error) {
    await stop()
    throw error
  }

  const evaluate = async <A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> =>
    (await session.send('POST', '/execute/sync', { script: `return (${fn.toString()}).apply(null, arguments)`, args })) as R

  return {
    async load(url) {
      await session.send('POST', '/url', { url: 'about:blank' })
      await session.send('POST', '/url', { url })
    },
    evaluate,
    async takeProblems() {
      // After a frame and a task, so errors raised by what was just done are in.
      const taken = await evaluate(
        () =>
          new Promise<string[] | null>((resolve) =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                const recorded = (window as unknown as { __testHookProblems?: string[] }).__testHookProblems
                // The blank page the browser starts on has no hook and no problems; any page of the app must have it.
                resolve(recorded ? recorded.splice(0) : location.protocol === 'about:' ? [] : null)
              }, 0),
            ),
          ),
      )
      if (taken === null) throw new Error('the error hook is not loaded: serve the app with startServer({ testHook: WEBKIT_ERROR_HOOK })')
      return taken
    },
    async screenshot(file) {
      const png = (await session.send('GET', '/screenshot')) as string
      await writeFile(file, Buffer.from(png, 'base64'))
    },
    async close() {
      await session.send('DELETE', '').catch(() => undefined)
      await stop()
    },
  }
}
