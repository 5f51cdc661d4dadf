// The four real documents in one catalogue (the Yantian budget and the three imported in
// tests/fixtures/imported): each department opens on every view that applies, on a phone, with no
// error, no failed request and no sideways scroll; a view a document has nothing for says so.
// And the static exports: every table's CSV link returns its file from the built site under
// /budget/, and one downloads through a plain link with the CSP on.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { RawCatalogue } from '@/domain/schema'
import { CATALOGUE_FILE, DESKTOP, PHONE, VIEWS, describeInBrowser, expectNoProblems, expectNoSidewaysScroll, message } from './support'

const DIR = 'tests/fixtures/imported'
const catalogue = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')) as RawCatalogue

describeInBrowser(
  'the four documents, every view',
  (app) => {
    for (const entry of catalogue.datasets)
      describe(entry.department.zh, () => {
        it('opens every view on a phone without an error', async () => {
          for (const view of VIEWS) {
            const query = { dept: entry.departmentId, year: String(entry.year), ...(entry.phase === 'final' ? { phase: 'final' } : {}) }
            const opened = await app.open(PHONE, { locale: 'zh-CN', view: view.name, query })
            const { page } = opened
            expect(await page.getByRole('alert').count(), `${view.name}: no error panel`).toBe(0)
            expect(await page.locator('h1').innerText(), `${view.name}: the header names the department`).toBe(entry.department.zh)
            expect((await page.locator('main').innerText()).length, `${view.name}: shows something`).toBeGreaterThan(20)
            await expectNoSidewaysScroll(page)
            await expectNoProblems(opened)
            await page.close()
          }
        })
      })
  },
  {
    data: async (data) => {
      await data.writeJson(CATALOGUE_FILE, catalogue)
      for (const e of catalogue.datasets) await data.writeJson(e.file, JSON.parse(readFileSync(`${DIR}/${e.file}`, 'utf8')))
    },
  },
)

describeInBrowser('static exports', (app) => {
  it('links every table to its CSV file, which the built site serves under /budget/', async () => {
    const opened = await app.open(DESKTOP, { locale: 'zh-CN', view: 'tables' })
    const { page } = opened
    const links = page.getByTestId('static-csv')
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    expect(hrefs.length, 'one link per table').toBe(await page.locator('.table-card').count())
    for (const href of hrefs) {
      expect(new URL(href).pathname).toMatch(/^\/budget\/data\/exports\/[\w.-]+\/[\w.-]+_zh-CN_wan\.csv$/)
      const response = await fetch(href)
      expect(response.status, href).toBe(200)
      expect(await response.text(), href).toContain(message('zh-CN', 'export.department'))
    }
    const json = page.getByTestId('static-json')
    expect((await fetch(await json.evaluate((a) => (a as HTMLAnchorElement).href))).status).toBe(200)
    await expectNoProblems(opened)
  })

  it('downloads a table through its plain link with the CSP on, the same bytes as the button', async () => {
    const opened = await app.open(DESKTOP, { locale: 'en', view: 'tables' })
    const { page } = opened
    const card = page.locator('.table-card').first()
    const [viaLink] = await Promise.all([page.waitForEvent('download'), card.getByTestId('static-csv').click()])
    const [viaButton] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: new RegExp(message('en', 'export.csv')) }).click()])
    expect(viaLink.suggestedFilename()).toBe(viaButton.suggestedFilename())
    const read = async (d: typeof viaLink) => readFileSync((await d.path()) ?? '', 'utf8')
    expect(await read(viaLink)).toBe(await read(viaButton))
    await expectNoProblems(opened)
  })
})
