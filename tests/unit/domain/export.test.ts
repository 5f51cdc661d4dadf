import { describe, expect, it } from 'vitest'
import { computeChecks } from '@/domain/checks'
import { formatCsv } from '@/domain/csv'
import {
  buildChecksCsvRows,
  buildTableCsvRows,
  convertAmount,
  formatExportFileName,
  resolveTableText,
  tableFileSubject,
  type CheckExportContext,
  type ExportContext,
} from '@/domain/export'
import { toYuan } from '@/domain/format'
import type { Locale } from '@/domain/types'
import { createTestI18n } from '../helpers/i18n'
import { makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'
import { present, presentAll, readYantian } from '../helpers/present'
import { entryOf, tableOf } from '../helpers/tables'

const REAL = readYantian()
const PERF = present(REAL.performance, 'performance')
const THREE_PUBLIC = present(REAL.threePublic, 'threePublic')
const TP_CHANGE = present(THREE_PUBLIC.change, 'threePublic.change')
const ECONOMIC = present(REAL.economic, 'economic')

function context(locale: Locale, unit: 'wan' | 'yuan' = 'wan'): ExportContext {
  const { t } = createTestI18n(locale).global
  return { locale, unit, t: (key, params) => (params ? t(key, params) : t(key)) }
}

describe(convertAmount, () => {
  it('converts every published amount to whole 元 exactly, never rounding a digit away', () => {
    const values = presentAll([...PERF.tasks.map((t) => t.total), ...THREE_PUBLIC.years.map((y) => y.total), TP_CHANGE.vehicles], 'amounts')
    for (const v of values) {
      const yuan = convertAmount(v, 'yuan')
      expect(Number.isInteger(yuan)).toBe(true)
      expect(yuan / 10000).toBe(v)
    }
    expect(convertAmount(REAL.functional.unit.total, 'wan')).toBe(REAL.functional.unit.total)
  })
})

describe(resolveTableText, () => {
  it('picks data text by locale and translates message keys', () => {
    const ctx = context('en')
    expect(resolveTableText({ text: { zh: '招商引资', en: 'Investment promotion' } }, ctx)).toBe('Investment promotion')
    expect(resolveTableText({ key: 'tables.number', params: { n: 8 } }, ctx)).toBe('Table 8')
  })
})

describe(buildTableCsvRows, () => {
  const b = toBudget(REAL)

  it('writes table 8 with title, department, unit, a header with the unit and one row per published row', () => {
    const ctx = context('zh-CN')
    const entry = entryOf(REAL, ECONOMIC.table)
    const rows = buildTableCsvRows(tableOf(b, ECONOMIC.table), ctx, b.department)
    // The title is the document's own, from the data, after its number in this document.
    expect(rows[0]).toEqual([`表 ${entry.number} ${entry.title.zh}`])
    expect(rows[1]).toEqual(['部门名称', REAL.department.zh])
    expect(rows[2]).toEqual(['单位', '万元'])
    const header = rows.find((r) => r[0] === '科目编码')!
    expect(header).toEqual(['科目编码', '科目名称', '支出总计（万元）', '基本支出（万元）', '项目支出（万元）'])
    const body = rows.slice(rows.indexOf(header) + 1).filter((r) => r.length === 5)
    expect(body[0]).toEqual([null, REAL.department.zh, ECONOMIC.unit.total, ECONOMIC.unit.basic, ECONOMIC.unit.project])
    expect(body.slice(1).map((r) => r[0])).toEqual(ECONOMIC.rows.map((r) => r.code))
    const second = ECONOMIC.rows[1]!
    expect(body[2]).toEqual([second.code, `  ${second.name.zh}`, second.total, second.basic, second.project])
  })

  it('writes 元 as exact integers and says so in the header', () => {
    const rows = buildTableCsvRows(tableOf(b, 'performanceTargets'), context('en', 'yuan'), b.department)
    expect(rows[2]).toEqual(['Unit', 'yuan'])
    const task = present(PERF.tasks.find((t) => !Number.isInteger(t.total)), 'a task with a fractional amount')
    const row = present(rows.find((r) => r[0] === task.name.en), `the row of ${task.name.zh}`)
    const fiscal = present(task.fiscal, `${task.id} fiscal`)
    const other = present(task.other, `${task.id} other`)
    expect(row).toEqual([task.name.en, present(task.content, `${task.id} content`).en, toYuan(task.total), toYuan(fiscal), toYuan(other)])
    expect(rows.find((r) => r[0] === 'Task')).toEqual(['Task', 'Main content', 'Budget · Total (yuan)', 'Budget · of which: fiscal appropriations (yuan)', 'Budget · of which: other funds (yuan)'])
  })

  it('marks a derived table and states how it was rebuilt', () => {
    const entry = entryOf(REAL, 'basicSummary')
    const rows = buildTableCsvRows(tableOf(b, 'basicSummary'), context('zh-CN'), b.department)
    expect(rows[0]).toEqual([`表 ${entry.number} ${entry.title.zh}`, '推算'])
    expect(rows.filter((r) => r[0] === '推算说明').length).toBeGreaterThan(0)
  })

  it('repeats merged 一级/二级 cells on every indicator row so the CSV can be filtered', () => {
    const raw = makeDataset()
    const fb = toBudget(raw)
    const rows = buildTableCsvRows(tableOf(fb, 'performanceTargets'), context('en'), fb.department)
    const header = rows.findIndex((r) => r[0] === 'Level 1 indicator')
    const indicators = rows.slice(header + 1)
    expect(indicators[0]![0]).toBe('Outputs')
    expect(indicators[1]![0]).toBe('Outputs')
    expect(indicators[1]![1]).toBe('Quantity')
    expect(indicators.some((r) => r[2] === 'Not applicable' && r[3] === 'Not applicable')).toBe(true)
  })

  it('keeps negative changes as numbers through to the file (no apostrophe)', () => {
    const rows = buildTableCsvRows(tableOf(b, 'threePublic'), context('zh-CN'), b.department)
    const change = rows.find((r) => r[0] === '增减变化金额')!
    expect(change.slice(1)).toEqual([TP_CHANGE.total, TP_CHANGE.abroad, TP_CHANGE.reception, TP_CHANGE.vehicles, TP_CHANGE.vehiclePurchase, TP_CHANGE.vehicleOperation])
    const line = formatCsv([change]).slice(1)
    expect(line).toContain(`,${TP_CHANGE.vehicles},`)
    expect(line).not.toContain("'-")
  })
})

describe(buildChecksCsvRows, () => {
  const checks = computeChecks(toBudget(REAL))
  function ctx(unit: 'wan' | 'yuan'): CheckExportContext {
    return {
      ...context('en', unit),
      describe: (c, side) => ({ source: `S:${side}`, label: `${c.id}:${side}` }),
      verdict: (v) => `V:${v}`,
      group: (g) => `G:${g}`,
    }
  }

  it('writes a header and one row per check with both sides, difference, tolerance, unit and verdict', () => {
    const rows = buildChecksCsvRows(checks, ctx('wan'))
    expect(rows).toHaveLength(checks.length + 1)
    expect(rows[0]).toHaveLength(12)
    const c = checks.find((x) => x.verdict === 'rounding')!
    const row = rows.find((r) => r[0] === c.id)!
    expect(row).toEqual([c.id, `G:${c.group}`, 'S:left', `${c.id}:left`, c.left.value, 'S:right', `${c.id}:right`, c.right.value, c.difference, c.tolerance, '10,000 yuan (万元)', 'V:rounding'])
  })

  it('converts amounts to 元 but leaves percentages in percent', () => {
    const rows = buildChecksCsvRows(checks, ctx('yuan'))
    const amount = checks.find((c) => c.group === 'economic' && c.verdict === 'rounding')!
    const row = rows.find((r) => r[0] === amount.id)!
    expect(row[4]).toBe(toYuan(amount.left.value))
    expect(row[8]).toBe(toYuan(amount.difference))
    const percent = checks.find((c) => c.group === 'percent')!
    const prow = rows.find((r) => r[0] === percent.id)!
    expect(prow[4]).toBe(percent.left.value)
    expect(prow[10]).toBe('%')
  })
})


describe(formatExportFileName, () => {
  it('joins id, subject, locale and unit into a safe ASCII name', () => {
    expect(formatExportFileName({ datasetId: REAL.id, subject: tableFileSubject(8), locale: 'zh-CN', unit: 'wan' }, 'csv')).toBe(`${REAL.id}_table-08_zh-CN_wan.csv`)
    expect(formatExportFileName({ datasetId: 'a b/c', subject: '表 1' }, 'json')).toBe('a-b-c_-1.json')
  })
})
