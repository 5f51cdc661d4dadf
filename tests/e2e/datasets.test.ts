// Several datasets in one catalogue, served from the shared fixtures (two departments, three years
// of one, a budget and final accounts of one year): the URL names department and year, the header
// switcher changes them by touch and by keyboard in both languages, and links to a department or a
// year the catalogue lacks explain themselves.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  CATALOGUE_FILE,
  DESKTOP,
  PHONE,
  describeInBrowser,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  hashOf,
  message,
  type Locale,
} from './support'
import { makeMultiFolder } from '../fixtures/catalogues'

const folder = makeMultiFolder()
const entry = (id: string) => {
  const e = folder.catalogue.datasets.find((d) => d.id === id)
  if (!e) throw new Error(id)
  return e
}
const MAIN = entry('test-department-2030')
const OTHER = entry('other-department-2030')
const text = (t: { zh: string; en?: string }, locale: Locale) => (locale === 'en' ? (t.en ?? t.zh) : t.zh)
const yearAndPhase = (locale: Locale, year: number, phase: 'budget' | 'final') =>
  message(locale, 'app.yearAndPhase', { year, phase: message(locale, `app.phase.${phase}`) })

/** Waits until the URL's hash is exactly `hash`. */
const waitForHash = (page: Page, hash: string) => page.waitForFunction((h) => location.hash === h, hash)
/** Waits until the header names the department and the page has loaded its data. */
const waitForDataset = async (page: Page, department: string) => {
  await page.waitForFunction((name) => document.querySelector('h1')?.textContent?.trim() === name && !document.querySelector('#main > .loading, .boot'), department)
}
const switcherToggle = (page: Page, locale: Locale) => page.getByRole('button', { name: message(locale, 'app.switcher.toggle') })
const switcherPanel = (page: Page, locale: Locale) => page.getByRole('navigation', { name: message(locale, 'app.switcher.label') })

describeInBrowser(
  'datasets in the URL and the header switcher',
  (app) => {
    it('on a 360 px phone by touch: completes the URL, switches department and year, keeps view and language', async () => {
      const phone = { name: 'phone' as const, options: { ...PHONE.options, viewport: { width: 360, height: 740 } } }
      const opened = await app.open(phone, { locale: 'zh-CN', view: 'classification' })
      const { page } = opened
      await waitForHash(page, hashOf({ locale: 'zh-CN', view: 'classification', query: { dept: MAIN.departmentId, year: String(MAIN.year) } }))
      expect(await page.locator('h1').innerText()).toBe(MAIN.department.zh)

      await switcherToggle(page, 'zh-CN').tap()
      await expectNoSidewaysScroll(page)
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('.dataset-switcher button, .dataset-switcher a, .dataset-switcher__current')]
          .filter((el) => el.checkVisibility())
          .map((el) => ({ text: el.textContent?.trim(), box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 44 || box.width < 44)
          .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
      )
      expect(small).toEqual([])
      await expectNoSeriousA11yViolations(page, 'dataset switcher open')

      await switcherPanel(page, 'zh-CN').getByRole('link', { name: OTHER.department.zh }).tap()
      await waitForHash(page, hashOf({ locale: 'zh-CN', view: 'classification', query: { dept: OTHER.departmentId, year: '2030' } }))
      await waitForDataset(page, OTHER.department.zh)

      await switcherToggle(page, 'zh-CN').tap()
      await switcherPanel(page, 'zh-CN').getByRole('link', { name: MAIN.department.zh }).tap()
      await waitForDataset(page, MAIN.department.zh)
      await switcherToggle(page, 'zh-CN').tap()
      await switcherPanel(page, 'zh-CN').getByRole('link', { name: yearAndPhase('zh-CN', 2029, 'budget') }).tap()
      await waitForHash(page, hashOf({ locale: 'zh-CN', view: 'classification', query: { dept: MAIN.departmentId, year: '2029' } }))
      await waitForDataset(page, MAIN.department.zh)
      expect(await page.locator('.site-header__meta').innerText()).toContain(yearAndPhase('zh-CN', 2029, 'budget'))
      expect(await page.locator('.main-nav [aria-current=page]').innerText()).toBe(message('zh-CN', 'nav.classification'))

      // Back returns to the year before, and the page follows the URL.
      await page.goBack()
      await waitForHash(page, hashOf({ locale: 'zh-CN', view: 'classification', query: { dept: MAIN.departmentId, year: '2030' } }))
      await page.waitForFunction((meta) => document.querySelector('.site-header__meta')?.textContent?.includes(meta), yearAndPhase('zh-CN', 2030, 'budget'))
      await expectNoProblems(opened)
    })

    it('on a desktop by keyboard, in English: final accounts, then the language switch keeps the dataset', async () => {
      const opened = await app.open(DESKTOP, { locale: 'en', view: 'checks', query: { dept: MAIN.departmentId, year: '2030' } })
      const { page } = opened
      await switcherToggle(page, 'en').focus()
      await page.keyboard.press('Enter')
      const target = message('en', 'app.phase.final')
      for (let i = 0; i < 20; i++) {
        if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === target) break
        await page.keyboard.press('Tab')
      }
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(target)
      await page.keyboard.press('Enter')
      const finalQuery = { dept: MAIN.departmentId, year: '2030', phase: 'final' }
      await waitForHash(page, hashOf({ locale: 'en', view: 'checks', query: finalQuery }))
      await page.waitForFunction((meta) => document.querySelector('.site-header__meta')?.textContent?.includes(meta), yearAndPhase('en', 2030, 'final'))
      // Focus stays in the header, on the switcher's button, not lost with its closed panel.
      expect(await page.evaluate(() => document.activeElement?.classList.contains('dataset-switcher__toggle'))).toBe(true)
      expect(await page.title()).toContain(folder.catalogue.site.name.en ?? '')

      const chinese = page.getByRole('navigation', { name: message('en', 'app.language') }).getByRole('link')
      await chinese.focus()
      await page.keyboard.press('Enter')
      await waitForHash(page, hashOf({ locale: 'zh-CN', view: 'checks', query: finalQuery }))
      await page.waitForFunction((meta) => document.querySelector('.site-header__meta')?.textContent?.includes(meta), yearAndPhase('zh-CN', 2030, 'final'))

      // The nav carries the dataset too.
      await page.locator('.main-nav').getByRole('link', { name: message('zh-CN', 'nav.flows'), exact: true }).focus()
      await page.keyboard.press('Enter')
      await waitForHash(page, hashOf({ locale: 'zh-CN', view: 'flows', query: finalQuery }))
      await expectNoProblems(opened)
    })

    it('rewrites an old ?d= link to department and year', async () => {
      const opened = await app.open(DESKTOP, { locale: 'en', view: 'tables', query: { d: 'test-department-2029' } })
      await waitForHash(opened.page, hashOf({ locale: 'en', view: 'tables', query: { dept: MAIN.departmentId, year: '2029' } }))
      await expectNoProblems(opened)
    })

    describe('links to what the catalogue lacks', () => {
      for (const [locale, device] of [
        ['zh-CN', PHONE],
        ['en', DESKTOP],
      ] as const) {
        it(`an unknown department says so and links to those that exist (${locale})`, async () => {
          const opened = await app.open(device, { locale, view: 'flows', query: { dept: 'no-such-department', year: '2030' } })
          const { page } = opened
          const alert = page.getByRole('alert')
          expect(await alert.innerText()).toContain(message(locale, 'errors.unknownDepartment', { department: 'no-such-department' }))
          expect(await page.locator('h1').innerText()).toBe(text(folder.catalogue.site.name, locale))
          expect(await page.locator('[data-testid=total]').count()).toBe(0)
          await expectNoSeriousA11yViolations(page, `unknown department ${locale}`)
          await alert.getByRole('link', { name: text(OTHER.department, locale) }).click()
          await waitForHash(page, hashOf({ locale, view: 'flows', query: { dept: OTHER.departmentId, year: '2030' } }))
          await waitForDataset(page, text(OTHER.department, locale))
          await expectNoProblems(opened)
        })

        it(`an unknown year names the years the department has (${locale})`, async () => {
          const opened = await app.open(device, { locale, query: { dept: OTHER.departmentId, year: '2029' } })
          const { page } = opened
          const alert = page.getByRole('alert')
          const phase = message(locale, 'app.phase.budget')
          expect(await alert.innerText()).toContain(message(locale, 'errors.unknownYear', { department: text(OTHER.department, locale), year: '2029', phase }))
          const links = await alert.getByRole('link').allInnerTexts()
          expect(links).toEqual([yearAndPhase(locale, 2030, 'budget')])
          await expectNoProblems(opened)
        })
      }
    })
  },
  {
    data: async (data) => {
      await data.writeJson(CATALOGUE_FILE, folder.catalogue)
      for (const [file, json] of Object.entries(folder.files)) await data.writeJson(file, json)
    },
  },
)
