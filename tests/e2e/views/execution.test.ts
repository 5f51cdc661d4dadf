// The execution view in a real browser, on a catalogue holding the Putuo finance bureau's 2024 final
// accounts (imported) and a budget generated from their stated 年初预算 (tests/fixtures/execution.ts):
// on a 360 px phone and a desktop, in both languages, the rate the document states, the bars reached
// one by one with Tab, the table alternative opened from the keyboard, axe clean; and with the final
// accounts missing from the catalogue, the view says so and links to what exists.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  CATALOGUE_FILE,
  DESKTOP,
  LOCALES,
  PHONE,
  describeInBrowser,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  message,
  saveScreenshot,
  type DataFolder,
  type Device,
} from '../support'
import { SOURCE_DIR, makeExecutionFolder } from '../../fixtures/execution'
import type { FixtureFolder } from '../../fixtures/catalogues'

const SMALL_PHONE: Device = { name: 'phone', options: { ...PHONE.options, viewport: { width: 360, height: 740 } } }
const folder = makeExecutionFolder()
const FINAL = folder.final
const QUERY = { dept: FINAL.departmentId, year: String(FINAL.year) }
/** The rate the final accounts state (完成年初预算的 …%), read from the source document. */
const STATED_RATE = /完成年初预算的([\d.]+)%/.exec(readFileSync(`${SOURCE_DIR}/other-documents/${FINAL.source.file}`, 'utf8').replace(/\s+/g, ''))?.[1]
if (!STATED_RATE) throw new Error('the final accounts state no execution rate')
const firstReason = FINAL.itemStatements?.find((s) => s.reason)?.reason?.zh

const serve = (f: FixtureFolder) => async (data: DataFolder) => {
  await data.writeJson(CATALOGUE_FILE, f.catalogue)
  for (const [file, json] of Object.entries(f.files)) await data.writeJson(file, json)
}

/** Presses Tab until the focused element matches `selector` (at most `limit` presses); returns its data-code. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<string | null> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const hit = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
    if (hit) return page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? '')
  }
  return null
}

describeInBrowser(
  'execution: budget and final accounts of the same year',
  (app) => {
    for (const device of [SMALL_PHONE, DESKTOP])
      for (const locale of LOCALES)
        it(`${device.options.viewport?.width} px, ${locale}: the stated rate, the bars by keyboard, the table alternative`, async () => {
          const opened = await app.open(device, { locale, view: 'execution', query: QUERY })
          const { page } = opened
          const rate = page.getByTestId('execution-rate')
          await rate.waitFor()
          expect(await rate.innerText()).toBe(`${STATED_RATE}%`)
          const functional = page.getByTestId('execution-functional')
          expect(await functional.getByRole('heading', { level: 3 }).innerText()).toBe(
            message(locale, 'execution.bars.title', { classification: message(locale, 'execution.classification.functional') }),
          )
          if (locale === 'zh-CN' && firstReason) expect(await functional.innerText()).toContain(firstReason)
          // The document's rounding gap is said, not hidden.
          expect(await page.getByTestId('execution-gap').count()).toBeGreaterThan(0)

          // Keyboard: Tab reaches the first bar, then the next one.
          await page.locator('h2').first().click()
          const first = await tabTo(page, '.xbars__row')
          expect(first, 'a bar is reachable by Tab').toBe(FINAL.functional.rows[0]?.code)
          const second = await tabTo(page, '.xbars__row', 1)
          expect(second).toBe(FINAL.functional.rows[1]?.code)

          // The table alternative opens from the keyboard and lists every row with its code.
          const summary = functional.locator('summary')
          await summary.focus()
          await page.keyboard.press('Enter')
          const table = functional.getByRole('table')
          await table.waitFor()
          expect(await table.locator('tbody tr').count()).toBe(FINAL.functional.rows.length)
          expect(await table.locator('caption').innerText()).toContain(message(locale, 'execution.classification.functional'))

          await expectNoSidewaysScroll(page)
          await expectNoSeriousA11yViolations(page, `execution ${locale}`)
          if (device === SMALL_PHONE) await saveScreenshot(page, `execution-${locale}-360`)
          await expectNoProblems(opened)
        })
  },
  { data: serve(folder) },
)

describeInBrowser(
  'execution: a budget without its final accounts',
  (app) => {
    it('says what is missing and shows no comparison, naming the document that exists', async () => {
      const opened = await app.open(SMALL_PHONE, { locale: 'en', view: 'execution', query: QUERY })
      const { page } = opened
      const missing = page.getByTestId('execution-missing')
      await missing.waitFor()
      expect(await missing.innerText()).toBe(message('en', 'execution.sources.finalMissing', { year: FINAL.year }))
      expect(await page.getByTestId('execution-sources').innerText()).toContain(message('en', 'app.yearAndPhase', { year: FINAL.year, phase: message('en', 'app.phase.budget') }))
      expect(await page.getByTestId('execution-total').count()).toBe(0)
      expect(await page.locator('.xbars').count()).toBe(0)
      await expectNoSeriousA11yViolations(page, 'execution, final accounts missing')
      await expectNoProblems(opened)
    })
  },
  { data: serve(makeExecutionFolder({ final: false })) },
)
