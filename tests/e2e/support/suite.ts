/**
 * `describeInBrowser`: a test suite with a browser and the built app served under /budget/ with
 * the production CSP. Skipped (outside CI) when Chromium is missing. One browser per test file,
 * one server per suite, a fresh browser context per opened page, closed after each test.
 */
import { afterAll, afterEach, beforeAll, describe } from 'vitest'
import type { Browser, BrowserContext, Response } from 'playwright-core'
import { startServer, type RunningServer } from '../../../scripts/serve-static.mjs'
import type { Locale } from '@/domain/types'
import type { ViewName } from '@/router'
import { VIEWS } from '@/router'
import { launchBrowser, openWatchedPage, type Device, type WatchedPage } from './browser'
import { waitForSettled } from './checks'
import { DataFolder } from './data'
import { BASE_PATH, DIST_DIR, HAS_BROWSER } from './env'

/** Where to open the app: `{ locale: 'en', view: 'classification', query: { node: '201' } }`. */
export interface Target {
  locale: Locale
  /** Default: overview. */
  view?: ViewName
  query?: Record<string, string>
}

/** The hash route of a target, as the app's own links write it: `#/en/classification?node=201`, `#/en`. */
export function hashOf(target: Target): string {
  const path = VIEWS.find((v) => v.name === (target.view ?? 'overview'))?.path ?? ''
  const query = target.query && Object.keys(target.query).length ? `?${new URLSearchParams(target.query).toString()}` : ''
  return `#/${target.locale}${path ? `/${path}` : ''}${query}`
}

export interface OpenedPage extends WatchedPage {
  device: Device
  /** The answer to the page's own request. */
  response: Response | null
}

export interface SuiteOptions {
  /**
   * Serve a copy of public/data instead of the built app's data: `true` for an unchanged copy
   * that tests break and mend themselves, or a function that prepares it once.
   */
  data?: boolean | ((folder: DataFolder) => Promise<void> | void)
  /** Send the CSP header (default true). Hostile-data tests also run without it, to prove the app itself escapes. */
  csp?: boolean
}

export interface BrowserSuite {
  readonly browser: Browser
  readonly server: RunningServer
  /** The served data copy, when the suite was given `data`; tests may break and mend it between page loads. */
  readonly data: DataFolder
  /** Full URL of a target, or of a path on the server (`'/'`, `'/budget/index.html#/en/'`). */
  url(target: Target | string): string
  /** Opens a fresh, watched page at the target on the device and waits until its language is applied and the data gate has settled. */
  open(device: Device, target: Target | string, options?: { settle?: boolean }): Promise<OpenedPage>
}

let shared: Promise<Browser> | null = null
let closerRegistered = false

/** The test file's browser, launched on first use. */
function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser()
  return shared
}

async function closeSharedBrowser(): Promise<void> {
  const pending = shared
  shared = null
  if (pending) await (await pending.catch(() => null))?.close()
}

/** Like `describe`, with a browser and a server; `body` registers tests that use the suite. */
export function describeInBrowser(name: string, body: (suite: BrowserSuite) => void, options: SuiteOptions = {}): void {
  if (HAS_BROWSER && !closerRegistered) {
    closerRegistered = true
    afterAll(closeSharedBrowser)
  }
  describe.skipIf(!HAS_BROWSER)(name, () => {
    let browser: Browser | null = null
    let server: RunningServer | null = null
    let data: DataFolder | null = null
    const contexts: BrowserContext[] = []

    beforeAll(async () => {
      if (options.data) {
        data = await DataFolder.copyOfPublished()
        if (typeof options.data === 'function') await options.data(data)
      }
      server = await startServer({ root: DIST_DIR, base: BASE_PATH, dataDir: data?.dir, port: 0, csp: options.csp ?? true })
      browser = await sharedBrowser()
    })
    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close()))
    })
    afterAll(async () => {
      await server?.close()
      await data?.dispose()
    })

    const need = <T>(value: T | null, what: string): T => {
      if (value === null) throw new Error(`${what} is not ready (did beforeAll fail?)`)
      return value
    }
    const suite: BrowserSuite = {
      get browser() {
        return need(browser, 'the browser')
      },
      get server() {
        return need(server, 'the server')
      },
      get data() {
        return need(data, 'the data copy (pass `data` to describeInBrowser)')
      },
      url(target) {
        const s = need(server, 'the server')
        return typeof target === 'string' ? new URL(target, s.origin).href : s.url + hashOf(target)
      },
      async open(device, target, openOptions = {}) {
        const watched = await openWatchedPage(suite.browser, device, suite.server.origin)
        contexts.push(watched.context)
        const response = await watched.page.goto(suite.url(target))
        if (openOptions.settle ?? true) {
          // The app mounts before the router has applied the URL's language; wait for both.
          if (typeof target !== 'string') await watched.page.waitForFunction((l) => document.documentElement.lang === l, target.locale)
          await waitForSettled(watched.page)
        }
        return { ...watched, device, response }
      },
    }
    body(suite)
  })
}
