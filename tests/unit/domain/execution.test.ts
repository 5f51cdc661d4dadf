import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  EXECUTION_FLAG_PERCENT,
  buildExecutionCsvRows,
  compareFigures,
  computeExecution,
  computeRate,
  computeStatedPriorExecution,
  selectExecutionEntries,
  selectLargestDifferences,
} from '@/domain/execution'
import { computeChecks } from '@/domain/checks'
import { toExact } from '@/domain/numeric'
import type { RawDataset } from '@/domain/schema'
import { toBudget } from '../helpers/mount'
import { makeBudgetFromFinal, makeExecutionFolder, readPutuoFinal, readStatedBudgetTotal, statedItemBudgets } from '../../fixtures/execution'
import { SOURCE_DIR, DOCUMENTS } from '../import/documents'

const folder = makeExecutionFolder()
const budget = toBudget(folder.budget)
const final = toBudget(folder.final)
const execution = computeExecution(budget, final)
if (!execution) throw new Error('no execution')

/** What the rule says, on whole 元, independently of the code under test. */
const isFlagged = (b: number, a: number) => Math.abs(toExact(a) - toExact(b)) * 100 >= toExact(b) * EXECUTION_FLAG_PERCENT
const sourceText = () => readFileSync(SOURCE_DIR + DOCUMENTS.finance, 'utf8').replace(/\s+/g, '')

describe('the generated budget (tests/fixtures/execution.ts)', () => {
  it('is a valid dataset whose 款 and 类 are the exact sums of the stated 项', () => {
    const items = statedItemBudgets(folder.final)
    expect(items.size).toBeGreaterThan(0)
    for (const node of budget.functionalTree.byCode.values()) {
      if (node.level === 'item') expect(node.total).toBe(items.get(node.code))
      else expect(toExact(node.total)).toBe(node.children.reduce((s, c) => s + toExact(c.total), 0))
    }
  })

  it('keeps the total row the prose states, and its checks find no contradiction', () => {
    expect(budget.functionalTree.total).toBe(readStatedBudgetTotal(folder.final))
    expect(computeChecks(budget).filter((c) => c.verdict === 'mismatch')).toEqual([])
  })
})

describe(computeRate, () => {
  it('rounds once, half away from zero, on exact figures', () => {
    const [b, a] = [budget.functionalTree.total, final.functionalTree.total]
    const rate = computeRate(a, b) ?? NaN
    expect(Math.abs(rate - (a / b) * 100)).toBeLessThanOrEqual(0.005)
    expect(Number.isInteger(Math.round(rate * 100 * 1e6) / 1e6)).toBe(true)
  })
  it('gives no rate for a budget of 0', () => {
    expect(computeRate(final.functionalTree.total, 0)).toBeUndefined()
  })
})

describe(compareFigures, () => {
  it('an actual against a budget of 0 is unbudgeted, never a division by zero', () => {
    const spent = final.functionalTree.total
    expect(compareFigures(0, spent)).toEqual({ budget: 0, actual: spent, difference: spent, flag: 'unbudgeted' })
  })
  it('a side that states nothing leaves the figures absent, never 0', () => {
    expect(compareFigures(undefined, final.functionalTree.total)).toEqual({ actual: final.functionalTree.total })
    expect(compareFigures(budget.functionalTree.total, undefined)).toEqual({ budget: budget.functionalTree.total })
  })
  it('nothing spent of a budget is 0 % and flagged under', () => {
    expect(compareFigures(budget.functionalTree.total, 0)).toMatchObject({ rate: 0, flag: 'under' })
  })
})

describe('computeExecution with the budget and final accounts of the same year', () => {
  it('compares the totals: the rate is the one the final accounts state (完成年初预算的 …%)', () => {
    const stated = /完成年初预算的([\d.]+)%/.exec(sourceText())?.[1]
    expect(execution.source).toBe('datasets')
    expect(execution.functional.total.rate?.toFixed(2)).toBe(stated)
    expect(toExact(execution.functional.total.difference ?? NaN)).toBe(toExact(final.functionalTree.total) - toExact(budget.functionalTree.total))
  })

  it('gives every code of both documents, with exact differences, rates and the 10 % flags', () => {
    const codes = new Set([...budget.functionalTree.byCode.keys(), ...final.functionalTree.byCode.keys()])
    expect(new Set(execution.functional.rows.map((r) => r.code))).toEqual(codes)
    for (const row of execution.functional.rows) {
      const b = budget.functionalTree.byCode.get(row.code)?.total
      const a = final.functionalTree.byCode.get(row.code)?.total
      expect(row.budget).toBe(b)
      expect(row.actual).toBe(a)
      if (b === undefined || a === undefined) continue
      expect(toExact(row.difference ?? NaN)).toBe(toExact(a) - toExact(b))
      expect(Math.abs((row.rate ?? NaN) - (a / b) * 100)).toBeLessThanOrEqual(0.005)
      expect(row.flag !== undefined, row.code).toBe(isFlagged(b, a))
    }
  })

  it('shows the document’s rounding gap: the stated items against the stated total', () => {
    const sum = [...statedItemBudgets(folder.final).values()].reduce((s, v) => s + toExact(v), 0)
    const gap = execution.functional.gaps.find((g) => g.side === 'budget')
    if (sum === toExact(budget.functionalTree.total)) expect(gap).toBeUndefined()
    else {
      expect(toExact(gap?.sum ?? NaN)).toBe(sum)
      expect(gap?.total).toBe(budget.functionalTree.total)
      expect(gap?.judgement.verdict).toBe('rounding')
    }
  })

  it('puts each reason the final accounts give beside its item', () => {
    for (const s of folder.final.itemStatements ?? []) {
      const row = execution.functional.rows.find((r) => r.code === s.code)
      expect(row?.reason).toEqual(s.reason)
    }
  })

  it('says there is no economic comparison when the budget gives no economic table', () => {
    expect(execution.economic).toBeUndefined()
    expect(execution.economicMissing).toBe('budget')
  })

  it('flags ≥ 10 % differences and shows an item only one side has as such', () => {
    // The budget without its largest stated item: that item is spent but not budgeted, and its 款 and 类 overrun.
    const items = statedItemBudgets(folder.final)
    const [dropped] = [...items].sort((a, z) => z[1] - a[1]).map(([code]) => code)
    const partial = toBudget(makeBudgetFromFinal({ ...folder.final, itemStatements: folder.final.itemStatements?.filter((s) => s.code !== dropped) }))
    const e = computeExecution(partial, final)
    const row = e?.functional.rows.find((r) => r.code === dropped)
    expect(row).toMatchObject({ presence: 'actualOnly', actual: final.functionalTree.byCode.get(dropped ?? '')?.total })
    expect(row?.budget).toBeUndefined()
    expect(row?.rate).toBeUndefined()
    for (const r of e?.functional.rows ?? []) if (r.budget !== undefined && r.actual !== undefined) expect(r.flag !== undefined, r.code).toBe(isFlagged(r.budget, r.actual))
    const flagged = e?.flagged.map((r) => r.code) ?? []
    expect(flagged).toContain(dropped?.slice(0, 3))
    const largest = selectLargestDifferences(e!, 1)[0]
    expect(largest && Math.abs(largest.difference ?? 0)).toBe(Math.max(...(e?.flagged ?? []).map((r) => Math.abs(r.difference ?? 0))))
  })

  it('shows where the final accounts’ own stated budget differs from the budget document', () => {
    // A budget whose first stated item carries the actual instead of the 年初预算 the final accounts state.
    const first = (folder.final.itemStatements ?? []).find((s) => s.compared?.basis === 'budget' && s.amount !== s.compared.amount)
    if (!first?.compared || first.amount === undefined) throw new Error('no item with a difference')
    const altered: RawDataset = { ...folder.budget, functional: { ...folder.budget.functional, rows: folder.budget.functional.rows.map((r) => (r.code === first.code ? { ...r, total: first.amount ?? r.total } : r)) } }
    const e = computeExecution(toBudget(altered), final)
    const row = e?.functional.rows.find((r) => r.code === first.code)
    expect(row?.statedBudget).toBe(first.compared.amount)
    expect(toExact(row?.statedBudgetCheck?.difference ?? NaN)).toBe(toExact(first.compared.amount) - toExact(first.amount))
    expect(execution.functional.rows.some((r) => r.statedBudgetCheck)).toBe(false)
  })

  it('三公: the budget row against the final row, item by item; a missing row is said, not zeroed', () => {
    const planned = folder.final.threePublic?.years.find((y) => (y.basis ?? 'budget') === 'budget')
    const spent = folder.final.threePublic?.years.find((y) => y.basis === 'final')
    if (!planned) throw new Error('no 三公 budget row')
    expect(execution.threePublic.map((r) => r.budget)).toEqual(execution.threePublic.map((r) => planned[r.item]))
    // The real table prints its 决算数 cells blank; the prose states them: those figures, marked as the text's.
    const stated = folder.final.threePublic?.stated?.final
    if (!stated) throw new Error('no 三公 actual stated in the prose')
    for (const r of execution.threePublic) {
      expect(r.actual).toBe(spent?.[r.item] ?? stated[r.item])
      if (spent?.[r.item] === undefined && r.actual !== undefined) expect(r.actualFromText).toBe(true)
    }
    expect(execution.threePublic.some((r) => r.actualFromText)).toBe(true)
    // Without the prose's figures, nothing is spent that the table leaves blank: said, not zeroed.
    const tableOnly = { ...(folder.final.threePublic ?? { years: [] }), stated: undefined }
    const blank = computeExecution(budget, toBudget({ ...folder.final, threePublic: tableOnly }))
    expect(blank?.threePublicMissing).toBe('final')
    expect(blank?.threePublic.every((r) => r.actual === undefined && r.rate === undefined)).toBe(true)
    // Final accounts whose 决算数 row equals the budget: every item spent in full.
    const withFinal = toBudget({ ...folder.final, threePublic: { years: [planned, { ...planned, basis: 'final' }] } })
    const e = computeExecution(budget, withFinal)
    expect(e?.threePublicMissing).toBeUndefined()
    for (const r of e?.threePublic ?? []) expect(r).toMatchObject({ difference: 0, rate: 100 })
  })
})

describe('computeExecution with one side only', () => {
  it('final accounts alone: their own stated 年初预算 against the actual, item by item', () => {
    const e = computeExecution(undefined, final)
    expect(e?.source).toBe('statedByFinal')
    const items = statedItemBudgets(folder.final)
    expect(e?.functional.rows.map((r) => r.code)).toEqual([...items.keys()])
    for (const r of e?.functional.rows ?? []) {
      expect(r.budget).toBe(items.get(r.code))
      expect(r.actual).toBe(final.functionalTree.byCode.get(r.code)?.total)
    }
    expect(e?.functional.totalDerived).toBe(true)
  })

  it('a budget alone has nothing to compare', () => {
    expect(computeExecution(budget, undefined)).toBeUndefined()
  })

  it('finds the two catalogue entries of the department and year', () => {
    const picked = selectExecutionEntries(folder.catalogue.datasets, folder.final.departmentId, folder.final.year)
    expect(picked.budget?.id).toBe(folder.budget.id)
    expect(picked.final?.id).toBe(folder.final.id)
    const alone = makeExecutionFolder({ budget: false })
    expect(selectExecutionEntries(alone.catalogue.datasets, folder.final.departmentId, folder.final.year).budget).toBeUndefined()
  })
})

describe(computeStatedPriorExecution, () => {
  it('gives each prior-year execution a Shanghai budget states, with the exact change and the stated %', () => {
    const raw = JSON.parse(readFileSync('tests/fixtures/imported/shanghai-putuo-wanli-4471ea36-2024.json', 'utf8')) as RawDataset
    const rows = computeStatedPriorExecution(toBudget(raw))
    const stated = (raw.itemStatements ?? []).filter((s) => s.compared?.basis === 'priorExecution')
    expect(rows).toHaveLength(stated.length)
    rows.forEach((r, i) => {
      const s = stated[i]
      expect(r.code).toBe(s?.code)
      expect(r.year).toBe(s?.compared?.year)
      expect(r.percent).toBe(s?.percent)
      if (r.budget !== undefined) expect(toExact(r.change ?? NaN)).toBe(toExact(r.budget) - toExact(r.executed))
    })
    expect(computeStatedPriorExecution(toBudget(readPutuoFinal()))).toEqual([])
  })
})

describe(buildExecutionCsvRows, () => {
  it('one line per row with the figures as numbers in the chosen unit; a figure not stated is an empty field', () => {
    const alone = computeExecution(undefined, final)
    if (!alone) throw new Error('no execution')
    const rows = buildExecutionCsvRows(execution, { t: (k) => k, tx: (x) => x.zh, amount: (v) => toExact(v) })
    const body = rows.filter((r) => typeof r[0] === 'string' && /^\d+$/.test(r[0]))
    expect(body).toHaveLength(execution.functional.rows.length)
    for (const [i, r] of execution.functional.rows.entries()) {
      expect(body[i]?.[0]).toBe(r.code)
      expect(body[i]?.[2]).toBe(r.budget === undefined ? null : toExact(r.budget))
      expect(body[i]?.[3]).toBe(r.actual === undefined ? null : toExact(r.actual))
      expect(body[i]?.[5]).toBe(r.rate ?? null)
    }
    expect(buildExecutionCsvRows(alone, { t: (k) => k, tx: (x) => x.zh, amount: (v) => v })[0]).toContain('execution.sources.statedByFinal')
  })
})
