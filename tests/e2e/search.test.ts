// The site search across a district: a catalogue of the four real imported documents and synthetic
// departments (copies of the Yantian document). A code printed by every real document is found in
// each department and year, labelled with them; a hit opens that department's view at that item, by
// keyboard on a desktop in Chinese and by touch on a phone in English; a dataset that cannot be read
// is listed and the rest are searched all the same.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RawCatalogue } from '@/domain/schema'
import {
  CATALOGUE_FILE,
  DESKTOP,
  PHONE,
  describeInBrowser,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  message,
  saveScreenshot,
  type Locale,
} from './support'
import { makeDistrictFolder } from '../fixtures/district'

const folder = makeDistrictFolder()
type Entry = RawCatalogue['datasets'][number]
const [yantian, ...restOfReal] = makeDistrictFolder(0).catalogue.datasets as [Entry, ...Entry[]]
/** A synthetic dataset served broken: the search lists it as one it could not read. */
const BROKEN = folder.catalogue.datasets.find((d) => d.departmentId === 'synthetic-2')!
const byDept = (prefix: string): Entry => restOfReal.find((d) => d.departmentId.startsWith(prefix))!
const JIANGSU = byDept('jiangsu')
const FINAL = restOfReal.find((d) => d.phase === 'final')!

/** The longest functional code printed by every real document. */
const CODE = (() => {
  const codes = [yantian, ...restOfReal].map((d) => new Set(folder.files[d.file]!.functional.rows.map((r) => r.code)))
  const shared = [...codes[0]!].filter((c) => codes.every((s) => s.has(c)))
  return shared.sort((a, z) => z.length - a.length)[0]!
})()
const rowName = (d: Entry, locale: Locale): string => {
  const name = folder.files[d.file]!.functional.rows.find((r) => r.code === CODE)!.name
  return locale === 'en' ? (name.en ?? name.zh) : name.zh
}

const department = (d: Entry, locale: Locale): string => (locale === 'en' ? (d.department.en ?? d.department.zh) : d.department.zh)
const datasetLabel = (d: Entry, locale: Locale): string =>
  `${department(d, locale)} · ${message(locale, 'app.yearAndPhase', { year: d.year, phase: message(locale, `app.phase.${d.phase}`) })}`
const searchBox = (page: Page, locale: Locale) => page.getByRole('combobox', { name: message(locale, 'app.searchLabel') })
const groupOf = (page: Page, d: Entry, locale: Locale) => page.getByRole('listbox').getByRole('group', { name: datasetLabel(d, locale) })
/** Waits until the header names the department (in the page's language) and the page has loaded its data. */
const waitForDataset = (page: Page, d: Entry, locale: Locale) =>
  page.waitForFunction((name) => document.querySelector('h1')?.textContent?.trim() === name && !document.querySelector('#main > .loading, .boot'), department(d, locale))
const hashParams = (page: Page): URLSearchParams => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '')

describeInBrowser(
  'search across the district',
  (app) => {
    it('desktop, Chinese, keyboard: finds a code in each department and year and opens another department at it', async () => {
      const opened = await app.open(DESKTOP, { locale: 'zh-CN', query: { dept: yantian.departmentId, year: String(yantian.year) } })
      const { page } = opened
      await waitForDataset(page, yantian, 'zh-CN')
      const search = searchBox(page, 'zh-CN')
      await search.focus()
      await page.keyboard.type(CODE)
      // The open dataset's hit first, then a group for each other real document, each with the code.
      const options = page.getByRole('option')
      await groupOf(page, JIANGSU, 'zh-CN').waitFor()
      expect(await options.first().innerText()).toContain(CODE)
      const open = page.getByRole('listbox').getByRole('group').first()
      expect(await page.locator(`#${await open.getAttribute('aria-labelledby')}`).innerText()).toContain(message('zh-CN', 'search.current'))
      for (const d of restOfReal) {
        const group = groupOf(page, d, 'zh-CN')
        await group.waitFor()
        expect(await group.getByRole('option').first().innerText()).toContain(`${CODE} ${rowName(d, 'zh-CN')}`)
      }
      // Final accounts say so.
      expect(datasetLabel(FINAL, 'zh-CN')).toContain(message('zh-CN', 'app.phase.final'))

      // Down the list to the Jiangsu hit, then Enter.
      const target = await groupOf(page, JIANGSU, 'zh-CN').getByRole('option').first().getAttribute('id')
      for (let i = 0; i < 30 && (await search.getAttribute('aria-activedescendant')) !== target; i++) await search.press('ArrowDown')
      expect(await search.getAttribute('aria-activedescendant')).toBe(target)
      await saveScreenshot(page, 'search-across-desktop-zh-CN')
      await search.press('Enter')
      await page.waitForURL((url) => url.hash.includes(`dept=${JIANGSU.departmentId}`))
      await waitForDataset(page, JIANGSU, 'zh-CN')
      const params = hashParams(page)
      expect([params.get('year'), params.get('node'), params.get('phase')]).toEqual([String(JIANGSU.year), CODE, null])
      expect(new URL(page.url()).hash).toMatch(/^#\/zh-CN\/classification\?/)
      await page.locator('#main').getByText(rowName(JIANGSU, 'zh-CN')).first().waitFor()

      // Searching again from there: Jiangsu's hits come first, Yantian's are now among the others.
      // (That nothing already searched is read again is a unit test: the browser's cache hides it here.)
      await search.fill('')
      await search.fill(CODE)
      await groupOf(page, yantian, 'zh-CN').waitFor()
      const here = page.getByRole('listbox').getByRole('group').first()
      expect(await page.locator(`#${await here.getAttribute('aria-labelledby')}`).innerText()).toContain(datasetLabel(JIANGSU, 'zh-CN'))
      await expectNoProblems(opened)
    })

    it('phone, English, touch: labels hits by department and year, lists what it could not search, opens final accounts', async () => {
      const opened = await app.open(PHONE, { locale: 'en', query: { dept: yantian.departmentId, year: String(yantian.year) } })
      const { page } = opened
      await waitForDataset(page, yantian, 'en')
      const search = searchBox(page, 'en')
      await search.tap()
      await search.fill(CODE)
      const finalGroup = groupOf(page, FINAL, 'en')
      await finalGroup.waitFor()
      // A department without an English name is shown in Chinese, marked as such for screen readers.
      expect(FINAL.department.en).toBeUndefined()
      expect(await finalGroup.locator('[lang="zh-CN"]').first().innerText()).toBe(FINAL.department.zh)
      await page.getByText(message('en', 'search.failed', { dataset: datasetLabel(BROKEN, 'en') })).waitFor()
      await expectNoSidewaysScroll(page)
      await expectNoSeriousA11yViolations(page, 'search across the district, open')
      await saveScreenshot(page, 'search-across-phone-en')

      await finalGroup.getByRole('option').first().tap()
      await page.waitForURL((url) => url.hash.includes(`dept=${FINAL.departmentId}`))
      await waitForDataset(page, FINAL, 'en')
      const params = hashParams(page)
      expect([params.get('year'), params.get('phase'), params.get('node')]).toEqual([String(FINAL.year), 'final', CODE])
      expect(new URL(page.url()).hash).toMatch(/^#\/en\/classification\?/)
      // The file that could not be read is a failure the search lists, not an error of the page.
      await expectNoProblems(opened)
    })
  },
  {
    data: async (data) => {
      await data.writeJson(CATALOGUE_FILE, folder.catalogue)
      for (const [file, json] of Object.entries(folder.files)) await data.writeJson(file, json)
      await data.writeText(BROKEN.file, '{"schemaVersion": 2,')
    },
  },
)
