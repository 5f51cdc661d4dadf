// A chart view on a phone shows its chart on the first screen, with its options one tap away
// (classification, flows; the year-on-year bars with what their figures are)
// (issue "Trust and reach", item 3): on 360×740 and 390×844, in both languages.
import { describe, expect, it } from 'vitest'
import { PHONE, describeInBrowser, expectNoProblems, message, type Device, type Locale } from './support'

const SMALL_PHONE: Device = { name: 'phone', options: { ...PHONE.options, viewport: { width: 360, height: 740 } } }
const PHONES = [SMALL_PHONE, PHONE] as const
/** The chart views and what draws their chart. */
const CHART_VIEWS = [
  { view: 'classification', chart: '.chart-frame', options: 'classification.controls' },
  { view: 'flows', chart: '.chart-frame', options: 'flows.controls' },
] as const

describeInBrowser('first screen of the chart views', (app) => {
  for (const device of PHONES)
    for (const locale of ['zh-CN', 'en'] as Locale[])
      describe(`${device.options.viewport?.width}×${device.options.viewport?.height} ${locale}`, () => {
        for (const { view, chart, options } of CHART_VIEWS)
          it(`${view}: the top of the chart is on the first screen and the options open with one tap`, async () => {
            const opened = await app.open(device, { locale, view })
            const { page } = opened
            const frame = page.locator(chart).first()
            await frame.waitFor({ state: 'visible' })
            const box = await frame.boundingBox()
            const height = device.options.viewport?.height ?? 0
            expect(box, 'the chart is drawn').not.toBeNull()
            expect(box?.y ?? Infinity, 'the chart starts within the first screen').toBeLessThan(height - 100)
            // The options: one tap on the button that names the current choice opens them.
            const group = page.getByRole('group', { name: message(locale, options) })
            await expect(group.isVisible()).resolves.toBe(false)
            const toggle = page.getByRole('button', { name: new RegExp(message(locale, 'app.viewOptions').replace(/[：:]$/, '')) })
            await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false')
            await toggle.tap()
            await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true')
            await expect(group.isVisible()).resolves.toBe(true)
            await expectNoProblems(opened)
          })

        it('compare: the first pair of bars is on the first screen, what the figures are one tap away', async () => {
          const opened = await app.open(device, { locale, view: 'compare' })
          const { page } = opened
          const bars = page.locator('.bars').first()
          await bars.waitFor({ state: 'visible' })
          const height = device.options.viewport?.height ?? 0
          expect((await bars.boundingBox())?.y ?? Infinity, 'the bars start within the first screen').toBeLessThan(height - 100)
          const about = page.locator('.compare__legend-title')
          await about.tap()
          await expect(page.getByText(message(locale, 'compare.legendTitle')).first().isVisible()).resolves.toBe(true)
          await expect(page.locator('.compare__legend').isVisible()).resolves.toBe(true)
          await expectNoProblems(opened)
        })
      })
})
