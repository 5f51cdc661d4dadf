// The district at a glance: the four real documents (tests/fixtures/imported) plus departments made
// from them under invented ids, their summaries computed from their datasets as `npm run
// summarise-data` does. Landing (redirect, sort, filter, search, a row opens its department) and the
// comparison (not stated cells, an outlier flag with its rule, a deep link, CSV), on a phone and a
// desktop, in both languages, axe clean. Every expected figure and order comes from the data.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { computeComparison, sortCompareRows } from '@/domain/districtCompare'
import type { RawCatalogue, RawDataset } from '@/domain/schema'
import { localize } from '@/domain/types'
import {
  CATALOGUE_FILE,
  DESKTOP,
  PHONE,
  describeInBrowser,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  message,
  readImported,
  summaryOf,
} from './support'

const { catalogue: real, files } = readImported()

/** A department made from a real dataset: invented id and name, the document's year moved to `year`. */
function made(n: number, from: RawDataset, year: number): RawDataset {
  return { ...from, id: `made-${n}-${year}`, departmentId: `made-${n}`, department: { zh: `合成部门 ${n}`, en: `Made department ${n}` }, year, phase: 'budget' }
}
const yantian = real.datasets.find((d) => d.departmentId === 'yantian-investment-center')!
const unsplit = real.datasets.find((d) => files.get(d.file)?.functional.unit.basic === undefined)!
const base = files.get(yantian.file)!
const madeSets = [made(1, base, yantian.year), made(2, base, yantian.year), made(3, base, yantian.year), made(4, base, yantian.year), made(5, files.get(unsplit.file)!, yantian.year)]
for (const d of madeSets) files.set(`${d.id}.json`, d)
const catalogue: RawCatalogue = {
  ...real,
  datasets: [
    ...real.datasets,
    ...madeSets.map((d) => ({ id: d.id, departmentId: d.departmentId, department: d.department, year: d.year, phase: d.phase, file: `${d.id}.json` })),
  ].map((e) => ({ ...e, summary: summaryOf(files.get(e.file)!) })),
}
const departments = new Set(catalogue.datasets.map((d) => d.departmentId)).size

describeInBrowser(
  'the district',
  (app) => {
    for (const [device, locale] of [
      [PHONE, 'zh-CN'],
      [DESKTOP, 'en'],
    ] as const)
      it(`opens on the landing without a dataset in the link, ${device.name} ${locale}`, async () => {
        const opened = await app.open(device, { locale })
        const { page } = opened
        await page.waitForURL((url) => url.hash.startsWith(`#/${locale}/district`))
        await expect.poll(() => page.getByTestId('landing-table').locator('tbody tr').count()).toBe(departments)
        await expect.poll(() => page.locator('.district-bars__item').count()).toBe(departments)
        expect(await page.locator('h1').innerText()).toBe(localize(catalogue.site.name, locale))
        await expectNoSidewaysScroll(page)
        await expectNoSeriousA11yViolations(page, `district landing ${device.name} ${locale}`)
        await expectNoProblems(opened)
      })

    it('sorts, filters and searches through the URL, and a row opens its department', async () => {
      const opened = await app.open(DESKTOP, '/budget/#/en/district')
      const { page } = opened
      const rows = page.getByTestId('landing-table').locator('tbody tr')
      await expect.poll(() => rows.count()).toBe(departments)
      // The default order is by total, largest first; pressing the heading turns it around.
      await page.locator('button[data-sort="total"]').click()
      await page.waitForURL((url) => url.hash.includes('sort=total') && url.hash.includes('dir=asc'))
      const smallest = [...catalogue.datasets].sort((a, z) => (a.summary as { total: number }).total - (z.summary as { total: number }).total)[0]!
      await expect.poll(() => rows.first().getAttribute('data-dataset')).toBe(smallest.id)
      // Phase filter: only the final accounts.
      await page.getByTestId('filter-phase').selectOption('final')
      await expect.poll(() => rows.count()).toBe(catalogue.datasets.filter((d) => d.phase === 'final').length)
      await page.getByTestId('filter-phase').selectOption('')
      // Search by a Chinese name on the English site.
      const target = real.datasets.find((d) => d.department.en === undefined)!
      await page.getByTestId('filter-search').fill(target.department.zh.slice(-4))
      await page.waitForURL((url) => url.hash.includes('q='))
      await expect.poll(() => rows.count()).toBe(catalogue.datasets.filter((d) => d.department.zh.includes(target.department.zh.slice(-4))).length)
      // The link reproduces the page.
      const again = await app.open(DESKTOP, page.url().replace(/^https?:\/\/[^/]+/, ''))
      await expect.poll(() => again.page.getByTestId('landing-table').locator('tbody tr').count()).toBe(await rows.count())
      await again.page.close()
      // A row opens its department.
      await rows.first().getByRole('link').click()
      await page.waitForURL((url) => url.hash.includes(`dept=${target.departmentId}`))
      await expect.poll(() => page.locator('h1').innerText()).toBe(target.department.zh)
      // The brand line leads back to the landing.
      await page.getByTestId('district-link').click()
      await page.waitForURL((url) => /#\/en\/district(\?|$)/.test(url.hash))
      await expectNoProblems(opened)
    })

    for (const [device, locale] of [
      [DESKTOP, 'en'],
      [PHONE, 'zh-CN'],
    ] as const)
      it(`compares the departments of a year from a deep link, with not stated cells and a flagged outlier, ${device.name} ${locale}`, async () => {
        const year = yantian.year
        const expected = computeComparison(catalogue, year, 'budget')
        const collator = new Intl.Collator(locale)
        const order = sortCompareRows(expected.rows, 'total', 'asc', (x) => localize(x, locale), collator).map((r) => r.entry.id)
        const opened = await app.open(device, `/budget/#/${locale}/district/compare?fy=${year}&stage=budget&sort=total&dir=asc`)
        const { page } = opened
        const table = page.getByTestId('compare-table')
        await expect.poll(() => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-dataset')))).toEqual(order)
        // A document without a basic / project split: its share reads "not stated" and has no rank.
        const unsplitRow = expected.rows.find((r) => r.cells.basicShare.value === undefined)!
        const cell = table.locator(`tr[data-dataset="${unsplitRow.entry.id}"] [data-col="basicShare"]`)
        expect((await cell.innerText()).trim()).toBe(message(locale, 'units.notStated'))
        // Every outlier the rule finds is flagged in its cell, in words, with the fence beside it.
        const flagged = expected.rows.flatMap((r) => Object.entries(r.cells).flatMap(([m, c]) => (c.outlier ? [[r.entry.id, m, c.outlier] as const] : [])))
        expect(flagged.length).toBeGreaterThan(0)
        expect(await page.getByTestId('outlier-flag').count()).toBe(flagged.length)
        for (const [id, metric, direction] of flagged) {
          const text = await table.locator(`tr[data-dataset="${id}"] [data-col="${metric}"]`).innerText()
          expect(text).toContain(message(locale, `district.flag.${direction}`))
          expect(text).toContain(direction === 'high' ? 'Q3 + 1.5×IQR' : 'Q1 − 1.5×IQR')
        }
        await expect.poll(() => page.getByTestId('outlier-rule').innerText()).toContain('Q3 + 1.5×IQR')
        await expectNoSidewaysScroll(page)
        await expectNoSeriousA11yViolations(page, `district compare ${device.name} ${locale}`)
        await expectNoProblems(opened)
      })

    it('keeps the comparison’s choices in the URL and exports its table as CSV', async () => {
      const opened = await app.open(DESKTOP, `/budget/#/en/district`)
      const { page } = opened
      const site = catalogue.site.name.en ?? catalogue.site.name.zh
      expect(await page.title()).toBe(`${message('en', 'district.title')} · ${site}`)
      await page.getByTestId('to-compare').click()
      await page.waitForURL((url) => url.hash.includes('/district/compare'))
      // Its own title, so a shared link, a bookmark or a tab says which page it is.
      await expect.poll(() => page.title()).toBe(`${message('en', 'district.compareTitle')} · ${site}`)
      await page.getByTestId('compare-year').selectOption(String(yantian.year))
      await page.waitForURL((url) => url.hash.includes(`fy=${yantian.year}`))
      await page.locator('button[data-sort="threePublic"]').click()
      await page.waitForURL((url) => url.hash.includes('sort=threePublic'))
      const cls = await page.getByTestId('compare-class').locator('option').nth(1).getAttribute('value')
      await page.getByTestId('compare-class').selectOption(cls!)
      await page.waitForURL((url) => url.hash.includes(`cls=${cls}`))
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: new RegExp(message('en', 'export.csv')) }).click()])
      expect(download.suggestedFilename()).toMatch(/^district_compare-\d{4}-(budget|final)_en_wan\.csv$/)
      const csv = readFileSync((await download.path()) ?? '', 'utf8')
      const lines = csv.trim().split('\r\n')
      expect(lines[0]).toContain(message('en', 'district.metric.threePublic'))
      expect(lines.length - 1).toBe(await page.getByTestId('compare-table').locator('tbody tr').count())
      const shownNames = await page.getByTestId('compare-table').locator('tbody th').allInnerTexts()
      expect(shownNames.length).toBeGreaterThan(1)
      for (const n of shownNames) expect(csv).toContain(n.trim())
      await expectNoProblems(opened)
    })
  },
  {
    data: async (data) => {
      await data.writeJson(CATALOGUE_FILE, catalogue)
      for (const [file, d] of files) await data.writeJson(file, d)
    },
  },
)
