import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import CompareView from '@/views/CompareView.vue'
import { formatAmount, formatNumber, formatPercent, toYuan } from '@/domain/format'
import { useSettingsStore } from '@/stores/settings'
import { sumAmounts } from '@/domain/checks'
import { makeDataset } from '../../fixtures/dataset'
import { makePriorYearDataset } from '../../fixtures/prior-year/dataset'
import { mountWithApp, toBudget } from '../helpers/mount'
import { present } from '../helpers/present'
import type { ThreePublicItem } from '@/domain/schema'
import type { Text } from '@/domain/types'

/** The chart row of an item (a paired-bar row) in the rendered view. */
function row(root: { find: (s: string) => DOMWrapper<Element> }, id: string): DOMWrapper<Element> {
  return root.find(`[data-testid="compare-chart"] li[data-item="${id}"], [data-testid="three-public"] li[data-item="${id}"]`)
}

describe('CompareView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it('brings the item a search result names (?item=) into view and marks it', async () => {
    const raw = makeDataset()
    const id = `project.${raw.projectExpenditure.categories[0]!.id}`
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: `/zh-CN/compare?item=${id}` })
    await flushPromises()
    const marked = wrapper.findAll('.is-target')
    expect(marked).toHaveLength(1)
    expect(marked[0]!.attributes('data-item')).toBe(id)
    expect(document.activeElement).toBe(marked[0]!.element)
  })

  it('shows both years, the change, the agreeing % and the reason of each project category', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    for (const c of raw.projectExpenditure.categories) {
      const r = row(wrapper, `project.${c.id}`)
      expect(r.exists()).toBe(true)
      const text = r.text()
      expect(text).toContain(c.name.zh)
      expect(text).toContain(formatAmount(c.amount, 'zh-CN'))
      expect(text).toContain(formatAmount(sumAmounts([c.amount, -c.change.amount]), 'zh-CN'))
      expect(text).toContain(c.change.amount > 0 ? '▲' : '▼')
      expect(text).toContain(c.change.amount > 0 ? '增加' : '减少')
      expect(text).toContain(`${c.change.amount > 0 ? '+' : '−'}${formatAmount(Math.abs(c.change.amount), 'zh-CN')}`)
      expect(text).toContain(formatPercent(c.change.percent!, 'zh-CN', 0, true))
      expect(text).toContain('与文件一致')
      expect(text).toContain(c.change.reason!.zh)
      expect(r.find('.derived-tag').exists()).toBe(true)
    }
  })

  it('labels derived prior totals, and gives the shared reasons once', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    const income = row(wrapper, 'income')
    expect(income.find('.derived-tag').exists()).toBe(true)
    for (const r of raw.overview.changeReasons) expect(income.text()).toContain(r.zh)
    const spending = row(wrapper, 'expenditure')
    expect(spending.text()).toContain('原因同上')
    for (const r of raw.overview.changeReasons) expect(spending.text()).not.toContain(r.zh)
  })

  it('has a 三公经费 panel with table 9’s stated figures, the change and the reasons', async () => {
    const fixture = makeDataset()
    const abroadNote = { zh: '出国经费零基预算说明', en: 'Zero-based overseas travel note' }
    const raw = { ...fixture, threePublic: { ...fixture.threePublic, abroadNote } }
    const reasons: Partial<Record<ThreePublicItem, Text>> = raw.threePublic.reasons
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    const panel = wrapper.get('[data-testid="three-public"]')
    const prev = raw.threePublic.years.find((y) => y.year === raw.year - 1)!
    for (const key of ['total', 'abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation'] as const) {
      const r = row(panel, `threePublic.${key}`)
      expect(r.exists(), key).toBe(true)
      expect(r.text()).toContain(formatAmount(prev[key], 'zh-CN'))
      expect(r.find('.prior-value .derived-tag').exists(), key).toBe(false)
      const reason = reasons[key]
      if (reason) expect(r.text()).toContain(reason.zh)
    }
    expect(row(panel, 'threePublic.abroad').text()).toContain(abroadNote.zh)
    const table = panel.get('table')
    expect(table.findAll('tbody tr')).toHaveLength(6)
    expect(table.text()).toContain(formatNumber(raw.threePublic.change.total, 'zh-CN'))
  })

  it('flags an item that starts from zero as new, with no percentage', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    const r = row(wrapper, 'threePublic.reception')
    expect(r.text()).toContain('新增')
    expect(r.text()).toContain('上年为 0，不计算百分比')
    expect(r.get('.percent-mark').text()).not.toMatch(/\d%/)
  })

  it('lists every detail row as not published in this document, never as 0', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    const detail = wrapper.get('[data-testid="compare-detail"]')
    const rows = detail.findAll('tbody tr')
    expect(rows).toHaveLength(raw.functional.rows.length + raw.economic.rows.length)
    for (const r of [...raw.functional.rows, ...raw.economic.rows]) {
      const tr = detail.get(`tr[data-item$=".${r.code}"]`)
      expect(tr.text()).toContain(r.code)
      expect(tr.text()).toContain(formatNumber(r.total, 'zh-CN'))
      expect(tr.text()).toContain('本文件未公布')
    }
  })

  it('shows table figures in the reader’s chosen unit', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    useSettingsStore().unit = 'yuan'
    await flushPromises()
    const detail = wrapper.get('[data-testid="compare-detail"]')
    for (const r of raw.functional.rows) expect(detail.get(`tr[data-item="functional.${r.code}"]`).text()).toContain(formatNumber(toYuan(r.total), 'zh-CN', 0))
    expect(detail.text()).toContain('单位：元')
    expect(row(wrapper, 'income').text()).toContain(formatAmount(raw.overview.income.amount, 'zh-CN', 'yuan'))
  })

  it('speaks English throughout, with data text in English', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, locale: 'en', path: '/en/compare' })
    const text = wrapper.text()
    // The English unit label keeps the Chinese unit for reference: "10,000 yuan (万元)".
    expect(text.replaceAll('万元', '')).not.toMatch(/[\u4e00-\u9fff]{2,}/)
    expect(text).toContain('Not published in this document')
    expect(text).toContain(raw.projectExpenditure.categories[0]!.change.reason!.en)
    expect(row(wrapper, 'threePublic.reception').text()).toContain('new')
    expect(row(wrapper, 'income').text()).toContain('decrease')
  })

  it('uses the prior year’s own dataset when the store holds it, making the detail comparable', async () => {
    const raw = makeDataset()
    const priorRaw = makePriorYearDataset()
    const { wrapper, store } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    store.otherYears = new Map([[priorRaw.year, toBudget(priorRaw)]])
    await flushPromises()
    expect(row(wrapper, 'income').text()).toContain(`取自 ${priorRaw.year} 年数据集`)
    const detail = wrapper.get('[data-testid="compare-detail"]')
    const shared = priorRaw.functional.rows.find((r) => raw.functional.rows.some((x) => x.code === r.code && x.total !== r.total))!
    expect(detail.get(`tr[data-item="functional.${shared.code}"]`).text()).toContain(formatNumber(shared.total, 'zh-CN'))
    expect(detail.text()).toContain(`${priorRaw.year} 年数据集中无此项`)
    expect(detail.text()).not.toContain('本文件未公布')
    expect(row(wrapper, 'threePublic.total').text()).toContain('不同')
  })

  it('lets a deputy pick an earlier year, kept in the shareable URL', async () => {
    const raw = makeDataset()
    const older = makePriorYearDataset(raw.year - 2)
    const { wrapper, store, router } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    store.otherYears = new Map([[older.year, toBudget(older)]])
    await flushPromises()
    const select = wrapper.get('select')
    await select.setValue(String(older.year))
    await flushPromises()
    expect(router.currentRoute.value.query.base).toBe(String(older.year))
    expect(wrapper.get('h2').text()).toContain(String(older.year))
    expect(row(wrapper, 'income').text()).toContain(formatAmount(present(older.overview?.income, 'the older year’s income').amount, 'zh-CN'))
  })

  it('keeps headings in order, starting at h2', async () => {
    const { wrapper } = await mountWithApp(CompareView, { dataset: makeDataset(), path: '/zh-CN/compare' })
    const levels = wrapper.findAll('h2, h3, h4, h5, h6').map((h) => Number(h.element.tagName[1]))
    expect(levels[0]).toBe(2)
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1)
    })
  })

  it('shows data text literally, never as markup', async () => {
    const raw = makeDataset()
    raw.projectExpenditure.categories[0]!.change.reason = { zh: '<img src=x onerror="window.__pwned=1">', en: 'x' }
    const { wrapper } = await mountWithApp(CompareView, { dataset: raw, path: '/zh-CN/compare' })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror="window.__pwned=1">')
  })
})
