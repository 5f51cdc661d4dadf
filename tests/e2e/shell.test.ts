// The app shell as a visitor meets it: the sub-path and its redirect, the language switch, deep
// links, moving around by touch and by keyboard, the skip link, unknown addresses.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { CSP } from '../../scripts/serve-static.mjs'
import {
  DESKTOP,
  PHONE,
  VIEWS,
  describeInBrowser,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  hashOf,
  message,
  readPublished,
  type Locale,
  type ViewName,
} from './support'

const { catalogue, dataset } = readPublished()
/** How the app's URLs name the published dataset: `dept=…&year=…`, first in every query. */
const DATASET = { dept: catalogue.datasets[0]?.departmentId ?? '', year: String(catalogue.datasets[0]?.year ?? '') }

/** The label of the nav item marked current. */
const currentNavItem = (page: Page) => page.locator('.main-nav [aria-current=page]').textContent()
/** The hash part of the page's URL. */
const hashNow = (page: Page) => new URL(page.url()).hash
/** Waits for the URL's hash to become `hash`. */
const waitForHash = (page: Page, hash: string) => page.waitForFunction((h) => location.hash === h, hash)

describeInBrowser('app shell', (app) => {
  describe('sub-path', () => {
    it('redirects / to /budget/ and opens the overview in Chinese, with the CSP header', async () => {
      const opened = await app.open(DESKTOP, '/')
      const { page, response } = opened
      expect(new URL(page.url()).pathname).toBe('/budget/')
      await waitForHash(page, hashOf({ locale: 'zh-CN', query: DATASET }))
      expect(response?.request().redirectedFrom()?.url()).toBe(`${app.server.origin}/`)
      expect(response?.headers()['content-security-policy']).toBe(CSP)
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
      expect(await page.locator('h1').innerText()).toBe(dataset.department.zh)
      await expectNoProblems(opened)
    })

    it('falls back to the app for an unknown path under /budget/', async () => {
      const opened = await app.open(PHONE, '/budget/shared-link#/en/')
      expect(await opened.page.locator('h1').innerText()).toBe(dataset.department.en)
      await expectNoProblems(opened)
    })

    it('answers 404 for a missing file instead of the app', async () => {
      for (const missing of ['assets/missing.js', 'data/missing.json']) {
        const response = await fetch(app.server.url + missing)
        expect(response.status, missing).toBe(404)
      }
    })
  })

  describe('language switch', () => {
    const switchTo = async (page: Page, locale: Locale, how: 'tap' | 'keyboard' | 'click') => {
      const link = page.getByRole('navigation', { name: message(locale === 'en' ? 'zh-CN' : 'en', 'app.language') }).getByRole('link')
      expect(await link.count()).toBe(1)
      if (how === 'tap') await link.tap()
      else if (how === 'click') await link.click()
      else {
        await link.focus()
        await page.keyboard.press('Enter')
      }
    }

    for (const [device, how] of [
      [PHONE, 'tap'],
      [DESKTOP, 'keyboard'],
      [DESKTOP, 'click'],
    ] as const) {
      it(`switches language in place by ${how} on the ${device.name}, keeping view and selection`, async () => {
        const opened = await app.open(device, { locale: 'zh-CN', view: 'checks', query: DATASET })
        const { page } = opened
        await switchTo(page, 'en', how)
        await waitForHash(page, hashOf({ locale: 'en', view: 'checks', query: DATASET }))
        expect(await page.locator('html').getAttribute('lang')).toBe('en')
        expect(await page.locator('h1').innerText()).toBe(dataset.department.en)
        expect(await currentNavItem(page)).toBe(message('en', 'nav.checks'))
        expect(await page.title()).toContain(message('en', 'nav.checks'))

        await switchTo(page, 'zh-CN', how)
        await waitForHash(page, hashOf({ locale: 'zh-CN', view: 'checks', query: DATASET }))
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
        expect(await page.locator('h1').innerText()).toBe(dataset.department.zh)
        await expectNoProblems(opened)
      })
    }
  })

  describe('deep links', () => {
    it.each(VIEWS.map((v) => v.name))('a shared link to %s opens the same view, selection and language', async (view: ViewName) => {
      const target = { locale: 'en', view, query: DATASET } as const
      const opened = await app.open(PHONE, target)
      const { page } = opened
      expect(hashNow(page)).toBe(hashOf(target))
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      const title = VIEWS.find((v) => v.name === view)?.titleKey ?? ''
      expect(await currentNavItem(page)).toBe(message('en', title))
      expect(await page.locator('#main [role=alert]').count()).toBe(0)
      await expectNoProblems(opened)
    })

    it('a link naming an unknown dataset explains itself, in the link’s language', async () => {
      const opened = await app.open(PHONE, { locale: 'en', view: 'overview', query: { d: 'no-such-dataset' } })
      const alert = opened.page.getByRole('alert')
      expect(await alert.innerText()).toContain(message('en', 'errors.unknownDataset'))
      await expectNoProblems(opened)
    })

    it('an unknown route shows the not-found page with a way back', async () => {
      const opened = await app.open(DESKTOP, '/budget/#/zh-CN/no-such-view')
      const { page } = opened
      expect(await page.locator('#main h2').innerText()).toBe(message('zh-CN', 'app.notFoundTitle'))
      await expectNoSeriousA11yViolations(page, 'not found')
      await page.getByRole('link', { name: message('zh-CN', 'app.backToOverview') }).click()
      await waitForHash(page, hashOf({ locale: 'zh-CN', query: DATASET }))
      expect(await page.locator('#main [data-testid=total]').count()).toBe(1)
      await expectNoProblems(opened)
    })
  })

  describe('moving around', () => {
    it('visits every view by tapping the navigation on a phone', async () => {
      const opened = await app.open(PHONE, { locale: 'zh-CN' })
      const { page } = opened
      for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
        await page.locator('.main-nav').getByRole('link', { name: message('zh-CN', view.titleKey), exact: true }).tap()
        await waitForHash(page, hashOf({ locale: 'zh-CN', view: view.name, query: DATASET }))
        await page.locator('#main h2').first().waitFor({ state: 'attached' })
        expect(await currentNavItem(page)).toBe(message('zh-CN', view.titleKey))
      }
      await expectNoProblems(opened)
    })

    it('skips to the content and reaches a view by keyboard alone', async () => {
      const opened = await app.open(DESKTOP, { locale: 'en' })
      const { page } = opened
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(message('en', 'app.skipToContent'))
      await page.keyboard.press('Enter')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')

      await page.keyboard.press('Shift+Tab')
      const target = message('en', 'nav.tables')
      for (let i = 0; i < 30; i++) {
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
        if (focused === target) break
        await page.keyboard.press('Shift+Tab')
      }
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(target)
      await page.keyboard.press('Enter')
      await waitForHash(page, hashOf({ locale: 'en', view: 'tables', query: DATASET }))
      expect(await currentNavItem(page)).toBe(target)
      await expectNoProblems(opened)
    })

    it('scrolls the phone navigation so a deep-linked view’s item is in sight', async () => {
      const last = VIEWS[VIEWS.length - 1]
      if (!last) throw new Error('no views')
      const { page } = await app.open(PHONE, { locale: 'zh-CN', view: last.name })
      const inSight = () =>
        page.evaluate(() => {
          const ul = document.querySelector('.main-nav ul')
          const item = document.querySelector('.main-nav [aria-current=page]')
          if (!ul || !item) return null
          const [u, i] = [ul.getBoundingClientRect(), item.getBoundingClientRect()]
          return { overflows: ul.scrollWidth > ul.clientWidth, visible: i.left >= u.left - 1 && i.right <= u.right + 1 }
        })
      await page.waitForFunction(() => (document.querySelector('.main-nav ul')?.scrollLeft ?? 0) > 0, null, { timeout: 5000 }).catch(() => undefined)
      expect(await currentNavItem(page)).toBe(message('zh-CN', last.titleKey))
      expect(await inSight()).toEqual({ overflows: true, visible: true })
    })

    it('leaves most of a small phone’s first screen to the content, in both languages', async () => {
      const small = { name: 'phone' as const, options: { ...PHONE.options, viewport: { width: 360, height: 740 } } }
      for (const locale of ['zh-CN', 'en'] as const) {
        const { page } = await app.open(small, { locale })
        const top = await page.evaluate(() => document.getElementById('main')?.getBoundingClientRect().top ?? Infinity)
        expect(top, locale).toBeLessThan(740 / 2)
        await page.close()
      }
    })

    it('gives every header control a touch target of at least 44 px on a phone', async () => {
      const opened = await app.open(PHONE, { locale: 'zh-CN' })
      const small = await opened.page.evaluate(() =>
        [...document.querySelectorAll('header a, header button, header input, header select, header summary, .lang-switch__current')]
          .filter((el) => el.checkVisibility())
          .map((el) => ({ text: el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 44 || box.width < 44)
          .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
      )
      expect(small).toEqual([])
    })
  })
})
