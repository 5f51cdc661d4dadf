// The flows view in a real browser: switching the diagram to the economic classification by touch
// lists its classes in the table alternative and explains the rounding gap its project column has.
import { expect, it } from 'vitest'
import { formatAmount } from '@/domain/format'
import { PHONE, describeInBrowser, expectNoProblems, message, readPublished } from '../support'
import { present } from '../../unit/helpers/present'

const { dataset } = readPublished()
const economic = present(dataset.economic, 'economic table')
/** The economic 类 that carry money (zero flows are left out of the diagram). */
const classes = economic.rows.filter((r) => r.code.length === 3 && ((r.basic ?? 0) !== 0 || (r.project ?? 0) !== 0))
/** The project column's classes added up, against the published project total. */
const projectSum = economic.rows.filter((r) => r.code.length === 3).reduce((sum, r) => sum + (r.project ?? 0), 0)
const projectTotal = present(economic.unit.project, 'economic project total')
const projectGap = projectSum - projectTotal
if (!classes.length) throw new Error('the published economic table has no class to show')

describeInBrowser('flows', (app) => {
  it('switches to the economic classification by touch', async () => {
    const opened = await app.open(PHONE, { locale: 'zh-CN', view: 'flows' })
    const { page } = opened
    const label = message('zh-CN', 'flows.tree.economic')
    const radio = page.getByRole('radio', { name: label })
    // On a phone the chart comes first; its options open with one tap.
    await page.getByRole('button', { name: new RegExp(message('zh-CN', 'app.viewOptions').replace(/[：:]$/, '')) }).tap()
    expect(await radio.isChecked()).toBe(false)
    await page.locator('label', { hasText: label }).tap()
    await page.waitForURL((url) => url.hash.includes('tree=economic'))
    expect(await radio.isChecked()).toBe(true)
    await page.getByRole('heading', { name: message('zh-CN', 'flows.chartTitle', { tree: label }) }).waitFor()

    const table = page.getByRole('table', { name: message('zh-CN', 'flows.tableCaption') })
    const text = await table.innerText()
    for (const c of classes) expect(text, `the flow table lists ${c.code}`).toContain(`${c.code} ${c.name.zh}`)

    const gaps = page.getByTestId('flow-gaps')
    if (projectGap === 0) expect(await gaps.count()).toBe(0)
    else {
      const note = await gaps.innerText()
      expect(note).toContain(message('zh-CN', 'flows.gapsTitle'))
      expect(note).toContain(
        message('zh-CN', 'flows.gapNote', {
          node: message('zh-CN', 'flows.node.project'),
          published: formatAmount(projectTotal, 'zh-CN'),
          side: message('zh-CN', 'flows.gapSide.out'),
          sum: formatAmount(projectSum, 'zh-CN'),
          direction: message('zh-CN', projectGap > 0 ? 'flows.more' : 'flows.less'),
          difference: formatAmount(Math.abs(projectGap), 'zh-CN'),
        }),
      )
    }
    await expectNoProblems(opened)
  })
})
