// The classification view in a real browser: drilling down the table alternative by touch and by
// keyboard, coming back up (button, Escape), a shared deep link across the language switch, and
// hostile names shown literally in the chart's tooltip.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RawDataset } from '@/domain/schema'
import { DESKTOP, PHONE, describeInBrowser, expectNoProblems, hashOf, message, readPublished, type DataFolder, type Locale } from '../support'
import { present } from '../../unit/helpers/present'

const { dataset, datasetFile } = readPublished()
const rows = dataset.functional.rows
/** The first 类 of the functional table, and its first 款. */
const first = rows.find((r) => r.code.length === 3)
const child = first && rows.find((r) => r.code.length === 5 && r.code.startsWith(first.code))
/** A 款 to deep-link to (the first one that has 项 under it). */
const section = rows.find((r) => r.code.length === 5 && rows.some((c) => c.code.length === 7 && c.code.startsWith(r.code)))
if (!first || !child || !section) throw new Error('the published functional table has no 类 → 款 → 项 to drill into')

const name = (row: { name: { zh: string; en?: string } }, locale: Locale): string => (locale === 'en' ? (row.name.en ?? row.name.zh) : row.name.zh)
const measure = (locale: Locale): string => message(locale, 'classification.measure.total')
/** The table heading for a focus, as the view words it. */
const caption = (locale: Locale, focus?: (typeof rows)[number]): string =>
  message(locale, 'classification.tableCaption', {
    name: focus ? `${focus.code} ${name(focus, locale)}` : message(locale, 'classification.whole'),
    measure: measure(locale),
  })
const nodeOf = (page: Page): string | null => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('node')

describeInBrowser('classification', (app) => {
  it('drills into a class by touch and comes back up with the button', async () => {
    const opened = await app.open(PHONE, { locale: 'zh-CN', view: 'classification' })
    const { page } = opened
    const tableHeading = page.locator('#classification-table-title')
    expect(await tableHeading.innerText()).toBe(caption('zh-CN'))
    const table = page.getByRole('table', { name: caption('zh-CN') })
    const firstLink = table.getByRole('link').first()
    expect(await firstLink.innerText()).toContain(name(first, 'zh-CN'))
    await firstLink.tap()
    await page.waitForURL((url) => url.hash.includes(`node=${first.code}`))
    await page.getByRole('heading', { name: caption('zh-CN', first) }).waitFor()
    await page.getByRole('table', { name: caption('zh-CN', first) }).getByRole('link', { name: name(child, 'zh-CN') }).waitFor()

    await page.getByRole('button', { name: message('zh-CN', 'classification.up') }).tap()
    await page.waitForURL((url) => !url.hash.includes('node='))
    await page.getByRole('heading', { name: caption('zh-CN') }).waitFor()
    expect(await page.getByRole('button', { name: message('zh-CN', 'classification.up') }).count()).toBe(0)
    await expectNoProblems(opened)
  })

  it('drills in with Enter and back up with Escape, keyboard only', async () => {
    const opened = await app.open(DESKTOP, { locale: 'en', view: 'classification' })
    const { page } = opened
    const link = page.getByRole('table', { name: caption('en') }).getByRole('link', { name: name(first, 'en') })
    await link.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.hash.includes(`node=${first.code}`))
    const heading = page.getByRole('heading', { name: caption('en', first) })
    await heading.waitFor()
    // Focus follows the reader to the new level, still inside the view's section.
    await page.waitForFunction(() => document.activeElement?.id === 'classification-table-title')
    await page.keyboard.press('Escape')
    await page.waitForURL((url) => !url.hash.includes('node='))
    await page.getByRole('heading', { name: caption('en') }).waitFor()
    await expectNoProblems(opened)
  })

  it('opens a shared selection and keeps it across the language switch', async () => {
    const opened = await app.open(DESKTOP, { locale: 'en', view: 'classification', query: { node: section.code } })
    const { page } = opened
    expect(await page.locator('h2').first().innerText()).toBe(message('en', 'classification.title'))
    await page.getByRole('heading', { name: caption('en', section) }).waitFor()
    expect(await page.locator('#main').innerText()).toContain(name(section, 'en'))
    expect(nodeOf(page)).toBe(section.code)

    await page.getByRole('link', { name: '中文', exact: true }).click()
    await page.waitForURL((url) => url.hash.startsWith(hashOf({ locale: 'zh-CN', view: 'classification' })))
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    expect(nodeOf(page)).toBe(section.code)
    await page.getByRole('heading', { name: caption('zh-CN', section) }).waitFor()
    expect(await page.locator('#main').innerText()).toContain(name(section, 'zh-CN'))
    await expectNoProblems(opened)
  })
})

/** Markup that sets `window.__pwned` if it is ever parsed as HTML. */
const HOSTILE = { zh: '<img src=x onerror="window.__pwned=1">', en: '<script>window.__pwned=1</script>' } as const

/** Every functional and economic row name replaced by hostile markup (numbered, so names stay distinct). */
async function poison(data: DataFolder): Promise<void> {
  await data.editJson<RawDataset>(datasetFile, (d) => {
    let n = 0
    for (const table of [d.functional, present(d.economic, 'economic table')])
      for (const row of table.rows) {
        n++
        row.name = { zh: `${HOSTILE.zh} ${n}`, en: `${HOSTILE.en} ${n}` }
      }
  })
}

describeInBrowser(
  'classification with hostile names',
  (app) => {
    it('shows a hostile name literally in the chart tooltip', async () => {
      const opened = await app.open(DESKTOP, { locale: 'zh-CN', view: 'classification' })
      const { page } = opened
      const canvas = page.locator('.chart-frame canvas').first()
      await canvas.waitFor()
      const box = await canvas.boundingBox()
      if (!box) throw new Error('the chart canvas has no box')
      const tip = page.locator('.chart-frame .chart-tip').filter({ hasText: '<img' })
      let shown = false
      // Points around the rings, from the inside out, until a sector's tooltip shows.
      for (const r of [0.2, 0.3, 0.4, 0.15]) {
        for (const angle of [0, 45, 90, 135, 180, 225, 270, 315]) {
          const a = (angle * Math.PI) / 180
          const x = box.x + box.width / 2 + Math.cos(a) * r * Math.min(box.width, box.height)
          const y = box.y + box.height / 2 + Math.sin(a) * r * Math.min(box.width, box.height)
          await page.mouse.move(x, y, { steps: 4 })
          try {
            await tip.first().waitFor({ state: 'visible', timeout: 600 })
            shown = true
            break
          } catch {
            // no sector under this point: try the next one
          }
        }
        if (shown) break
      }
      expect(shown, 'a tooltip with a hostile name appeared over the chart').toBe(true)
      expect(await tip.first().evaluate((el) => el.textContent ?? '')).toContain('<img')
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        injected: document.querySelectorAll('.chart-frame img, .chart-frame script, [onerror]').length,
      }))
      expect(state).toEqual({ pwned: undefined, injected: 0 })
      await expectNoProblems(opened)
    })
  },
  { data: poison },
)
