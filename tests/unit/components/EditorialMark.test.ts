import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import EditorialMark from '@/components/EditorialMark.vue'
import BudgetStory from '@/components/story/BudgetStory.vue'
import PerformanceView from '@/views/PerformanceView.vue'
import ChecksView from '@/views/ChecksView.vue'
import CompareView from '@/views/CompareView.vue'
import TablesView from '@/views/TablesView.vue'
import { editorialNotesAt } from '@/domain/editorial'
import type { RawDataset } from '@/domain/schema'
import type { Locale } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { createTestI18n } from '../helpers/i18n'
import { mountWithApp } from '../helpers/mount'
import { present, readYantian } from '../helpers/present'
import { numberOf } from '../helpers/tables'

/** A message as the app shows it (JSON imports are precompiled, so read them through vue-i18n). */
const msg = (locale: Locale, key: string): string => createTestI18n(locale).global.t(key)
const realDataset = readYantian

/** The fixture with a [sic] note on its first goal and our reading on its categories' tasks and indicator q03. */
function withNotes(): RawDataset {
  const raw: RawDataset = makeDataset()
  raw.editorial = {
    sic: [{ path: 'performance.goals.0', note: { zh: '原文脱一字。', en: 'A character is missing in the Chinese.' } }],
    ourReading: [
      { path: 'projectExpenditure.categories.taskIds', note: { zh: '对应关系是本站的解读。', en: 'The grouping is ours.' } },
      { path: 'performance.indicators.q03', note: { zh: '层级是本站归入的。', en: 'We placed its level.' } },
    ],
  }
  return raw
}

describe('EditorialMark', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it.each([
    ['zh-CN', 'zh'],
    ['en', 'en'],
  ] as const)('shows “our reading” in %s as a closed button, then the one-line explanation and the data’s note', async (locale, lang) => {
    const raw = withNotes()
    const { wrapper } = await mountWithApp(EditorialMark, { dataset: raw, locale, path: `/${locale}`, props: { path: 'performance.indicators.q03' } })
    const button = wrapper.get('button')
    expect(button.attributes('type')).toBe('button')
    expect(button.text()).toContain(msg(locale, 'app.editorial.ourReading'))
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find('[data-testid="editorial-note"]').exists()).toBe(false)

    await button.trigger('click')
    const panel = wrapper.get('[data-testid="editorial-note"]')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(button.attributes('aria-controls')).toBe(panel.attributes('id'))
    expect(panel.text()).toContain(msg(locale, 'app.editorial.ourReadingNote'))
    expect(panel.text()).toContain(raw.editorial!.ourReading[1]!.note[lang])
  })

  it.each([
    ['zh-CN', '[原文如此]'],
    ['en', '[sic]'],
  ] as const)('marks a slip of the document as %s with its note', async (locale, mark) => {
    const raw = withNotes()
    const { wrapper } = await mountWithApp(EditorialMark, { dataset: raw, locale, path: `/${locale}`, props: { path: 'performance.goals.0' } })
    const button = wrapper.get('[data-editorial="sic"] button')
    expect(button.text()).toContain(mark)
    await button.trigger('click')
    expect(wrapper.get('[data-testid="editorial-note"]').text()).toContain(raw.editorial!.sic[0]!.note[locale === 'en' ? 'en' : 'zh'])
  })

  it('is reachable by keyboard: a focusable button that Escape closes, giving focus back', async () => {
    const { wrapper } = await mountWithApp(EditorialMark, { dataset: withNotes(), props: { path: 'projectExpenditure.categories.investmentPromotion.taskIds' } })
    const button = wrapper.get('button')
    ;(button.element as HTMLButtonElement).focus()
    expect(document.activeElement).toBe(button.element)
    await button.trigger('click')
    await button.trigger('keydown', { key: 'Escape' })
    await nextTick()
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find('[data-testid="editorial-note"]').exists()).toBe(false)
    expect(document.activeElement).toBe(button.element)
  })

  it('renders nothing when the data has no editorial notes, or none for the path', async () => {
    const none = await mountWithApp(EditorialMark, { dataset: makeDataset(), props: { path: 'performance.goals.0' } })
    expect(none.wrapper.find('.editorial').exists()).toBe(false)
    document.body.innerHTML = ''
    const other = await mountWithApp(EditorialMark, { dataset: withNotes(), props: { path: 'performance.goals.1' } })
    expect(other.wrapper.find('.editorial').exists()).toBe(false)
  })
})

describe('where the shipped dataset’s readings and slips are shown', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = vi.fn()
  })
  afterEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it('performance view: every task group, only the indicators the data names, and the goal with a slip', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: raw, path: '/en/performance', locale: 'en' })
    for (const c of present(raw.projectExpenditure, 'projectExpenditure').categories) {
      const group = wrapper.get(`[data-category="${c.id}"]`)
      // Phone list and desktop table both carry it.
      expect(group.findAll('[data-editorial="ourReading"]').length, c.id).toBe(2)
      expect(group.get('[data-editorial="ourReading"] button').text()).toContain('our reading')
    }
    const ids = present(raw.performance, 'performance').dimensions.flatMap((d) => d.indicators).map((i) => i.id)
    const marked = ids.filter((id) => wrapper.findAll(`[data-indicator="${id}"] [data-editorial="ourReading"]`).length > 0)
    expect(marked).toEqual(ids.filter((id) => editorialNotesAt(raw, `performance.indicators.${id}`).length))
    expect(marked.length).toBe(2)
    const goals = wrapper.get('[data-testid="annual-goals"]').findAll('li')
    expect(goals.map((g, i) => [i, g.find('[data-editorial="sic"]').exists()]).filter(([, has]) => has)).toEqual([[6, true]])
  })

  it('performance view: no tag at all for a dataset without editorial notes', async () => {
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: makeDataset(), path: '/zh-CN/performance' })
    expect(wrapper.find('.editorial').exists()).toBe(false)
  })

  it('the story tags the largest-task sentence, which rests on the mapping', async () => {
    const { wrapper } = await mountWithApp(BudgetStory, { dataset: realDataset() })
    expect(wrapper.find('[data-sentence="projectLargest"] [data-editorial="ourReading"]').exists()).toBe(true)
    expect(wrapper.findAll('[data-editorial]').length).toBe(1)
  })

  it('checks: each category-against-its-tasks check carries the tag', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(ChecksView, { dataset: raw, path: '/zh-CN/checks' })
    const categories = present(raw.projectExpenditure, 'projectExpenditure').categories
    for (const c of categories)
      expect(wrapper.find(`[data-check="performance.category.${c.id}"] [data-editorial="ourReading"]`).exists(), c.id).toBe(true)
    expect(wrapper.findAll('[data-check] [data-editorial]').length).toBe(categories.length)
  })

  it('comparison: the operating-costs reason keeps its “。。” with a [sic] mark', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    const marks = wrapper.findAll('[data-editorial="sic"]')
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every((m) => m.element.parentElement?.textContent?.includes(present(raw.operatingCosts?.change?.reason, 'the reason for the change in operating costs').zh))).toBe(true)
  })

  it('tables: table 12 marks goal 7 and the two indicators; table 5 marks every category', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(TablesView, { dataset: raw, path: '/zh-CN/tables' })
    const headsWith = (table: number, kind: string) =>
      wrapper.findAll(`[data-table="${table}"] tr`).filter((r) => r.find(`[data-editorial="${kind}"]`).exists()).map((r) => r.get('th').text())
    const table12 = numberOf(raw, 'performanceTargets')
    expect(headsWith(table12, 'sic')).toHaveLength(1)
    const indicators = present(raw.performance, 'performance').dimensions.flatMap((d) => d.indicators)
    const ours = headsWith(table12, 'ourReading')
    expect(ours).toHaveLength(2)
    for (const id of ['q12', 'q35']) expect(ours.some((h) => h.includes(indicators.find((i) => i.id === id)!.name.zh)), id).toBe(true)
    const categories = headsWith(numberOf(raw, 'projectSummary'), 'ourReading')
    const published = present(raw.projectExpenditure, 'projectExpenditure').categories
    expect(categories).toHaveLength(published.length)
    for (const c of published) expect(categories.some((h) => h.includes(c.name.zh)), c.id).toBe(true)
  })
})
