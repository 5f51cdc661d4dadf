import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import PerformanceView from '@/views/PerformanceView.vue'
import { sumAmounts } from '@/domain/checks'
import { formatAmount } from '@/domain/format'
import type { RawDataset } from '@/domain/schema'
import { useActualsStore } from '@/stores/actuals'
import { makeCatalogue, makeDataset } from '../../fixtures/dataset'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'
import { mountWithApp } from '../helpers/mount'
import { present, readYantian } from '../helpers/present'

const realDataset = readYantian
const ACTUALS_FILE = 'test-department-2030.actuals.json'
const fixtureActuals = (): unknown => JSON.parse(readFileSync(`tests/fixtures/actuals/${ACTUALS_FILE}`, 'utf8'))
const perfOf = (raw: RawDataset) => present(raw.performance, 'performance')
const indicators = (raw: RawDataset) => perfOf(raw).dimensions.flatMap((d) => d.indicators)
const en = (t: { zh: string; en?: string }): string => present(t.en, `the English of ${t.zh}`)

/** Mounts the view, then lists an actuals file for the dataset and waits for the actuals store. */
async function mountWithActuals(answer: FakeFile) {
  stubDataFolder({ [ACTUALS_FILE]: answer })
  const mounted = await mountWithApp(PerformanceView, { dataset: makeDataset(), path: '/zh-CN/performance' })
  const cat = makeCatalogue()
  mounted.store.catalogue = { ...cat, datasets: cat.datasets.map((d) => ({ ...d, actuals: ACTUALS_FILE })) }
  const actuals = useActualsStore()
  await vi.waitFor(() => expect(['ready', 'error']).toContain(actuals.status))
  await flushPromises()
  return mounted
}

describe('PerformanceView', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows every task, goal and indicator of table 12, each indicator pending with a shape and a word', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: raw, path: '/zh-CN/performance' })
    const text = wrapper.text()
    for (const task of perfOf(raw).tasks) expect(text).toContain(task.name.zh)
    for (const goal of perfOf(raw).goals) expect(text).toContain(goal.zh)
    for (const kp of present(raw.keyProjects, 'keyProjects').projects) expect(text).toContain(kp.goal.zh)
    const cards = wrapper.findAll('.ind-card')
    const tableRows = wrapper.findAll('.ind-table tbody tr')
    expect(cards.map((c) => c.attributes('data-indicator'))).toEqual(indicators(raw).map((i) => i.id))
    expect(tableRows).toHaveLength(indicators(raw).length)
    for (const [i, ind] of indicators(raw).entries()) {
      expect(cards[i]!.text()).toContain(ind.name.zh)
      expect(cards[i]!.text()).toContain(ind.target.written)
    }
    const badges = wrapper.findAll('.ind-card [data-status]')
    expect(badges.every((b) => b.attributes('data-status') === 'pending' && b.text().includes('◌') && b.text().includes('待评价'))).toBe(true)
    expect(wrapper.find('[data-testid="budget-note"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="total-count"]').text()).toBe(String(indicators(raw).length))
    const na = perfOf(raw).dimensions.filter((d) => !d.applicable).map((d) => d.level2)
    expect(wrapper.findAll('[data-testid="not-applicable"] li').map((li) => li.attributes('data-dim'))).toEqual(na)
    expect(wrapper.get('[data-testid="parse-check"]').text()).toContain(String(indicators(raw).length))
  })

  it('puts the parsed target into words', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: raw, path: '/zh-CN/performance' })
    const first = indicators(raw)[0]!
    if (first.target.parsed.kind !== 'quantitative') throw new Error('dataset changed')
    expect(wrapper.get(`.ind-card[data-indicator="${first.id}"]`).text()).toContain(`至少 ${first.target.parsed.value} ${first.target.parsed.unit.zh}`)
  })

  it('groups the tasks under the project categories with their sums and the rounding gap', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: raw, path: '/zh-CN/performance' })
    for (const c of present(raw.projectExpenditure, 'projectExpenditure').categories) {
      const group = wrapper.get(`[data-category="${c.id}"]`)
      const taskIds = present(c.taskIds, `taskIds of ${c.id}`)
      expect(group.findAll('.task-table [data-task]').map((r) => r.attributes('data-task')).sort()).toEqual([...taskIds].sort())
      const sum = sumAmounts(perfOf(raw).tasks.filter((t) => taskIds.includes(t.id)).map((t) => t.total))
      const gap = sumAmounts([c.amount, -sum])
      expect(group.get('[data-testid="gap"]').text()).toBe(`${gap > 0 ? '+' : ''}${formatAmount(gap, 'zh-CN')}`)
      if (gap !== 0) expect(group.get('[data-testid="gap-verdict"]').text()).toContain('在原文舍入误差范围内')
    }
  })

  it('speaks English, with the data’s English text', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: raw, locale: 'en', path: '/en/performance' })
    const text = wrapper.text()
    for (const task of perfOf(raw).tasks) expect(text).toContain(en(task.name))
    for (const goal of perfOf(raw).goals) expect(text).toContain(en(goal))
    for (const ind of indicators(raw)) {
      expect(text).toContain(en(ind.name))
      expect(text).not.toContain(ind.name.zh)
    }
    expect(wrapper.findAll('.ind-card [data-status]').every((b) => b.text().includes('Pending'))).toBe(true)
  })

  it('filters by the dimension in the URL and writes a new choice back to it', async () => {
    const raw = makeDataset()
    const { wrapper, router } = await mountWithApp(PerformanceView, { dataset: raw, path: '/zh-CN/performance?dim=social' })
    const social = raw.performance.dimensions.find((d) => d.level2 === 'social')!.indicators.map((i) => i.id)
    expect(wrapper.findAll('.ind-card').map((c) => c.attributes('data-indicator'))).toEqual(social)
    await wrapper.get('#perf-dim').setValue('quantity')
    await flushPromises()
    expect(router.currentRoute.value.query.dim).toBe('quantity')
    const quantity = raw.performance.dimensions.find((d) => d.level2 === 'quantity')!.indicators.map((i) => i.id)
    expect(wrapper.findAll('.ind-card').map((c) => c.attributes('data-indicator'))).toEqual(quantity)
  })

  it('searches from the URL and from the box, and says when nothing matches', async () => {
    const raw = realDataset()
    const { wrapper, router } = await mountWithApp(PerformanceView, { dataset: raw, path: `/zh-CN/performance?q=${encodeURIComponent('接洽')}` })
    const expected = indicators(raw).filter((i) => i.name.zh.includes('接洽')).map((i) => i.id)
    expect(wrapper.findAll('.ind-card').map((c) => c.attributes('data-indicator'))).toEqual(expected)
    expect(wrapper.get('[data-testid="shown-count"]').text()).toContain(String(expected.length))
    await wrapper.get('#perf-q').setValue('brochure')
    await flushPromises()
    expect(router.currentRoute.value.query.q).toBe('brochure')
    expect(wrapper.findAll('.ind-card').map((c) => c.attributes('data-indicator'))).toEqual(indicators(raw).filter((i) => /brochure/i.test(en(i.name))).map((i) => i.id))
    await wrapper.get('#perf-q').setValue('zzzz')
    await flushPromises()
    expect(wrapper.find('[data-testid="no-results"]').exists()).toBe(true)
    await wrapper.get('.filters__clear').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({})
    expect(wrapper.findAll('.ind-card')).toHaveLength(indicators(raw).length)
  })

  it('sorts the desktop table by a header button and announces it with aria-sort', async () => {
    const raw = realDataset()
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: raw, locale: 'en', path: '/en/performance' })
    const header = () => wrapper.get('[data-sort="name"]').element.closest('th')!
    expect(header().getAttribute('aria-sort')).toBe('none')
    await wrapper.get('[data-sort="name"]').trigger('click')
    expect(header().getAttribute('aria-sort')).toBe('ascending')
    const names = wrapper.findAll('.ind-table tbody th').map((th) => th.text())
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
    await wrapper.get('[data-sort="name"]').trigger('click')
    expect(header().getAttribute('aria-sort')).toBe('descending')
    expect(wrapper.findAll('.ind-table tbody th').map((th) => th.text())).toEqual([...names].reverse())
  })

  it('turns pending into met / not met when a fixture of actuals is loaded', async () => {
    const { wrapper } = await mountWithActuals({ json: fixtureActuals() })
    const file = fixtureActuals() as { actuals: { indicatorId: string; written: string }[] }
    expect(wrapper.find('[data-testid="actuals-loaded"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="budget-note"]').exists()).toBe(false)
    const status = (id: string) => wrapper.get(`.ind-card[data-indicator="${id}"] [data-status]`)
    const statuses = file.actuals.map((a) => status(a.indicatorId).attributes('data-status'))
    expect(statuses).not.toContain('pending')
    expect(statuses).toContain('met')
    expect(statuses).toContain('notMet')
    expect(status(file.actuals.find((_, i) => statuses[i] === 'notMet')!.indicatorId).text()).toContain('✗')
    for (const a of file.actuals) expect(wrapper.get(`.ind-card[data-indicator="${a.indicatorId}"]`).text()).toContain(a.written)
  })

  it('shows the score where the self-evaluation gives one, in the cards and in a score column of the table', async () => {
    const { wrapper } = await mountWithActuals({ json: fixtureActuals() })
    const file = fixtureActuals() as { actuals: { indicatorId: string; score?: { points: number; outOf?: number } }[] }
    const scored = file.actuals.filter((a) => a.score)
    expect(scored.length).toBeGreaterThan(0)
    expect(file.actuals.some((a) => !a.score)).toBe(true)
    for (const a of file.actuals) {
      const card = wrapper.get(`.ind-card[data-indicator="${a.indicatorId}"]`)
      const cell = wrapper.get(`.ind-table tr[data-indicator="${a.indicatorId}"] [data-testid="indicator-score"]`)
      if (!a.score) {
        expect(card.find('[data-testid="indicator-score"]').exists()).toBe(false)
        expect(cell.text()).toBe('')
        continue
      }
      for (const el of [card.get('[data-testid="indicator-score"]'), cell]) {
        expect(el.text()).toContain(`${a.score.points} 分`)
        if (a.score.outOf !== undefined) expect(el.text()).toContain(`分值 ${a.score.outOf}`)
        else expect(el.text()).not.toContain('分值')
      }
    }
    expect(wrapper.findAll('.ind-table thead th').map((th) => th.text())).toContain('得分')
  })

  it('has no score column while no indicator is scored', async () => {
    const { wrapper } = await mountWithApp(PerformanceView, { dataset: makeDataset(), path: '/zh-CN/performance' })
    expect(wrapper.findAll('.ind-table thead th').map((th) => th.text())).not.toContain('得分')
    expect(wrapper.find('[data-testid="indicator-score"]').exists()).toBe(false)
  })

  it('shows a notice and leaves everything pending when the actuals file is broken', async () => {
    const { wrapper } = await mountWithActuals({ text: 'not json' })
    expect(wrapper.get('[data-testid="actuals-error"]').text()).toContain(ACTUALS_FILE)
    expect(wrapper.findAll('.ind-card [data-status]').every((b) => b.attributes('data-status') === 'pending')).toBe(true)
    expect(wrapper.findAll('.ind-card')).toHaveLength(indicators(makeDataset()).length)
  })
})
