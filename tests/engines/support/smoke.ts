/**
 * The smoke every engine runs: each view of the app (VIEWS, src/router) in each language, at a
 * phone's width, in one browser reused across views. For each: the view settles with its
 * heading and figures of the published data, its charts are drawn, the page raises no uncaught
 * error, unhandled rejection or console error, and nothing scrolls sideways.
 */
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../scripts/serve-static.mjs'
import { LOCALES } from '@/domain/types'
import { VIEWS } from '@/router'
import { readPublished } from '../../e2e/support/data'
import { BASE_PATH, DIST_DIR, IS_CI, REPO_ROOT } from '../../e2e/support/env'
import { message } from '../../e2e/support/messages'
import { hashOf } from '../../e2e/support/suite'
import { waitInPage, waitUntilQuiet, type EnginePage } from './engine'
import { PHONE_VIEWPORT, missingLine, type EngineInstall } from './env'
import { distinctiveNumbers, writtenFigures } from './figures'
import { activitySignature, isDrawn, isSettled, readCharts, readView } from './probe'

/** Where each view's screenshot lands, per engine, for reviewers. */
export const ENGINE_SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'engines')

/** How long charts may take to draw (ECharts animates its first paint) and lazily loaded figures to show. */
const DRAW_TIMEOUT = 10_000

/** How long nothing may be fetched or added to #main before a view counts as complete (a chart's chunk loads after the first paint). */
const QUIET_FOR = 600

export interface SmokeOptions {
  /** A script the test server loads first in the app's HTML (engines whose driver cannot watch errors). */
  testHook?: string
}

/** Reads the page with `read` until `done` holds for the reading, or the time is up; returns the last reading. */
async function readUntil<R>(page: EnginePage, read: () => R, done: (reading: R) => boolean, timeout: number): Promise<R> {
  const until = Date.now() + timeout
  for (;;) {
    const reading = await page.evaluate(read)
    if (done(reading) || Date.now() > until) return reading
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Registers the smoke for `engine`; skipped with one line when it is missing (a failure under CI). */
export function describeEngineSmoke(engine: EngineInstall, launch: () => Promise<EnginePage>, options: SmokeOptions = {}): void {
  const missing = missingLine(engine)
  if (missing && IS_CI) {
    it(`${engine.label} is installed`, () => {
      throw new Error(missing.replace('skipped', 'required under CI'))
    })
    return
  }
  const { dataset } = readPublished()

  describe.skipIf(missing !== null)(`${engine.label} smoke`, () => {
    let page: EnginePage | null = null
    let server: RunningServer | null = null
    let chartViews = 0
    const ready = (): { page: EnginePage; server: RunningServer } => {
      if (!page || !server) throw new Error(`${engine.label} or the server did not start (see beforeAll)`)
      return { page, server }
    }

    beforeAll(async () => {
      await rm(path.join(ENGINE_SCREENSHOT_DIR, engine.id), { recursive: true, force: true })
      await mkdir(path.join(ENGINE_SCREENSHOT_DIR, engine.id), { recursive: true })
      server = await startServer({ root: DIST_DIR, base: BASE_PATH, port: 0, ...(options.testHook ? { testHook: options.testHook } : {}) })
      page = await launch()
    })
    afterAll(async () => {
      await page?.close()
      await server?.close()
    })

    it('sees an uncaught error, an unhandled rejection and a console error', async () => {
      const { page, server } = ready()
      await page.load(server.url + hashOf({ locale: 'zh-CN' }))
      await page.takeProblems()
      await page.evaluate(() => {
        setTimeout(() => {
          throw new Error('smoke self-test: uncaught')
        }, 0)
        void Promise.reject(new Error('smoke self-test: rejection'))
        console.error('smoke self-test: console')
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      const seen = (await page.takeProblems()).join('\n')
      for (const what of ['uncaught', 'rejection', 'console']) expect(seen, `the watch missed the ${what} error`).toContain(`smoke self-test: ${what}`)
    })

    for (const locale of LOCALES)
      for (const view of VIEWS)
        it(`${view.name} · ${locale}`, async () => {
          const { page, server } = ready()
          await page.takeProblems() // whatever an earlier test left behind is not this view's
          await page.load(server.url + hashOf({ locale, view: view.name }))
          const settled = await waitInPage(page, `the ${view.name} view to settle in ${locale}`, 15_000, isSettled, locale).then(
            () => null,
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          )
          if (settled) throw new Error(`${settled}; errors on the page: ${(await page.takeProblems()).join('\n') || 'none'}`)
          await page.evaluate(() => document.fonts.ready.then(() => true))
          await waitUntilQuiet(page, activitySignature, QUIET_FOR, DRAW_TIMEOUT)
          const figures = writtenFigures(dataset, locale)
          const figuresShown = (text: string): string[] => distinctiveNumbers(text).filter((n) => figures.has(n))
          const charts = await readUntil(page, readCharts, (readings) => readings.every(isDrawn), DRAW_TIMEOUT)
          const seen = await readUntil(page, readView, (reading) => reading.alert || figuresShown(reading.text).length > 0, DRAW_TIMEOUT)
          await page.screenshot(path.join(ENGINE_SCREENSHOT_DIR, engine.id, `${locale}-${view.name}.png`))
          const problems = await page.takeProblems()

          expect.soft(seen.alert, 'the data failed to load (error panel shown)').toBe(false)
          expect.soft(seen.lang, 'the page language').toBe(locale)
          expect.soft(seen.title, 'the document title names the view').toContain(message(locale, view.titleKey))
          expect.soft(seen.heading?.tag, 'the view starts with an h2').toBe('H2')
          expect.soft(seen.heading?.text, 'the view heading has text').toBeTruthy()
          const numbers = distinctiveNumbers(seen.text)
          expect.soft(figuresShown(seen.text), `no figure of the published data in the view; numbers shown: ${numbers.slice(0, 12).join(' ') || 'none'}`).not.toEqual([])
          expect.soft(charts.filter((c) => !isDrawn(c)), 'a chart is missing or blank').toEqual([])
          if (charts.length) chartViews++
          expect.soft(problems, 'uncaught errors, unhandled rejections or console errors').toEqual([])
          expect.soft(seen.innerWidth, 'the viewport is a phone’s width').toBe(PHONE_VIEWPORT.width)
          expect
            .soft(seen.scrollWidth, `the page scrolls sideways (${seen.scrollWidth}px on ${seen.clientWidth}px); sticking out: ${seen.sticking.join(', ')}`)
            .toBeLessThanOrEqual(seen.clientWidth)
        })

    it('drew a chart on at least one view', () => {
      expect(chartViews, 'no view drew a chart, so the chart check proved nothing').toBeGreaterThan(0)
    })
  })
}
