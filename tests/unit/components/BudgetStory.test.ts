import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import BudgetStory from '@/components/story/BudgetStory.vue'
import { formatAmount, formatNumber, formatPercent, toYuan } from '@/domain/format'
import { computeShare } from '@/domain/format'
import type { RawDataset } from '@/domain/schema'
import { useSettingsStore } from '@/stores/settings'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'
import { omit } from '../helpers/present'

const sentence = (wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper'], id: string) => wrapper.find(`[data-sentence="${id}"]`)

describe('BudgetStory', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it('tells the total, the split and the change in plain Chinese, with figures from the data', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: raw })
    expect(sentence(wrapper, 'total').text()).toContain(formatAmount(raw.overview.expenditure.amount, 'zh-CN'))
    expect(sentence(wrapper, 'total').text()).toContain(raw.department.zh)
    const basicShare = formatPercent(computeShare(raw.functional.unit.basic, raw.functional.unit.total), 'zh-CN')
    expect(sentence(wrapper, 'split').text()).toContain(basicShare)
    const change = raw.overview.expenditure.change!
    expect(sentence(wrapper, 'change').text()).toContain(`减少 ${formatAmount(Math.abs(change.amount), 'zh-CN')}`)
    expect(sentence(wrapper, 'change').text()).toContain(`${Math.abs(change.percent!)}%`)
    expect(wrapper.text()).toContain(raw.overview.changeReasons[0]!.zh)
  })

  it('changes its words when a figure in the data changes', async () => {
    const raw = makeDataset()
    const first = await mountWithApp(BudgetStory, { dataset: raw })
    const before = sentence(first.wrapper, 'change').text()
    document.body.innerHTML = ''
    const changed = makeDataset()
    changed.overview.expenditure.change.amount = -changed.overview.expenditure.change.amount
    const second = await mountWithApp(BudgetStory, { dataset: changed })
    const after = sentence(second.wrapper, 'change').text()
    expect(after).not.toBe(before)
    expect(after).toContain(`增加 ${formatAmount(changed.overview.expenditure.change.amount, 'zh-CN')}`)
  })

  it('leaves the change out when the document states no prior-year figure', async () => {
    const fixture = makeDataset()
    const expenditure = omit(fixture.overview.expenditure, 'change')
    const raw = { ...fixture, overview: { ...fixture.overview, expenditure } } satisfies RawDataset
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: raw })
    expect(sentence(wrapper, 'change').exists()).toBe(false)
    expect(sentence(wrapper, 'changeReasons').exists()).toBe(false)
    expect(wrapper.text()).not.toContain(raw.overview.changeReasons[0]!.zh)
    expect(sentence(wrapper, 'total').exists()).toBe(true)
  })

  it('explains its technical terms in place', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: raw })
    const terms = wrapper.findAll('[data-term]').map((t) => t.attributes('data-term'))
    expect(terms).toEqual(expect.arrayContaining(['basicExpenditure', 'projectExpenditure', 'functionalClassification', 'economicClassification', 'threePublic', 'performanceTargets']))
    const basic = wrapper.get('[data-term="basicExpenditure"]')
    await basic.get('button').trigger('click')
    expect(basic.text()).toContain(raw.glossary.find((g) => g.term.zh === '基本支出')!.definition.zh)
  })

  it('marks sentences with figures this site computed as derived', async () => {
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: makeDataset() })
    expect(sentence(wrapper, 'split').find('.derived-tag').exists()).toBe(true)
    expect(sentence(wrapper, 'total').find('.derived-tag').exists()).toBe(false)
  })

  it('tells the same story in English, without Chinese', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: raw, locale: 'en', path: '/en' })
    expect(sentence(wrapper, 'total').text()).toContain(formatAmount(raw.overview.expenditure.amount, 'en'))
    expect(wrapper.text()).toContain(raw.overview.changeReasons[0]!.en)
    expect(wrapper.text()).not.toMatch(/[\u4e00-\u9fff]{2,}/)
  })

  it('follows the reader’s display unit', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: raw })
    useSettingsStore().unit = 'yuan'
    await nextTick()
    expect(sentence(wrapper, 'total').text()).toContain(`${formatNumber(toYuan(raw.overview.expenditure.amount), 'zh-CN', 0)} 元`)
  })

  it('shows data text literally, never as markup', async () => {
    const raw = makeDataset()
    raw.department.zh = '<img src=x onerror="window.__pwned=1">'
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: raw })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror="window.__pwned=1">')
  })

  it('starts with a heading one level below the view’s', async () => {
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: makeDataset() })
    const section = wrapper.get('[data-testid="budget-story"]')
    expect(section.get('h3').attributes('id')).toBe(section.attributes('aria-labelledby'))
    expect(section.findAll('h4').length).toBeGreaterThanOrEqual(3)
  })
})
