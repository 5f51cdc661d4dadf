import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeChecks } from '@/domain/checks'
import { buildTable, buildTables, computeGapRows, type TableModel, type TableRow, type TableSection, type TableText } from '@/domain/tables'
import { makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'
import { present, readYantian } from '../helpers/present'
import { entryOf, numberOf, tableOf } from '../helpers/tables'

const REAL = readYantian()
const DATASETS = [
  ['the published dataset', REAL],
  ['the fixture', makeDataset()],
] as const

const section = (t: TableModel, id: string): TableSection => present(t.sections.find((s) => s.id === id), `section ${id} of ${t.id}`)
const amounts = (row: TableRow): (number | undefined)[] => row.cells.map((c) => (c.kind === 'amount' ? c.value : undefined))
const keyOf = (x: TableText): string | undefined => ('key' in x ? x.key : undefined)

/** Every number anywhere in a raw dataset: a table may show only these. */
function numbersIn(value: unknown, out = new Set<number>()): Set<number> {
  if (typeof value === 'number') out.add(value)
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out))
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbersIn(v, out))
  return out
}

/** Every message key a table model uses. */
function keysIn(tables: TableModel[]): Set<string> {
  const keys = new Set<string>()
  const add = (x: TableText | undefined): void => {
    const k = x && keyOf(x)
    if (k) keys.add(k)
  }
  for (const t of tables) {
    add(t.title)
    t.derivedNote?.forEach(add)
    t.notes.forEach(add)
    for (const s of t.sections) {
      add(s.title)
      add(s.codeLabel)
      s.columns.forEach((c) => (add(c.label), add(c.group)))
      for (const r of s.rows) {
        add(r.name)
        r.cells.forEach((c) => c.kind === 'text' && add(c.text))
      }
    }
  }
  return keys
}

function message(locale: string, key: string): unknown {
  const [area, ...path] = key.split('.')
  const json = JSON.parse(readFileSync(`src/i18n/locales/${locale}/${area}.json`, 'utf8')) as unknown
  return path.reduce<unknown>((node, p) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined), json)
}

describe(buildTables, () => {
  it.each(DATASETS)('gives the twelve tables of %s in published order, only 2, 4 and 5 derived and explained', (_, raw) => {
    const tables = buildTables(toBudget(raw))
    expect(tables).toHaveLength(12)
    expect(tables.map((t) => [t.number, t.kind])).toEqual(raw.tables.map((t) => [t.number, t.kind]))
    // Titles are the dataset's own words, not the site's messages.
    expect(tables.map((t) => t.title)).toEqual(raw.tables.map((t) => ({ text: t.title })))
    // Tables 2, 4 and 5 are missing from the text (status: 'missing') and rebuilt from the others.
    const missing = raw.tables.filter((t) => t.status === 'missing')
    expect(missing.map((t) => t.kind)).toEqual(['incomeSummary', 'basicSummary', 'projectSummary'])
    expect(tables.filter((t) => t.derived).map((t) => t.number)).toEqual(missing.map((t) => t.number))
    for (const t of tables) expect(!!t.derivedNote?.length).toBe(t.derived)
  })

  it.each(DATASETS)('shows only figures the document states (%s): nothing is added up', (_, raw) => {
    const stated = numbersIn(raw)
    for (const t of buildTables(toBudget(raw)))
      for (const s of t.sections)
        for (const r of s.rows)
          for (const v of amounts(r)) if (v !== undefined) expect(stated, `${t.id} ${s.id} ${r.id}`).toContain(v)
  })

  it.each(DATASETS)('gives every row one cell per value column (%s)', (_, raw) => {
    for (const t of buildTables(toBudget(raw)))
      for (const s of t.sections) {
        const width = s.columns.filter((c) => c.kind !== 'name').length
        expect(s.columns.filter((c) => c.kind === 'name')).toHaveLength(1)
        for (const r of s.rows) expect(r.cells, `${t.id} ${s.id} ${r.id}`).toHaveLength(width)
      }
  })

  it.each(DATASETS)('has a message in both languages for every word it uses (%s)', (_, raw) => {
    for (const key of keysIn(buildTables(toBudget(raw))))
      for (const locale of ['zh-CN', 'en']) expect(typeof message(locale, key), `${locale} ${key}`).toBe('string')
  })
})

describe(buildTable, () => {
  it('lists table 3 as published: unit row, then every functional row in order with its level and all eight figures', () => {
    const b = toBudget(REAL)
    const t = tableOf(b, REAL.functional.table)
    expect(t.number).toBe(numberOf(REAL, REAL.functional.table))
    const s = section(t, 'functional')
    const [unit, ...rows] = s.rows
    expect(unit!.kind).toBe('unit')
    const u = REAL.functional.unit
    const up = present(u.procurement, 'procurement columns in the functional table')
    expect(amounts(unit!)).toEqual([u.total, u.basic, u.project, up.total, up.sme, up.smallMicro])
    expect(rows.map((r) => r.code)).toEqual(REAL.functional.rows.map((r) => r.code))
    rows.forEach((r, i) => {
      const p = REAL.functional.rows[i]!
      const pp = present(p.procurement, `procurement columns of row ${p.code}`)
      expect(amounts(r)).toEqual([p.total, p.basic, p.project, pp.total, pp.sme, pp.smallMicro])
      expect(r.level).toBe((p.code.length - 3) / 2)
    })
    expect(s.columns.filter((c) => c.group).map((c) => c.id)).toEqual(['procurementTotal', 'sme', 'smallMicro'])
  })

  it('lists table 8 row by row from the economic classification, rounding gaps and all', () => {
    const economic = present(REAL.economic, 'economic')
    const s = section(tableOf(toBudget(REAL), economic.table), 'economic')
    expect(s.rows.slice(1).map((r) => [r.code, ...amounts(r)])).toEqual(economic.rows.map((r) => [r.code, r.total, r.basic, r.project]))
  })

  it('numbers the lines of table 1 as the document does and closes each side with its totals', () => {
    const raw = REAL
    const t = tableOf(toBudget(raw), 'incomeExpenditureSummary')
    const income = section(t, 'income')
    const s = present(raw.incomeStatement, 'incomeStatement')
    const lines = s.lines
    expect(income.rows.slice(0, lines.length).map((r) => r.id)).toEqual(lines.map((l) => l.id))
    expect(income.rows[0]!.marker?.zh).toBe('一、')
    expect(income.rows.find((r) => r.id === lines.find((l) => l.parent)!.id)!.marker?.zh).toBe('1. ')
    expect(income.rows.slice(lines.length).map((r) => [r.id, ...amounts(r)])).toEqual([
      ['currentYearIncome', s.currentYearIncome],
      ['carriedOver', s.carriedOver],
      ['incomeGrandTotal', s.incomeGrandTotal],
    ])
    const spending = section(t, 'expenditure')
    expect(spending.rows.slice(0, raw.functional.rows.length).map((r) => [r.id, ...amounts(r)])).toEqual(raw.functional.rows.map((r) => [r.code, r.total]))
    expect(spending.codeLabel).toBeUndefined()
    expect(t.notes).toEqual(s.notes.map((text) => ({ text })))
  })

  it('rebuilds table 2 exactly from the income side of table 1', () => {
    const b = toBudget(REAL)
    expect(entryOf(REAL, 'incomeSummary').status).toBe('missing')
    const t2 = tableOf(b, 'incomeSummary')
    expect(t2.derived).toBe(true)
    expect(t2.sections).toEqual([section(tableOf(b, 'incomeExpenditureSummary'), 'income')])
  })

  it('limits table 6 income to the government budget appropriations and their parts', () => {
    const raw = makeDataset()
    const rows = section(tableOf(toBudget(raw), 'fiscalSummary'), 'income').rows
    const lines = raw.incomeStatement.lines.filter((l) => l.id === 'governmentBudget' || l.parent === 'governmentBudget')
    expect(rows.slice(0, lines.length).map((r) => r.id)).toEqual(lines.map((l) => l.id))
    expect(rows.some((r) => r.id === 'unitFunds')).toBe(false)
    expect(rows.every((r) => !r.marker)).toBe(true)
  })

  it('rebuilds table 4 from the basic column of table 8 (non-zero rows) and the groups of part three', () => {
    const raw = REAL
    const economic = present(raw.economic, 'economic')
    const breakdown = present(raw.basicBreakdown, 'basicBreakdown')
    const t = tableOf(toBudget(raw), 'basicSummary')
    expect(t.derived).toBe(true)
    const econ = section(t, 'economic')
    expect(amounts(econ.rows[0]!)).toEqual([economic.unit.basic])
    const expected = economic.rows.filter((r) => r.basic !== 0)
    expect(expected.length).toBeLessThan(economic.rows.length)
    expect(econ.rows.slice(1).map((r) => [r.code, ...amounts(r)])).toEqual(expected.map((r) => [r.code, r.basic]))
    const groups = section(t, 'groups').rows
    expect(groups.filter((r) => r.kind === 'group').map((r) => amounts(r)[0])).toEqual(breakdown.map((g) => g.amount))
    expect(groups.filter((r) => r.kind === 'data').map((r) => [r.code, ...amounts(r)])).toEqual(breakdown.flatMap((g) => g.items.map((i) => [i.economicCode, i.amount])))
  })

  it('rebuilds table 5 from the project columns, with every task of table 12 once under its category', () => {
    const raw = REAL
    const economic = present(raw.economic, 'economic')
    const perf = present(raw.performance, 'performance')
    const t = tableOf(toBudget(raw), 'projectSummary')
    expect(t.derived).toBe(true)
    expect(section(t, 'functional').rows.slice(1).map((r) => r.code)).toEqual(raw.functional.rows.filter((r) => r.project !== 0).map((r) => r.code))
    expect(section(t, 'economic').rows.slice(1).map((r) => r.code)).toEqual(economic.rows.filter((r) => r.project !== 0).map((r) => r.code))
    const rows = section(t, 'categories').rows
    expect(amounts(rows[0]!)).toEqual([present(raw.projectExpenditure, 'projectExpenditure').amount])
    const tasks = rows.filter((r) => r.level === 1)
    expect(tasks.map((r) => r.id).sort()).toEqual(perf.tasks.map((x) => x.id).sort())
    for (const task of perf.tasks) expect(amounts(tasks.find((r) => r.id === task.id)!)).toEqual([task.total])
  })

  it('gives table 9 a row per year and the change row', () => {
    const raw = REAL
    const rows = tableOf(toBudget(raw), 'threePublic').sections[0]!.rows
    const tp = present(raw.threePublic, 'threePublic')
    const change = present(tp.change, 'threePublic.change')
    expect(rows.map((r) => r.id)).toEqual([...tp.years.map((y) => `year-${y.year}`), 'change'])
    expect(amounts(rows.at(-1)!)).toEqual([change.total, change.abroad, change.reception, change.vehicles, change.vehiclePurchase, change.vehicleOperation])
  })

  it('keeps tables 10 and 11 as published: the zero unit row and the note', () => {
    const raw = REAL
    const t10 = tableOf(toBudget(raw), 'governmentFund')
    const fund = present(raw.governmentFund, 'governmentFund')
    const unit = present(fund.unit, 'governmentFund.unit')
    expect(t10.sections[0]!.rows.map(amounts)).toEqual([[unit.total, unit.basic, unit.project]])
    expect(t10.notes[0]).toEqual({ text: fund.note })
    const capital = present(raw.stateCapital, 'stateCapital')
    const t11 = tableOf(toBudget(raw), 'stateCapital')
    expect(t11.status).toBe('empty')
    expect(t11.notes[0]).toEqual({ text: capital.note })
  })

  it('shows table 12 with tasks, goals and every indicator row, not-applicable rows included', () => {
    const raw = REAL
    const t = tableOf(toBudget(raw), 'performanceTargets')
    const perf = present(raw.performance, 'performance')
    const tt = present(perf.tasksTotal, 'performance.tasksTotal')
    const tasks = section(t, 'tasks').rows
    expect(tasks.map((r) => r.id)).toEqual([...perf.tasks.map((x) => x.id), 'tasksTotal'])
    expect(amounts(tasks.at(-1)!)).toEqual([undefined, tt.total, tt.fiscal, tt.other])
    expect(section(t, 'goals').rows).toHaveLength(perf.goals.length)
    const indicators = section(t, 'indicators').rows
    const notApplicable = perf.dimensions.filter((d) => !d.applicable)
    expect(notApplicable.length).toBeGreaterThan(0)
    expect(indicators).toHaveLength(perf.dimensions.reduce((n, d) => n + (d.applicable ? d.indicators.length : 1), 0))
    expect(indicators.filter((r) => keyOf(r.name) === 'tables.notApplicable')).toHaveLength(notApplicable.length)
    const first = perf.dimensions[0]!.indicators[0]!
    expect(indicators[0]!.cells[2]).toEqual({ kind: 'text', text: { text: { zh: first.target.written, en: first.target.writtenEn } } })
  })

  it('marks a 一级/二级 cell as repeated only when the row above has the same one', () => {
    const rows = section(tableOf(toBudget(makeDataset()), 'performanceTargets'), 'indicators').rows
    const flags = rows.map((r) => r.cells.slice(0, 2).map((c) => c.kind === 'text' && !!c.repeated))
    // Fixture: output/quantity ×2, outcome/economic (n/a), outcome/social, satisfaction/serviceRecipients.
    expect(flags).toEqual([
      [false, false],
      [true, true],
      [false, false],
      [true, false],
      [false, false],
    ])
  })
})

describe(computeGapRows, () => {
  it('finds no gap row in the consistent fixture', () => {
    const b = toBudget(makeDataset())
    expect(computeGapRows(b, computeChecks(b)).size).toBe(0)
  })

  it('marks the rows of the published rounding gaps: table 8 unit row and 301, table 9 2023', () => {
    const b = toBudget(REAL)
    const gaps = computeGapRows(b, computeChecks(b))
    const economic = present(REAL.economic, 'economic')
    expect([...(gaps.get(numberOf(REAL, economic.table)) ?? [])].sort()).toEqual(['301', '30217', 'unit'])
    expect([...(gaps.get(numberOf(REAL, 'threePublic')) ?? [])]).toEqual([`year-${REAL.year}`])
    expect([...gaps.keys()].sort()).toEqual([numberOf(REAL, economic.table), numberOf(REAL, 'threePublic')].sort())
  })

  it('carries a gap in table 3 to the tables that print the same rows', () => {
    const raw = makeDataset()
    const row = raw.functional.rows.find((r) => r.code === '2011308')!
    row.total += 1
    row.project += 1
    const b = toBudget(raw)
    const gaps = computeGapRows(b, computeChecks(b))
    const kinds = ['incomeExpenditureSummary', raw.functional.table, 'fiscalSummary', 'generalPublicFunctional'] as const
    for (const kind of kinds) expect(gaps.get(numberOf(raw, kind))?.has('20113'), kind).toBe(true)
  })
})

describe('table 12 indicator levels', () => {
  it('reads the performance view’s own level labels, so both say the same words in each language', () => {
    const b = toBudget(REAL)
    const indicators = tableOf(b, 'performanceTargets').sections.find((s) => s.rows.some((r) => r.id === 'q01'))!
    const levelKeys = indicators.rows.flatMap((r) => r.cells.slice(0, 2).flatMap((c) => (c.kind === 'text' ? [keyOf(c.text)] : [])))
    expect(levelKeys.length).toBe(2 * indicators.rows.length)
    for (const key of levelKeys) expect(key).toMatch(/^performance\.level[12]\.\w+$/)
    // No second set of labels left to drift: tables' own messages no longer name the levels.
    for (const locale of ['zh-CN', 'en']) {
      const tables = JSON.parse(readFileSync(`src/i18n/locales/${locale}/tables.json`, 'utf8')) as Record<string, unknown>
      expect(tables.level1, locale).toBeUndefined()
      expect(tables.level2, locale).toBeUndefined()
    }
  })
})
