// A district of more departments than fit a screen: the four real documents (tests/fixtures/imported)
// and 24 departments made from the first under invented names, summaries as `npm run summarise-data`
// computes them. The comparison shows its first 20 rows in the order chosen over every row; "show
// all" (by keyboard here) shows the rest and puts focus on the first row that was hidden; the CSV
// holds every department whatever is shown. Every expected order comes from the data.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { computeComparison, sortCompareRows } from '@/domain/districtCompare'
import type { RawCatalogue, RawDataset } from '@/domain/schema'
import { localize } from '@/domain/types'
import { CATALOGUE_FILE, DESKTOP, PHONE, describeInBrowser, expectNoProblems, expectNoSeriousA11yViolations, expectNoSidewaysScroll, message, readImported, summaryOf } from './support'

const LIMIT = 20
const { catalogue: real, files } = readImported()
const first = real.datasets[0]!
const base = files.get(first.file)!
for (let n = 1; n <= 24; n++) {
  const d: RawDataset = { ...base, id: `many-${n}`, departmentId: `many-${n}`, department: { zh: `合成部门 ${n}`, en: `Made department ${n}` } }
  files.set(`${d.id}.json`, d)
}
const catalogue: RawCatalogue = {
  ...real,
  datasets: [...files.entries()].map(([file, d]) => ({ id: d.id, departmentId: d.departmentId, department: d.department, year: d.year, phase: d.phase, file, summary: summaryOf(d) })),
}
const compared = computeComparison(catalogue, first.year, first.phase as 'budget' | 'final')
const idsOf = (rows: { entry: { id: string } }[]) => rows.map((r) => r.entry.id)

describeInBrowser(
  'a district of many departments',
  (app) => {
    it('compares every department in the chosen order, 20 rows at first, the rest by keyboard, and exports every one', async () => {
      expect(compared.rows.length).toBeGreaterThan(LIMIT)
      const opened = await app.open(DESKTOP, `/budget/#/en/district/compare?fy=${first.year}&stage=${first.phase}`)
      const { page } = opened
      const ids = () => page.getByTestId('compare-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-dataset')))
      // Sorted by name, descending: over every department, then cut.
      await page.locator('button[data-sort="name"]').click()
      await page.locator('button[data-sort="name"]').click()
      await page.waitForURL((url) => url.hash.includes('sort=name') && url.hash.includes('dir=desc'))
      const order = idsOf(sortCompareRows(compared.rows, 'name', 'desc', (x) => localize(x, 'en'), new Intl.Collator('en')))
      await expect.poll(ids).toEqual(order.slice(0, LIMIT))
      const button = page.getByRole('button', { name: message('en', 'district.showAllDepartments', { total: compared.rows.length }) })
      await button.focus()
      await page.keyboard.press('Enter')
      await expect.poll(ids).toEqual(order)
      expect(page.url()).toContain('all=1')
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-dataset'))).toBe(order[LIMIT])
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: new RegExp(message('en', 'export.csv')) }).click()])
      const csv = readFileSync((await download.path()) ?? '', 'utf8')
      expect(csv.trim().split('\r\n')).toHaveLength(compared.rows.length + 1)
      await expectNoProblems(opened)
    })

    it('opens the landing with the largest documents first and shows them all on request, on a phone', async () => {
      const opened = await app.open(PHONE, { locale: 'zh-CN' })
      const { page } = opened
      await page.waitForURL((url) => url.hash.startsWith('#/zh-CN/district'))
      const rows = page.getByTestId('landing-table').locator('tbody tr')
      await expect.poll(() => rows.count()).toBe(LIMIT)
      await expect.poll(() => page.locator('.district-bars__item').count()).toBe(LIMIT)
      const departments = new Set(catalogue.datasets.map((d) => d.departmentId)).size
      await page.getByRole('button', { name: message('zh-CN', 'district.showAllDocuments', { total: departments }) }).tap()
      await expect.poll(() => rows.count()).toBe(departments)
      await expectNoSidewaysScroll(page)
      await expectNoSeriousA11yViolations(page, 'district landing, every row, phone zh-CN')
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
