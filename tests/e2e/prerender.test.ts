// The pre-rendered pages (scripts/prerender.ts): with JavaScript off, the overview's figures and every
// table are in the HTML, in both languages; with it on, the app takes over with no layout shift and no
// console error; a deep link to another view or language never shows the landing page's pre-render.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { computeOverview } from '@/domain/derive'
import { formatAmount, formatNumber } from '@/domain/format'
import { parseDataset } from '@/domain/parse'
import { buildTables } from '@/domain/tables'
import { localize } from '@/domain/types'
import { DESKTOP, LOCALES, PHONE, describeInBrowser, expectNoProblems, message, readPublished, type Locale } from './support'

const { catalogue, dataset } = readPublished()
const parsed = parseDataset(dataset)
if (!parsed.ok) throw new Error(`the published dataset does not parse: ${parsed.problem.details.join('; ')}`)
const budget = parsed.value
const overview = computeOverview(budget)
const entry = catalogue.datasets[0]!
/** The pre-rendered overview of the default dataset in each language (index.html is the default language's). */
const OVERVIEW_PAGE: Record<Locale, string> = { 'zh-CN': '', en: `${entry.id}.en.html` }

/** The first row of the published tables with a code and a stated amount, and how a table cell shows it. */
const row = (() => {
  for (const table of buildTables(budget))
    for (const section of table.sections) {
      const amountColumns = section.columns.filter((c) => c.kind !== 'name')
      for (const r of section.rows) {
        const i = r.cells.findIndex((c) => c.kind === 'amount')
        const cell = r.cells[i]
        if (r.code && cell?.kind === 'amount') {
          const decimals = amountColumns[i]?.decimals ?? 0
          return { code: r.code, name: r.name, cell: (l: Locale) => formatNumber(cell.value, l, Math.max(4, decimals), decimals) }
        }
      }
    }
  throw new Error('no table row with a code and an amount')
})()

/** Sums the layout shifts of the page from its first paint (the observer is installed before any of the page's code). */
async function watchLayoutShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number }
    w.__shift = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__shift += (e as PerformanceEntry & { value: number }).value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  return () => page.evaluate(() => (window as unknown as { __shift: number }).__shift)
}

describeInBrowser('pre-rendered pages', (app) => {
  for (const locale of LOCALES)
    it(`reads the figures and a table row with JavaScript off · ${locale}`, async () => {
      const context = await app.browser.newContext({ ...PHONE.options, javaScriptEnabled: false })
      try {
        const page = await context.newPage()
        await page.goto(app.url(`/budget/${OVERVIEW_PAGE[locale]}`))
        expect(await page.locator('html').getAttribute('lang')).toBe(locale)
        expect(await page.getByTestId('total').innerText()).toBe(formatAmount(overview.expenditure.current, locale))
        const change = overview.expenditure.change
        if (change === undefined) throw new Error('the published dataset states no change against the prior year')
        const lead = await page.locator('.lead-change').innerText()
        expect(lead).toContain(String(overview.priorYear))
        expect(lead).toContain(formatAmount(Math.abs(change), locale))
        expect(lead).toContain(message(locale, change < 0 ? 'overview.directionDown' : 'overview.directionUp'))
        expect(await page.title()).toContain(formatAmount(overview.expenditure.current, locale))
        // The static tables page, by the link shown to readers without scripts.
        await page.getByRole('link', { name: message(locale, 'prerender.tablesLink') }).click()
        await page.waitForURL((url) => url.pathname.endsWith('.html') && url.pathname.includes('.tables'))
        const tr = page.locator('tr', { hasText: row.code }).first()
        const text = await tr.innerText()
        expect(text).toContain(row.cell(locale))
        if (locale === 'zh-CN' && 'text' in row.name) expect(text).toContain(localize(row.name.text, 'zh-CN'))
        // And back to the overview, without a script.
        await page.getByRole('link', { name: message(locale, 'prerender.overviewLink') }).click()
        expect(await page.getByTestId('total').innerText()).toBe(formatAmount(overview.expenditure.current, locale))
      } finally {
        await context.close()
      }
    })

  for (const [device, locale] of [[PHONE, 'zh-CN'], [DESKTOP, 'en']] as const)
    it(`takes over with no layout shift and no console error · ${device.name} ${locale}`, async () => {
      const opened = await app.open(device, `/budget/${OVERVIEW_PAGE[locale]}`, { settle: false })
      const { page } = opened
      const shifts = await watchLayoutShifts(page)
      await page.reload()
      await page.waitForFunction(() => !document.querySelector('#app > .prerender-boot'))
      await page.waitForFunction((l) => document.documentElement.lang === l, locale)
      // The cards below the first screen render after the first paint: let them.
      await page.waitForTimeout(500)
      expect(await shifts()).toBe(0)
      expect(await page.getByTestId('total').innerText()).toBe(formatAmount(overview.expenditure.current, locale))
      // The app now owns the page: its own links lead on (the English page opened its route with no hash).
      expect(new URL(page.url()).hash).toContain(`/${locale}`)
      await expectNoProblems(opened)
    })

  it('paints the figures before it asks for the app, and asks at once for a deep link', async () => {
    const opened = await app.open(PHONE, '/budget/', { settle: false })
    const { page } = opened
    /** When the first paint came and when the app's entry script was requested, in the page's own clock. */
    const timing = () =>
      page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
        const entry = performance.getEntriesByType('resource').find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.name))
        return { paint, requested: entry?.startTime ?? null }
      })
    await page.reload()
    await page.waitForFunction(() => !document.querySelector('#app > .prerender-boot'))
    const landing = await timing()
    expect(landing.paint).not.toBeNull()
    expect(landing.requested).not.toBeNull()
    expect(landing.requested!).toBeGreaterThanOrEqual(landing.paint!)
    // A deep link hides the pre-render: nothing to paint first, the app is asked for at once.
    await page.goto(app.url({ locale: 'en', view: 'classification' }))
    await page.reload()
    await page.waitForFunction(() => !document.querySelector('#app > .prerender-boot'))
    const deep = await timing()
    expect(deep.requested).not.toBeNull()
    if (deep.paint !== null) expect(deep.requested!).toBeLessThan(deep.paint)
    await expectNoProblems(opened)
  })

  it('shows the pre-render before the app runs, and not for a deep link to another view or language', async () => {
    const opened = await app.open(PHONE, '/budget/', { settle: false })
    const { page } = opened
    // Hold the app's code back: what shows is the HTML alone.
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await page.reload({ waitUntil: 'commit' })
    await expect.poll(() => page.getByTestId('total').isVisible()).toBe(true)
    expect(await page.locator('.prerender-boot').isVisible()).toBe(false)
    await page.goto(app.url({ locale: 'en', view: 'classification' }), { waitUntil: 'commit' })
    await page.reload({ waitUntil: 'commit' })
    await expect.poll(() => page.locator('.prerender-boot').isVisible()).toBe(true)
    expect(await page.getByTestId('total').isVisible()).toBe(false)
    release()
    await page.waitForFunction(() => !document.querySelector('#app > .prerender-boot'))
    await expect.poll(() => page.locator('.main-nav [aria-current="page"]').innerText()).toBe(message('en', 'nav.classification'))
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expectNoProblems(opened)
  })
})
