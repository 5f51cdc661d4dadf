/**
 * The browser side of the tests: one Chromium per test file, a fresh context per page, and a
 * watch on everything a visitor must never get — console errors, uncaught exceptions, CSP
 * violations, requests leaving the origin.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { CHROMIUM_PATH } from './env'

/** The Chromium flags: headless, no sandbox (root in CI), and no background traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const

/** A device the tests run on: a name for messages and file names, and the context options. */
export interface Device {
  name: 'phone' | 'desktop'
  options: BrowserContextOptions
}

/** A phone: 390×844 CSS px, touch, mobile viewport rules. */
export const PHONE: Device = {
  name: 'phone',
  options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
}

/** A laptop screen: 1366×900, mouse and keyboard. */
export const DESKTOP: Device = {
  name: 'desktop',
  options: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 },
}

/** Both devices, for `describe.each` / `for` loops. */
export const DEVICES = [PHONE, DESKTOP] as const

/** Launches Debian's Chromium. Playwright gives each launch a fresh temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], timeout: 60_000 })
}

/** What went wrong on a page; every list must stay empty. */
export interface PageProblems {
  consoleErrors: string[]
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[]
  /** `securitypolicyviolation` events and console reports mentioning the Content Security Policy. */
  cspViolations: string[]
  /** Requests to any origin other than the test server's. */
  foreignRequests: string[]
}

/** Records CSP violations on `window.__cspViolations`; runs before any of the page's own code. */
const CSP_RECORDER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber);
  });
`

/** A page in its own context, watched from before its first request. */
export interface WatchedPage {
  page: Page
  context: BrowserContext
  problems: PageProblems
}

/** Opens a fresh context on `device` and starts watching it; the caller navigates. */
export async function openWatchedPage(browser: Browser, device: Device, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({ ...device.options, locale: 'zh-CN', timezoneId: 'UTC', serviceWorkers: 'block' })
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] }
  await context.addInitScript({ content: CSP_RECORDER })
  context.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('data:') || url.startsWith('blob:')) return
    if (new URL(url).origin !== origin) problems.foreignRequests.push(`${request.method()} ${url}`)
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  page.on('console', (message) => {
    const text = message.text()
    if (/content security policy/i.test(text)) problems.cspViolations.push(text)
    if (message.type() === 'error') {
      const where = message.location().url
      problems.consoleErrors.push(where ? `${text} (${where})` : text)
    }
  })
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? String(error)))
  return { page, context, problems }
}

/** Reads the CSP violations the page recorded, plus the console ones, into `problems`. */
export async function collectProblems(watched: WatchedPage): Promise<PageProblems> {
  const recorded = await watched.page
    .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
    .catch(() => [] as string[])
  const { problems } = watched
  return { ...problems, cspViolations: [...problems.cspViolations, ...recorded] }
}
