/**
 * A final-accounts dataset (the Putuo finance bureau's 2024 决算, imported: tests/fixtures/imported) as the
 * views show it: the 三公 table's 预算数 and 决算数 rows labelled, the prose's stated actuals apart and
 * marked, the checks, the overview's 三公 actual and balances, and the carry-overs in the flows.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeChecks } from '@/domain/checks'
import { computeOverview } from '@/domain/derive'
import { computeFlows, computeFlowSums } from '@/domain/flows'
import type { RawDataset } from '@/domain/schema'
import type { TableRow, TableText } from '@/domain/tables'
import { selectThreePublicActual } from '@/domain/threePublicActual'
import { describeLabel } from '@/components/checks/checkText'
import { toBudget } from '../helpers/mount'
import { present, readYantian } from '../helpers/present'
import { tableOf } from '../helpers/tables'

const FINAL: RawDataset = JSON.parse(readFileSync('tests/fixtures/imported/shanghai-putuo-b5e32171-2024-final.json', 'utf8')) as RawDataset
const copy = (): RawDataset => structuredClone(FINAL)
const keyOf = (x: TableText): string | undefined => ('key' in x ? x.key : undefined)
const amounts = (row: TableRow): (number | undefined)[] => row.cells.map((c) => (c.kind === 'amount' ? c.value : undefined))

describe('the 三公 table of final accounts in the tables view', () => {
  const tp = present(FINAL.threePublic, 'a 三公 section')
  const table = tableOf(toBudget(FINAL), 'threePublic')
  const rows = present(table.sections[0], 'the 三公 grid').rows

  it('labels the 预算数 row as the budget and the 决算数 row as the actual, in the order printed', () => {
    expect(rows.map((r) => keyOf(r.name))).toEqual(['tables.row.budgetYear', 'tables.row.finalYear', 'tables.row.statedFinalYear'])
  })

  it('shows the 决算数 row as printed: every cell blank, none 0', () => {
    expect(tp.years.find((y) => y.basis === 'final')).toEqual({ year: FINAL.year, basis: 'final' })
    const finalRow = present(rows[1], 'the 决算数 row')
    expect(finalRow.cells.every((c) => c.kind === 'empty')).toBe(true)
  })

  it("shows the text's stated actuals in their own row, marked by a note as the text's, not the table's", () => {
    const stated = present(tp.stated?.final, 'stated actuals')
    const row = present(rows[2], 'the stated row')
    expect(amounts(row).filter((x) => x !== undefined).sort()).toEqual(Object.values(stated).sort())
    expect(table.notes.map(keyOf)).toContain('tables.noteOwn.threePublicStated')
  })

  it('gives a budget document neither a basis label nor a stated row', () => {
    const budgetRows = present(tableOf(toBudget(readYantian()), 'threePublic').sections[0], 'grid').rows
    expect(budgetRows.map((r) => keyOf(r.name))).not.toContain('tables.row.budgetYear')
    expect(budgetRows.map((r) => keyOf(r.name))).not.toContain('tables.row.statedFinalYear')
  })
})

describe(selectThreePublicActual, () => {
  it("takes the text's figure, marked, where the table's 决算数 cell is blank", () => {
    expect(selectThreePublicActual(toBudget(FINAL))).toEqual({ value: FINAL.threePublic?.stated?.final?.total, fromText: true })
  })

  it("prefers the table's 决算数 where it prints one", () => {
    const d = copy()
    const finalRow = present(d.threePublic?.years.find((y) => y.basis === 'final'), 'final row')
    const budgetTotal = present(d.threePublic?.years[0]?.total, 'budget total')
    finalRow.total = budgetTotal
    expect(selectThreePublicActual(toBudget(d))).toEqual({ value: budgetTotal, fromText: false })
  })

  it('has none on a budget document', () => {
    expect(selectThreePublicActual(toBudget(readYantian()))).toBeUndefined()
  })
})

describe('checks of the stated 三公 figures against the table', () => {
  const ids = (d: RawDataset) => computeChecks(toBudget(d)).filter((c) => c.id.startsWith('threePublic.stated.'))

  it('checks the stated budget against the 预算数 row, and never a stated 0.00 against a blank cell', () => {
    const checks = ids(FINAL)
    expect(checks.map((c) => [c.id, c.verdict])).toEqual([['threePublic.stated.budget.total', 'ok']])
  })

  it('finds a stated budget that differs from the table', () => {
    const d = copy()
    const stated = present(d.threePublic?.stated?.budget, 'stated budget')
    stated.total = present(stated.total, 'stated total') + 1
    expect(ids(d).find((c) => c.id === 'threePublic.stated.budget.total')?.verdict).toBe('mismatch')
  })

  it('labels each side with its basis: "2024 年决算数 · 总计"', () => {
    const ctx = { t: (key: string, p?: Record<string, string | number>) => `${key}${p ? JSON.stringify(p) : ''}`, tx: () => '' }
    const text = describeLabel({ key: 'threePublic.total', year: FINAL.year, basis: 'final' }, 'x', ctx)
    expect(text).toContain('checks.yearPrefixFinal')
  })
})

describe('carry-overs of final accounts', () => {
  const inc = present(FINAL.incomeStatement, 'an income statement')

  it('the overview states both balances as the summary table prints them', () => {
    expect(computeOverview(toBudget(FINAL)).balances).toEqual({ carriedOver: inc.carriedOver, carryForward: inc.carryForward })
  })

  it('the overview says nothing of balances that are 0 (Yantian prints 0 for both)', () => {
    const y = readYantian()
    expect([y.incomeStatement?.carriedOver, y.incomeStatement?.carryForward]).toEqual([0, 0])
    expect(computeOverview(toBudget(y)).balances).toBeUndefined()
  })

  it('the flows carry the year-end balance to its own node, not to a rounding gap, and every node balances', () => {
    const g = computeFlows(toBudget(FINAL), 'functional')
    expect(g.nodes.find((n) => n.kind === 'carryForward')?.value).toBe(inc.carryForward)
    expect(g.gaps.some((x) => x.nodeId === 'total')).toBe(false)
    const total = present(computeFlowSums(g).get('total'), 'total sums')
    expect(total.in).toBeCloseTo(total.out, 9)
    expect(total.in).toBeCloseTo(present(inc.expenditureGrandTotal, '支出总计'), 9)
  })
})
