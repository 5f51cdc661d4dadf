import { describe, expect, it } from 'vitest'
import type { CheckResult } from '@/import/checks'
import { read, sourceText, squeeze } from './documents'

/** The first figure printed after `label` (spaces dropped, tabs kept as cell breaks). */
function figureAfter(text: string, label: string | RegExp): string {
  const s = text.replace(/[ \u3000]+/g, '')
  const m = typeof label === 'string' ? { index: s.indexOf(label), length: label.length } : { index: s.search(label), length: (s.match(label) ?? [''])[0].length }
  expect(m.index, String(label)).toBeGreaterThanOrEqual(0)
  return /(\d[\d,]*(?:\.\d+)?)/.exec(s.slice(m.index + m.length))![1]!
}

function contradictions(id: Parameters<typeof read>[0]): CheckResult[] {
  return read(id).report.contradictions
}

describe('contradictions the documents contain, reported as findings', () => {
  it('finance bureau: 社会保障和就业支出 in the summaries differs from the functional tables', () => {
    const text = sourceText('finance')
    // As printed: the summary's expenditure side, and the 208 class row of the expenditure table.
    const summary = figureAfter(text, '八、社会保障和就业支出')
    const table = figureAfter(text.slice(text.indexOf('\n支出决算表\n')), /208\t+社会保障和就业支出/)
    expect(summary).not.toBe(table)
    const found = contradictions('finance').filter((c) => c.family === 'crossTable' && c.what.startsWith('社会保障和就业支出'))
    expect(found.length).toBeGreaterThanOrEqual(2)
    for (const c of found) expect([c.left, c.right]).toEqual([summary, table])
  })

  it('finance bureau: the prose 财政拨款收入支出总计 against the 总计 of its table', () => {
    const stated = figureAfter(sourceText('finance'), '财政拨款收入支出总计')
    const c = contradictions('finance').find((x) => x.what.startsWith('财政拨款收入支出总计'))!
    expect(c.left).toBe(stated)
    expect(c.family).toBe('prose')
  })

  it('Wanli: 住房公积金 stated as one figure and restated as another in the same sentence', () => {
    const text = sourceText('wanli')
    const sentence = squeeze(text).match(/“住房保障支出（类）住房改革支出（款）住房公积金（项）”[^。]*。[^。]*。/)![0]
    const first = figureAfter(sentence, '（项）”')
    const again = figureAfter(sentence, '预算安排')
    expect(first).not.toBe(again)
    const c = contradictions('wanli').find((x) => x.what.includes('住房公积金') && x.family === 'prose')!
    expect([c.left, c.right]).toEqual([first, again])
  })

  it('Wanli: the 三公 table says it is empty while printing figures', () => {
    const c = contradictions('wanli').find((x) => x.family === 'emptyNote')!
    expect(c.what).toContain('三公')
    expect(read('wanli').document.tables.find((t) => t.kind === 'threePublic')!.empty).not.toBeNull()
  })

  it('Jiangsu: the 项目支出 change is stated with the percentage of 基本支出', () => {
    const text = squeeze(sourceText('jiangsu'))
    const project = text.match(/项目支出预算数为[\d.]+万元。与上年相比减少了[\d.]+万元，减少([\d.]+)%/)!
    const basic = text.match(/基本支出预算数为[\d,.]+万元。与上年相比增加[\d.]+万元，增长([\d.]+)%/)!
    expect(project[1]).toBe(basic[1])
    const c = contradictions('jiangsu').find((x) => x.family === 'percent' && x.what.startsWith('项目支出'))!
    expect(c.left).toBe(project[1])
  })

  it('Yantian: table 8 adds up within published rounding only, and no contradiction', () => {
    const { report, document } = read('yantian')
    expect(report.contradictions).toEqual([])
    const i = document.tables.findIndex((t) => t.kind === 'generalPublicEconomic')
    const gaps = report.tables[i]!.checks.filter((c) => c.verdict === 'withinRounding')
    expect(gaps.length).toBeGreaterThan(0)
    for (const g of gaps) expect(Math.abs(Number(g.difference))).toBeLessThanOrEqual(Number(g.tolerance))
  })

  it('keeps contradictory figures as published: no row is adjusted to close a sum', () => {
    const { document } = read('finance')
    const summary = document.tables.find((t) => t.kind === 'incomeExpenditureSummary')!
    const row = summary.rows.find((r) => r.name.endsWith('社会保障和就业支出'))!
    expect(Object.values(row.cells).map((c) => c?.text)).toContain(figureAfter(sourceText('finance'), '八、社会保障和就业支出'))
  })
})
