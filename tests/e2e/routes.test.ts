// Every route, in both languages, on a phone and a desktop: renders with a clean console, no CSP
// violation, nothing off the origin, no sideways scroll on the phone, no serious axe violation.
// The phone runs leave a screenshot of each view for reviewers (test-results/screenshots/).
import { expect, it } from 'vitest'
import {
  DEVICES,
  LOCALES,
  VIEWS,
  describeInBrowser,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  message,
  saveScreenshot,
} from './support'

describeInBrowser('every route', (app) => {
  for (const device of DEVICES)
    for (const locale of LOCALES)
      for (const view of VIEWS)
        it(`${view.name} · ${locale} · ${device.name}`, async () => {
          const opened = await app.open(device, { locale, view: view.name })
          const { page } = opened

          expect(await page.locator('#main [role=alert]').count(), 'the data failed to load').toBe(0)
          expect(await page.locator('html').getAttribute('lang')).toBe(locale)
          expect(await page.title()).toContain(message(locale, view.titleKey))
          expect(await page.locator('.main-nav [aria-current=page]').textContent()).toBe(message(locale, view.titleKey))
          const headings = await page.locator('#main').locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) => els.map((el) => el.tagName))
          expect(headings[0], 'a view starts at h2 (the page h1 is in the header)').toBe('H2')

          await expectNoProblems(opened)
          if (device.name === 'phone') await expectNoSidewaysScroll(page)
          await expectNoSeriousA11yViolations(page, `${view.name} (${locale}, ${device.name})`)
          if (device.name === 'phone') await saveScreenshot(page, `${locale}-${view.name}`)
        })
})
