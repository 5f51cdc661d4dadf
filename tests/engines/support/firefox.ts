/**
 * Firefox ESR over WebDriver BiDi, driven by puppeteer-core (no browser download: Debian's
 * binary). Errors are watched through BiDi's log events, so the page runs exactly as shipped.
 */
import { writeFile } from 'node:fs/promises'
import puppeteer from 'puppeteer-core'
import type { EnginePage, PageFunction } from './engine'
import { FIREFOX_PATH, PHONE_VIEWPORT } from './env'

/** Launches Firefox with one page at the phone's width. */
export async function launchFirefox(): Promise<EnginePage> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    timeout: 60_000,
    // No update checks, telemetry or remote settings traffic of its own during the run.
    extraPrefsFirefox: { 'app.update.enabled': false, 'toolkit.telemetry.enabled': false, 'services.settings.server': 'data:,' },
  })
  const page = await browser.newPage()
  page.setDefaultTimeout(20_000)
  await page.setViewport({ ...PHONE_VIEWPORT })
  let problems: Promise<string>[] = []
  // BiDi `log.entryAdded`: uncaught exceptions and unhandled rejections arrive as `pageerror`, console.error as `console`.
  page.on('pageerror', (error) => problems.push(Promise.resolve(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(Promise.resolve(`console.error: ${message.text()}`))
  })
  // Firefox hands BiDi an Error given to console.error without its message ("JSHandle@error"); a
  // preload script (BiDi, outside the page's CSP) passes its message and stack as text instead.
  await page.evaluateOnNewDocument(() => {
    const original = console.error
    console.error = function (...args: unknown[]) {
      return original.apply(this, args.map((value) => (value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : value)))
    }
  })
  return {
    async load(url) {
      await page.goto('about:blank')
      // What the page left behind reported as it went (an import cut short by leaving it) is not the next page's.
      problems = []
      await page.goto(url, { waitUntil: 'load' })
    },
    evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
      return page.evaluate(fn as (...a: unknown[]) => R | Promise<R>, ...args) as Promise<R>
    },
    async takeProblems() {
      // A round trip through a frame and a task, so events raised before now have reached us.
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
      const taken = problems
      problems = []
      return Promise.all(taken)
    },
    async screenshot(file) {
      await writeFile(file, await page.screenshot({ type: 'png' }))
    },
    async close() {
      await browser.close()
    },
  }
}
