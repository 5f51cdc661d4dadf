import { describe, expect, it } from 'vitest'
import { compareFigures, comparePercent, computeChecks, computeVerdictCounts, sumAmounts, type CheckSide } from '@/domain/checks'
import { parseDataset } from '@/domain/parse'
import type { Budget } from '@/domain/types'
import type { RawDataset } from '@/domain/schema'
import { makeDataset } from '../../fixtures/dataset'
import { makeMinimalDataset } from '../helpers/minimal'
import { economicTreeOf, omit, readYantian } from '../helpers/present'
import { numberOf } from '../helpers/tables'

function budgetOf(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

const REAL = readYantian()

/** The Yantian document's seven gaps within its published rounding, by check id (unchanged from format 1). */
const YANTIAN_ROUNDING_IDS = [
  'economic.sum.unit.total',
  'economic.sum.unit.project',
  'economic.sum.301.total',
  'economic.sum.301.basic',
  'performance.category.partyBuilding',
  'performance.category.investmentPromotion',
  'threePublic.reception.economic',
]

describe(computeChecks, () => {
  it('finds every figure of the consistent fixture in agreement', () => {
    const checks = computeChecks(budgetOf(makeDataset()))
    expect(checks.length).toBeGreaterThan(30)
    expect(checks.filter((c) => c.verdict !== 'ok')).toEqual([])
  })

  it('reports a deliberate mismatch by id, tables and difference', () => {
    const raw = makeDataset()
    raw.functional.rows.find((r) => r.code === '2011308')!.total += 50
    const bad = computeChecks(budgetOf(raw)).filter((c) => c.verdict === 'mismatch')
    const ids = bad.map((c) => c.id)
    expect(ids).toContain('functional.sum.20113.total')
    expect(ids).toContain('functional.split.2011308')
    const sum = bad.find((c) => c.id === 'functional.sum.20113.total')!
    expect(sum.left.ref.table).toBe(3)
    expect(sum.difference).toBe(-50)
  })

  it('calls a one-unit gap under several rounded rows rounding, not ok and not mismatch', () => {
    const raw = makeDataset()
    raw.economic.rows.find((r) => r.code === '30227')!.total += 1
    raw.economic.rows.find((r) => r.code === '30227')!.project += 1
    const check = computeChecks(budgetOf(raw)).find((c) => c.id === 'economic.sum.302.total')!
    expect(check.verdict).toBe('rounding')
    expect(check.difference).toBe(-1)
  })

  it('flags a stated percentage that does not follow from the stated amounts', () => {
    const raw = makeDataset()
    raw.overview.expenditure.change!.percent = -30
    const check = computeChecks(budgetOf(raw)).find((c) => c.id === 'percent.expenditure')!
    expect(check.verdict).toBe('mismatch')
  })

  describe('on the published 2023 dataset', () => {
    const b = budgetOf(REAL)
    const checks = computeChecks(b)

    it('finds no mismatch beyond the published rounding', () => {
      expect(checks.filter((c) => c.verdict === 'mismatch').map((c) => c.id)).toEqual([])
    })

    it('reports the economic classes adding up differently from the table total as a rounding note', () => {
      const tree = economicTreeOf(b)
      const classSum = sumAmounts(tree.roots.map((r) => r.total))
      const check = checks.find((c) => c.id === 'economic.sum.unit.total')!
      expect(classSum).not.toBe(tree.total)
      expect(check.verdict).toBe('rounding')
      expect(check.right.value).toBe(classSum)
      expect(check.difference).toBe(sumAmounts([tree.total, -classSum]))
    })

    it('reports every column gap of table 8 and none of table 3', () => {
      const gaps = checks.filter((c) => c.verdict === 'rounding').map((c) => c.id)
      expect(gaps.some((id) => id.startsWith('functional.'))).toBe(false)
      expect(gaps).toContain('economic.sum.unit.project')
    })
  })
})

describe(compareFigures, () => {
  const side = (value: number): CheckSide => ({ ref: { table: 1 }, label: { key: 'row' }, value })
  it.each([
    [10, 10, [1, 1], 'ok'],
    [10, 11, [1, 1], 'rounding'],
    [10, 12, [1, 1], 'mismatch'],
    [292, 291.52, [1, 0.01, 0.01], 'rounding'],
    [0.3, 0.1 + 0.2, [0.1, 0.1], 'ok'],
  ] as const)('%d vs %d with steps %j → %s', (a, b, steps, verdict) => {
    expect(compareFigures('x', 'parts', side(a), side(b), steps).verdict).toBe(verdict)
  })
})

describe(comparePercent, () => {
  // Each amount is a printed figure with its rounding step; the prior (amount − change) carries two steps.
  it.each([
    [-163, 1, 2374, 2, -7, 'ok'],
    [0.23, 0.01, 3.57, 0.02, 6.4, 'ok'],
    // 6.5 % is not what the printed figures give, but figures printed to 0.01 could hide it.
    [0.23, 0.01, 3.57, 0.02, 6.5, 'rounding'],
    // Exact figures (元) leave no room: 6.5 % contradicts them.
    [0.23, 0.0001, 3.57, 0.0002, 6.5, 'mismatch'],
    [0.8, 0.1, 0, 0.2, 100, 'mismatch'],
  ] as const)('change %d (step %d) on %d (step %d) stated as %d%% → %s', (change, changeStep, prior, priorStep, stated, verdict) => {
    const check = comparePercent('p', { key: 'statedIncome' }, { part: 2 }, { value: change, step: changeStep }, { value: prior, step: priorStep }, stated)
    expect(check.verdict).toBe(verdict)
    expect(check.left.value).toBe(stated)
  })
})

describe(computeVerdictCounts, () => {
  it('counts each verdict', () => {
    const checks = computeChecks(budgetOf(makeDataset()))
    const counts = computeVerdictCounts(checks)
    expect(counts.ok + counts.rounding + counts.mismatch).toBe(checks.length)
  })
})

describe('checks on format 2', () => {
  it('reports a self-contradicting document as mismatch checks with both figures and the difference, and still parses it', () => {
    const raw = makeDataset()
    const row = raw.functional.rows.find((r) => r.code === '2011308')!
    row.total += 50
    row.project += 50
    raw.overview.expenditure.amount += 10
    const parsed = parseDataset(raw)
    expect(parsed.ok).toBe(true)
    const checks = computeChecks(budgetOf(raw))
    // A row that does not add up: 20113 against its 项.
    const sum = checks.find((c) => c.id === 'functional.sum.20113.total')!
    const section = raw.functional.rows.find((r) => r.code === '20113')!
    const items = raw.functional.rows.filter((r) => r.code.length === 7 && r.code.startsWith('20113'))
    expect(sum).toMatchObject({ verdict: 'mismatch', left: { value: section.total }, right: { value: sumAmounts(items.map((r) => r.total)) } })
    expect(sum.difference).toBe(sumAmounts([sum.left.value, -sum.right.value]))
    // A prose total that differs from its table.
    const prose = checks.find((c) => c.id === 'cross.overviewExpenditure')!
    expect(prose).toMatchObject({
      verdict: 'mismatch',
      left: { value: raw.overview.expenditure.amount },
      right: { value: raw.incomeStatement.currentYearExpenditure },
      difference: sumAmounts([raw.overview.expenditure.amount, -raw.incomeStatement.currentYearExpenditure]),
    })
    expect(prose.left.ref).toEqual({ part: raw.source.proseParts.overview })
    expect(prose.right.ref).toEqual({ table: numberOf(raw, 'incomeExpenditureSummary') })
  })

  it('skips the families of absent sections: no performance table, no performance checks', () => {
    const raw = omit(makeDataset(), 'performance')
    raw.projectExpenditure.categories[0]!.taskIds = []
    const checks = computeChecks(budgetOf(raw))
    expect(checks.length).toBeGreaterThan(0)
    expect(checks.filter((c) => c.id.startsWith('performance.'))).toEqual([])
    expect(checks.filter((c) => c.verdict !== 'ok')).toEqual([])
  })

  it('checks a minimal dataset (functional table only) by its own rows, and nothing else', () => {
    const raw = makeMinimalDataset()
    const checks = computeChecks(budgetOf(raw))
    expect(checks.length).toBeGreaterThan(0)
    expect(checks.every((c) => c.id.startsWith('functional.sum.'))).toBe(true)
    expect(checks.every((c) => c.verdict === 'ok')).toBe(true)
    expect(checks.every((c) => c.left.label.measure === undefined || c.left.label.measure === 'total')).toBe(true)
  })

  it('keeps the Yantian verdicts: 165 checks, 158 ok, 7 within rounding, none beyond, ids unique', () => {
    const checks = computeChecks(budgetOf(REAL))
    expect(checks).toHaveLength(165)
    expect(computeVerdictCounts(checks)).toEqual({ ok: 158, rounding: 7, mismatch: 0 })
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length)
    expect(checks.filter((c) => c.verdict === 'rounding').map((c) => c.id)).toEqual(YANTIAN_ROUNDING_IDS)
  })
})
