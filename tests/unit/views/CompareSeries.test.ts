import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import CompareView from '@/views/CompareView.vue'
import { formatAmount, formatNumber } from '@/domain/format'
import { sumAmounts } from '@/domain/numeric'
import { THREE_PUBLIC_ITEMS, type RawDataset } from '@/domain/schema'
import type { Locale } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { makePriorYearDataset } from '../../fixtures/prior-year/dataset'
import { mountWithApp, toBudget } from '../helpers/mount'

/** Mounts the view on `current` with the store holding `others` as the department's other years. */
async function mountWithYears(current: RawDataset, others: RawDataset[], locale: Locale = 'zh-CN'): Promise<VueWrapper> {
  const { wrapper, store } = await mountWithApp(CompareView, { dataset: current, locale, path: `/${locale}/compare` })
  store.otherYears = new Map(others.map((r) => [r.year, toBudget(r)]))
  await flushPromises()
  return wrapper
}

const series = (w: VueWrapper) => w.get('[data-testid="compare-series"]')
const tableRow = (w: VueWrapper, id: string) => series(w).get(`table tr[data-line="${id}"]`)
const cells = (row: Pick<DOMWrapper<Element>, 'findAll'>): string[] => row.findAll('td').map((td) => td.text())

describe('CompareView with three or more years of the department', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  const current = makeDataset()
  const y1 = makePriorYearDataset(current.year - 1)
  const y2 = makePriorYearDataset(current.year - 2)
  const years = [y2, y1, current] as RawDataset[]

  it('shows every year’s total, basic and project spending, project categories and 三公 items, as small charts and as a table', async () => {
    const w = await mountWithYears(current, [y1, y2])
    const s = series(w)
    expect(s.get('h3').text()).toContain(String(y2.year))
    expect(s.get('h3').text()).toContain(String(current.year))
    const header = s.findAll('table thead th').map((th) => th.text())
    for (const [k, r] of years.entries()) expect(header[k + 1]).toContain(`${r.year} 年`)
    for (const m of ['total', 'basic', 'project'] as const) expect(cells(tableRow(w, m))).toEqual(years.map((r) => formatNumber(r.functional.unit[m]!, 'zh-CN')))
    for (const c of current.projectExpenditure.categories) {
      const row = tableRow(w, `project.${c.id}`)
      expect(row.text()).toContain(c.name.zh)
      const own = years.map((r) => formatNumber(r.projectExpenditure!.categories.find((x) => x.id === c.id)!.amount, 'zh-CN'))
      cells(row).forEach((text, k) => expect(text.startsWith(own[k]!), `${c.id} ${years[k]!.year}: ${text}`).toBe(true))
    }
    for (const item of THREE_PUBLIC_ITEMS) {
      const own = years.map((r) => r.threePublic!.years.find((y) => y.year === r.year)![item]!)
      cells(tableRow(w, `threePublic.${item}`)).forEach((text, k) => expect(text.startsWith(formatNumber(own[k]!, 'zh-CN')), `${item} ${years[k]!.year}: ${text}`).toBe(true))
    }
    // The small charts carry the same figures as text, one chart per line, one bar per stated figure.
    const chart = s.get('ul.multiples li[data-line="total"]')
    for (const r of years) expect(chart.text()).toContain(formatNumber(r.functional.unit.total, 'zh-CN'))
    expect(series(w).text()).toContain('单位：万元')
    expect(chart.findAll('rect')).toHaveLength(years.length)
    expect(s.find('[style]').exists()).toBe(false)
  })

  it('notes where the following document states or implies another figure for a year', async () => {
    const w = await mountWithYears(current, [y1, y2])
    const own = y1.threePublic!.years.find((y) => y.year === y1.year)!
    const restated = current.threePublic.years.find((y) => y.year === y1.year)!
    const item = THREE_PUBLIC_ITEMS.find((i) => own[i] !== restated[i])!
    expect(cells(tableRow(w, `threePublic.${item}`))[1]).toBe(`${formatNumber(own[item]!, 'zh-CN')}⚠${current.year} 年文件所列该年数为 ${formatAmount(restated[item], 'zh-CN')}。`)
    const cat = y1.projectExpenditure!.categories[0]!
    expect(cells(tableRow(w, `project.${cat.id}`))[0]).toContain(`按 ${y1.year} 年文件所列增减额推算，该年为 ${formatAmount(sumAmounts([cat.amount, -cat.change!.amount]), 'zh-CN')}`)
  })

  it('says “not stated” where no document gives a figure, never 0, and draws no bar there', async () => {
    const older = makePriorYearDataset(current.year - 2)
    for (const y of older.threePublic!.years) delete y.reception
    const middle = makePriorYearDataset(current.year - 1)
    for (const y of middle.threePublic!.years) if (y.year === older.year) delete y.reception
    delete middle.threePublic!.change!.reception
    const w = await mountWithYears(current, [middle, older])
    expect(cells(tableRow(w, 'threePublic.reception'))[0]).toBe('未列明')
    const chart = series(w).get('ul.multiples li[data-line="threePublic.reception"]')
    expect(chart.findAll('li')[0]!.text()).toContain('未列明')
    expect(chart.findAll('li')[0]!.find('rect').exists()).toBe(false)
    expect(chart.findAll('rect')).toHaveLength(years.length - 1)
  })

  it('labels a figure derived from the following document’s stated change, and one that document states', async () => {
    const first = makePriorYearDataset(current.year - 4)
    const third = makePriorYearDataset(current.year - 2)
    const w = await mountWithYears(current, [first, third])
    const cat = current.projectExpenditure.categories[0]!
    const derived = cells(tableRow(w, `project.${cat.id}`))[3]!
    expect(derived).toContain(formatNumber(sumAmounts([cat.amount, -cat.change.amount]), 'zh-CN'))
    expect(derived).toContain('推算')
    expect(tableRow(w, `project.${cat.id}`).findAll('td')[3]!.find('.derived-tag').exists()).toBe(true)
    const stated = cells(tableRow(w, 'threePublic.total'))[1]!
    expect(stated).toContain(formatNumber(third.threePublic!.years.find((y) => y.year === first.year + 1)!.total!, 'zh-CN'))
    expect(stated).toContain(`${third.year} 年文件所列`)
    expect(series(w).get('thead').text()).toContain('无数据集')
    expect(cells(tableRow(w, 'basic'))[1]).toBe('未列明')
  })

  it('lists the headings added or removed between years, by code', async () => {
    const w = await mountWithYears(current, [y1, y2])
    const added = current.functional.rows.filter((r) => !y1.functional.rows.some((x) => x.code === r.code))
    const removed = y1.functional.rows.filter((r) => !current.functional.rows.some((x) => x.code === r.code))
    for (const r of added) expect(series(w).get(`tr[data-code="functional.${r.code}"]`).text()).toContain(`${current.year} 年新增`)
    for (const r of removed) expect(series(w).get(`tr[data-code="functional.${r.code}"]`).text()).toContain(`${current.year} 年不再列出`)
    // The two-year detail below marks them too.
    const detail = w.get('[data-testid="compare-detail"]')
    for (const r of added) expect(detail.get(`tr[data-item="functional.${r.code}"]`).text()).toContain('新增科目')
    for (const r of removed) expect(detail.get(`tr[data-item="functional.${r.code}"]`).text()).toContain('不再列出的科目')
  })

  it('keeps the table reachable by keyboard, and the pair comparison below', async () => {
    const w = await mountWithYears(current, [y1, y2])
    const s = series(w)
    expect(s.get('details summary').text()).toBe('以表格查看（全部数字）')
    expect(s.get('details .table-wrap').attributes('tabindex')).toBe('0')
    expect(w.find('[data-testid="compare-chart"]').exists()).toBe(true)
    expect(w.find('select').exists()).toBe(true)
  })

  it('speaks English throughout, with data text in English', async () => {
    const w = await mountWithYears(current, [y1, y2], 'en')
    const text = series(w).text()
    expect(text.replaceAll('万元', '')).not.toMatch(/[\u4e00-\u9fff]/)
    expect(series(w).get('h3').text()).toBe(`${y2.year}–${current.year}: the department year by year`)
    expect(series(w).get('details summary').text()).toBe('Show as a table (every figure)')
    expect(tableRow(w, `project.${current.projectExpenditure.categories[0]!.id}`).text()).toContain(current.projectExpenditure.categories[0]!.name.en)
    const header = series(w).findAll('table thead th').map((th) => th.text())
    expect(header[3]).toContain('this document')
  })
})

describe('CompareView with two years or fewer', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it('stays the pair comparison, with no series', async () => {
    const current = makeDataset()
    const alone = await mountWithYears(current, [])
    const pair = await mountWithYears(current, [makePriorYearDataset(current.year - 1)])
    for (const w of [alone, pair]) {
      expect(w.find('[data-testid="compare-series"]').exists()).toBe(false)
      expect(w.find('svg').exists()).toBe(false)
      expect(w.find('[data-testid="compare-chart"]').exists()).toBe(true)
      expect(w.get('h2').text()).toBe(`${current.year} 年与 ${current.year - 1} 年预算对比`)
    }
  })

  it('shows a document’s own 上年执行数 as a heading’s prior figure, beside the dataset’s when they differ', async () => {
    const current: RawDataset = makeDataset()
    const prior = makePriorYearDataset(current.year - 1)
    const row = current.functional.rows.find((r) => r.code.length === 7 && prior.functional.rows.some((x) => x.code === r.code))!
    current.itemStatements = [{ code: row.code, amount: row.total, compared: { basis: 'priorExecution', year: prior.year, amount: row.total } }]
    const alone = await mountWithYears(current, [])
    const tr = alone.get(`[data-testid="compare-detail"] tr[data-item="functional.${row.code}"]`)
    expect(tr.text()).toContain(formatNumber(row.total, 'zh-CN'))
    expect(tr.text()).toContain('文件所列上年执行数')
    expect(alone.get('[data-testid="compare-detail"]').text()).toContain('本文件自行列出了部分科目')
    document.body.innerHTML = ''
    const both = await mountWithYears(current, [prior])
    const tr2 = both.get(`[data-testid="compare-detail"] tr[data-item="functional.${row.code}"]`)
    const datasetFigure = prior.functional.rows.find((x) => x.code === row.code)!.total
    expect(datasetFigure).not.toBe(row.total)
    expect(tr2.text()).toContain('文件所列上年执行数')
    expect(tr2.text()).toContain(`${prior.year} 年数据集：${formatNumber(datasetFigure, 'zh-CN')}`)
    expect(tr2.text()).toContain('与文件所列上年执行数不同')
  })
})
