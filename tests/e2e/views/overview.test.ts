// The overview in a real browser: the headline figures are the ones the domain derives from the
// published data, and the way on to the checks works by touch and by keyboard.
import { expect, it } from 'vitest'
import { computeOverview } from '@/domain/derive'
import { formatAmount } from '@/domain/format'
import { parseDataset } from '@/domain/parse'
import { DESKTOP, LOCALES, PHONE, describeInBrowser, expectNoProblems, hashOf, message, readPublished } from '../support'
import { present } from '../../unit/helpers/present'

const parsed = parseDataset(readPublished().dataset)
if (!parsed.ok) throw new Error(`the published dataset does not parse: ${parsed.problem.details.join('; ')}`)
const overview = computeOverview(parsed.value)

describeInBrowser('overview', (app) => {
  for (const locale of LOCALES)
    it(`shows the derived headline figures · ${locale}`, async () => {
      const opened = await app.open(PHONE, { locale })
      const { page } = opened
      expect(await page.getByTestId('total').innerText()).toBe(formatAmount(overview.expenditure.current, locale))
      // Below-the-fold cards render after the first paint and are laid out when scrolled near (content-visibility): scroll as a reader would.
      const split = page.locator('section[aria-labelledby="ov-split"]')
      await split.scrollIntoViewIfNeeded()
      await page.waitForFunction(() => (document.querySelector<HTMLElement>('section[aria-labelledby="ov-split"]')?.innerText ?? '') !== '')
      const text = await split.innerText()
      for (const part of ['basic', 'project'] as const) {
        expect(text).toContain(message(locale, `overview.${part}`))
        expect(text).toContain(formatAmount(present(overview[part], part).value, locale))
      }
      await expectNoProblems(opened)
    })

  it('leads on to the checks by touch', async () => {
    const opened = await app.open(PHONE, { locale: 'zh-CN' })
    await opened.page.getByRole('link', { name: message('zh-CN', 'overview.checksLink') }).tap()
    await opened.page.waitForURL((url) => url.hash.startsWith(hashOf({ locale: 'zh-CN', view: 'checks' })))
    await expectNoProblems(opened)
  })

  it('leads on to the checks by keyboard', async () => {
    const opened = await app.open(DESKTOP, { locale: 'en' })
    await opened.page.getByRole('link', { name: message('en', 'overview.checksLink') }).focus()
    await opened.page.keyboard.press('Enter')
    await opened.page.waitForURL((url) => url.hash.startsWith(hashOf({ locale: 'en', view: 'checks' })))
    await expectNoProblems(opened)
  })
})
