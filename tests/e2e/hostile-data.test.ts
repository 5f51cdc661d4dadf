// Hostile data: every text in the catalogue and the dataset — the department's name, row names,
// reasons, notes — replaced by markup that would run script if rendered as HTML. It must show as
// literal text and never execute: checked without the CSP (the app itself escapes) and with it
// (nothing even tries: no CSP violation).
import { present } from '../unit/helpers/present'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RawCatalogue, RawDataset } from '@/domain/schema'
import {
  CATALOGUE_FILE,
  DESKTOP,
  LOCALES,
  PHONE,
  VIEWS,
  describeInBrowser,
  expectNoProblems,
  hashOf,
  message,
  readPublished,
  type DataFolder,
  type Locale,
} from './support'

/** Markup that sets `window.__pwned` if it is ever parsed as HTML (and the CSP does not stop it). */
const HOSTILE = {
  zh: '<img src=x onerror="window.__pwned=1">',
  en: '<script>window.__pwned=1</script>',
} as const
const HOSTILE_REASON = '<b onmouseover="window.__pwned=1" style="display:block;width:100vw;height:100vh">招商 & 引资</b>'

const { datasetFile } = readPublished()

/** true for a bilingual text `{ zh, en }`. */
function isText(value: unknown): value is { zh: string; en: string } {
  return (
    typeof value === 'object' && value !== null && Object.keys(value).length === 2 &&
    typeof (value as Record<string, unknown>).zh === 'string' && typeof (value as Record<string, unknown>).en === 'string'
  )
}

/** Replaces every bilingual text under `node` with hostile markup (numbered, so names stay distinct). */
function poisonTexts(node: unknown, counter = { n: 0 }): void {
  if (Array.isArray(node)) node.forEach((child) => poisonTexts(child, counter))
  else if (typeof node === 'object' && node !== null)
    for (const [key, child] of Object.entries(node)) {
      if (isText(child)) {
        counter.n++
        ;(node as Record<string, unknown>)[key] = { zh: `${HOSTILE.zh} ${counter.n}`, en: `${HOSTILE.en} ${counter.n}` }
      } else poisonTexts(child, counter)
    }
}

/** The served copy: all texts hostile, the department named exactly HOSTILE, one reason with an event handler. */
async function poison(data: DataFolder): Promise<void> {
  await data.editJson<RawDataset>(datasetFile, (d) => {
    poisonTexts(d)
    d.department = { ...HOSTILE }
    const reasons = present(d.overview, 'overview').changeReasons
    if (reasons[0]) reasons[0] = { zh: HOSTILE_REASON, en: HOSTILE_REASON }
  })
  await data.editJson<RawCatalogue>(CATALOGUE_FILE, (c) => {
    for (const entry of c.datasets) entry.department = { ...HOSTILE }
  })
}

/** Nothing ran and no markup from the data became an element. */
async function expectInert(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    injected: [...document.querySelectorAll('body script, img[src="x"], [onerror], [onmouseover]')].map((el) => el.outerHTML.slice(0, 120)),
  }))
  expect(state, `${where}: hostile data ran or became markup`).toEqual({ pwned: undefined, injected: [] })
}

const department = (locale: Locale) => (locale === 'en' ? HOSTILE.en : HOSTILE.zh)

for (const csp of [false, true])
  describeInBrowser(
    `hostile data ${csp ? 'with' : 'without'} the CSP`,
    (app) => {
      for (const locale of LOCALES)
        it(`shows names as text on every view · ${locale}`, async () => {
          const opened = await app.open(DESKTOP, { locale })
          const { page } = opened
          for (const view of VIEWS) {
            await page.evaluate((hash) => void (location.hash = hash), hashOf({ locale, view: view.name }))
            await page.locator('.main-nav [aria-current=page]', { hasText: message(locale, view.titleKey) }).waitFor()
            await page.locator('#main h2').first().waitFor({ state: 'attached' })
            expect(await page.locator('h1').innerText(), `${view.name}: the department's name`).toBe(department(locale))
            await expectInert(page, `${view.name} (${locale})`)
          }
          if (csp) await expectNoProblems(opened)
        })

      it('shows a hostile reason literally in the overview and survives touching it', async () => {
        const opened = await app.open(PHONE, { locale: 'zh-CN' })
        const { page } = opened
        const reason = page.locator('#main').getByText(HOSTILE_REASON).first()
        expect(await reason.innerText()).toContain(HOSTILE_REASON)
        await reason.tap()
        await reason.hover()
        await expectInert(page, 'overview reasons')
        if (csp) await expectNoProblems(opened)
      })

      for (const [locale, device] of [
        ['zh-CN', PHONE],
        ['en', DESKTOP],
      ] as const)
        it(`shows hostile names as text in search results and opens one · ${locale}`, async () => {
          const opened = await app.open(device, { locale })
          const { page } = opened
          const search = page.getByRole('combobox', { name: message(locale, 'app.searchLabel') })
          await search.fill('pwned')
          const option = page.getByRole('option').first()
          expect(await option.innerText()).toContain(department(locale))
          await expectInert(page, 'search results')
          await search.press('ArrowDown')
          await search.press('Enter')
          await page.waitForFunction(() => !location.hash.match(/^#\/[^/]+\/?$/))
          await expectInert(page, `search result opened at ${new URL(page.url()).hash}`)
          if (csp) await expectNoProblems(opened)
        })
    },
    { data: poison, csp },
  )
