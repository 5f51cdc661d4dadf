/**
 * Assertions every page must pass: clean console, no CSP violation, nothing off the origin,
 * no sideways scroll on a phone, no serious accessibility violation; and the screenshots.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { collectProblems, type WatchedPage } from './browser'
import { SCREENSHOT_DIR } from './env'

/** The console error Chromium logs for any failed fetch (expected when a test serves a 404). */
export const FAILED_RESOURCE_ERROR = /^Failed to load resource: the server responded with a status of 404/

/** Waits until the app has mounted (over a pre-rendered page too) and its data gate has settled: a view heading or the error panel is shown, and fonts are in. */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      // A pre-rendered page's own markup (scripts/prerender.ts) until the app replaces it.
      if (document.querySelector('#app > .prerender-boot')) return false
      const main = document.getElementById('main')
      if (!main || main.querySelector(':scope > .loading')) return false
      return Boolean(main.querySelector('[role=alert], h2'))
    },
    undefined,
    { timeout: 15_000 },
  )
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}

/** No console error (except those matching `allowConsole`), uncaught exception, CSP violation or foreign request. */
export async function expectNoProblems(watched: WatchedPage, options: { allowConsole?: RegExp[] } = {}): Promise<void> {
  const problems = await collectProblems(watched)
  const allowed = options.allowConsole ?? []
  const consoleErrors = problems.consoleErrors.filter((e) => !allowed.some((pattern) => pattern.test(e)))
  expect({ ...problems, consoleErrors }, 'console errors, uncaught exceptions, CSP violations or requests leaving the origin').toEqual({
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    foreignRequests: [],
  })
}

/**
 * The page is no wider than the device; on failure names the elements that stick out.
 * Compares with the device's width, not `window.innerWidth`: with mobile emulation Chromium
 * zooms out to fit a too-wide page, so innerWidth grows with the content and would always pass.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0
  const { scrollWidth, wide } = await page.evaluate((deviceWidth) => {
    const scrollWidth = document.documentElement.scrollWidth
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`
    const wide =
      scrollWidth > deviceWidth
        ? [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > deviceWidth + 0.5)
            .slice(0, 8)
            .map((el) => `${name(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`)
        : []
    return { scrollWidth, wide }
  }, width)
  expect(width, 'the page has a viewport').toBeGreaterThan(0)
  expect(scrollWidth, `the page scrolls sideways: ${scrollWidth}px wide on a ${width}px screen; sticking out: ${wide.join(', ')}`).toBeLessThanOrEqual(width)
}

/** axe-core with its default rules; any serious or critical violation fails, each listed with where it is. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
      return `${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)] ${v.helpUrl}\n${nodes.join('\n')}`
    })
  expect(serious, `${label}: serious or critical accessibility violations`).toEqual([])
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png for reviewers. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
  return file
}
