import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sumAmounts } from '@/domain/checks'
import { parseDataset } from '@/domain/parse'
import {
  checkParsedTargets,
  computeDimensionSummaries,
  computeIndicatorCounts,
  computeIndicatorRows,
  computeTaskSummary,
  filterIndicatorRows,
  formatIsoDate,
  formatQuantity,
  judgeIndicator,
  matchesSearch,
  parseTarget,
  selectMissedIndicators,
  sortIndicatorRows,
  type ParsedTarget,
  type Performance,
  type TaskSummary,
} from '@/domain/performance'
import { computeActualsMap, parseActuals, type IndicatorActual } from '@/domain/actuals'
import type { RawDataset } from '@/domain/schema'
import type { Budget } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { omit, present } from '../helpers/present'

/** Reads a JSON file relative to the repository root (vitest's root). */
function loadJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown
}
function realBudget(): Budget {
  const result = parseDataset(loadJson('public/data/yantian-investment-center-2023.json'))
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}
/** The published performance table (fails the test if the dataset lost it). */
function realPerformance(): Performance {
  return present(realBudget().performance, 'performance')
}
/** The task summary, which exists whenever the dataset has tasks. */
function taskSummary(b: Budget): TaskSummary {
  return present(computeTaskSummary(b), 'a task summary')
}
function fixtureBudget(raw: RawDataset = makeDataset()): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}
function fictionalActuals(file: string): ReadonlyMap<string, IndicatorActual> {
  const parsed = parseActuals(loadJson(`tests/fixtures/actuals/${file}`))
  if (!parsed.ok) throw new Error(parsed.problem.details.join('\n'))
  return computeActualsMap(parsed.value)
}

describe(parseTarget, () => {
  it.each([
    ['≥4 次', { kind: 'quantitative', operator: '>=', value: 4, unit: { zh: '次', en: 'times' } }],
    ['1000 本', { kind: 'quantitative', operator: '=', value: 1000, unit: { zh: '本', en: 'copies' } }],
    ['≥95%', { kind: 'quantitative', operator: '>=', value: 95, unit: { zh: '%', en: '%' } }],
    ['≤100%', { kind: 'quantitative', operator: '<=', value: 100, unit: { zh: '%', en: '%' } }],
    ['2023年12月31日', { kind: 'deadline', date: '2023-12-31' }],
    ['有效提升', { kind: 'qualitative' }],
    ['不适用', { kind: 'notApplicable' }],
    ['5-7 家', { kind: 'quantitative', operator: 'range', value: 5, max: 7, unit: { zh: '家', en: 'entities' } }],
    ['20 家以上', { kind: 'quantitative', operator: '>=', value: 20, unit: { zh: '家', en: 'entities' } }],
    ['≥９５％', { kind: 'quantitative', operator: '>=', value: 95, unit: { zh: '%', en: '%' } }],
    ['1,000 本', { kind: 'quantitative', operator: '=', value: 1000, unit: { zh: '本', en: 'copies' } }],
    ['2023-06-30', { kind: 'deadline', date: '2023-06-30' }],
  ])('reads %s', (written, expected) => {
    expect(parseTarget(written)).toEqual(expected)
  })

  it.each([
    ['2023年2月30日', 'a day that does not exist'],
    ['100', 'a figure without a unit'],
    ['≥5-7 家', 'an operator before a range'],
    ['覆盖 100%', 'text before the figure'],
  ])('treats %s (%s) as qualitative rather than guess', (written) => {
    expect(parseTarget(written).kind).toBe('qualitative')
  })

  it('takes the English unit from the English written form when it states the same figure', () => {
    expect(parseTarget('1 个', '1 project')).toMatchObject({ unit: { zh: '个', en: 'project' } })
    expect(parseTarget('1 个', '2 projects')).toMatchObject({ unit: { zh: '个', en: 'units' } })
  })
})

describe(checkParsedTargets, () => {
  it('finds every stored parsed target of the published table equal to a fresh reading', () => {
    const perf = realPerformance()
    expect(perf.dimensions.flatMap((d) => d.indicators)).toHaveLength(35)
    expect(checkParsedTargets(perf)).toEqual([])
  })

  it('reports a stored value that the written form does not say', () => {
    const raw = makeDataset()
    const ind = raw.performance.dimensions[0]!.indicators[0]!
    if (ind.target.parsed.kind !== 'quantitative') throw new Error('fixture changed')
    ind.target.parsed.value += 1
    expect(checkParsedTargets(raw.performance)).toMatchObject([{ indicatorId: ind.id, side: 'zh' }])
  })

  it('reports an English written form that states another figure', () => {
    const raw = makeDataset()
    const ind = raw.performance.dimensions[0]!.indicators[0]!
    ind.target.writtenEn = '≥ 40 times'
    expect(checkParsedTargets(raw.performance)).toMatchObject([{ indicatorId: ind.id, side: 'en' }])
  })
})

describe(judgeIndicator, () => {
  const unit = { zh: '次', en: 'times' }
  const q = (operator: '>=' | '<=' | '=' | 'range', value: number, max?: number): ParsedTarget => ({ kind: 'quantitative', operator, value, unit, ...(max !== undefined ? { max } : {}) })
  const act = (extra: Partial<IndicatorActual>): IndicatorActual => ({ indicatorId: 'x', written: 'x', ...extra })

  it.each([
    [q('>=', 4), act({ value: 4 }), 'met'],
    [q('>=', 4), act({ value: 3.99 }), 'notMet'],
    [q('<=', 100), act({ value: 100 }), 'met'],
    [q('<=', 100), act({ value: 100.5 }), 'notMet'],
    [q('=', 1000), act({ value: 1000 }), 'met'],
    [q('=', 1000), act({ value: 1200 }), 'notMet'],
    [q('range', 5, 7), act({ value: 7 }), 'met'],
    [q('range', 5, 7), act({ value: 8 }), 'notMet'],
    [{ kind: 'deadline', date: '2023-12-31' }, act({ date: '2023-12-31' }), 'met'],
    [{ kind: 'deadline', date: '2023-12-31' }, act({ date: '2024-01-01' }), 'notMet'],
    [{ kind: 'qualitative' }, act({ achieved: true }), 'met'],
    [{ kind: 'qualitative' }, act({ achieved: false }), 'notMet'],
    [q('>=', 4), undefined, 'pending'],
    [q('>=', 4), act({}), 'pending'],
    [{ kind: 'deadline', date: '2023-12-31' }, act({ value: 1 }), 'pending'],
    [{ kind: 'qualitative' }, act({}), 'pending'],
  ] as const)('%j with %j is %s', (target, actual, expected) => {
    expect(judgeIndicator(target as ParsedTarget, actual)).toBe(expected)
  })
})

describe(computeIndicatorRows, () => {
  it('lists every indicator in published order, all pending in a budget', () => {
    const perf = realPerformance()
    const rows = computeIndicatorRows(perf)
    expect(rows.map((r) => r.id)).toEqual(perf.dimensions.flatMap((d) => d.indicators.map((i) => i.id)))
    expect(rows.map((r) => r.order)).toEqual(rows.map((_, i) => i + 1))
    expect(rows.every((r) => r.status === 'pending' && r.actual === undefined)).toBe(true)
  })

  it('turns pending into met / not met when the fictional actuals are loaded', () => {
    const budget = realBudget()
    const actuals = fictionalActuals('yantian-investment-center-2023.fictional.json')
    const rows = computeIndicatorRows(present(budget.performance, 'performance'), actuals)
    expect(rows.filter((r) => r.status === 'pending')).toEqual([])
    for (const r of rows) expect(r.status).toBe(judgeIndicator(r.target, actuals.get(r.id)))
    const counts = computeIndicatorCounts(rows)
    expect(counts.byStatus.met).toBeGreaterThan(0)
    expect(counts.byStatus.notMet).toBeGreaterThan(0)
  })
})

describe(selectMissedIndicators, () => {
  it('lists the real indicators the fictional self-evaluation misses, in published order, judged by the target parser', () => {
    const actuals = fictionalActuals('yantian-investment-center-2023.fictional.json')
    const rows = computeIndicatorRows(realPerformance(), actuals)
    const missed = selectMissedIndicators(rows)
    expect(missed.length).toBe(computeIndicatorCounts(rows).byStatus.notMet)
    expect(missed.length).toBeGreaterThan(0)
    expect(missed.map((r) => r.order)).toEqual([...missed.map((r) => r.order)].sort((a, z) => a - z))
    for (const r of missed) expect(judgeIndicator(r.target, actuals.get(r.id))).toBe('notMet')
  })

  it('lists none while every indicator is pending', () => {
    expect(selectMissedIndicators(computeIndicatorRows(realPerformance()))).toEqual([])
  })
})

describe(computeDimensionSummaries, () => {
  it('counts by dimension and kind, consistently with the table, and keeps the not-applicable dimensions', () => {
    const perf = realPerformance()
    const rows = computeIndicatorRows(perf)
    const summaries = computeDimensionSummaries(perf, rows)
    expect(summaries.map((s) => s.level2)).toEqual(perf.dimensions.map((d) => d.level2))
    for (const [i, s] of summaries.entries()) {
      expect(s.total).toBe(perf.dimensions[i]!.indicators.length)
      expect(s.byKind.quantitative + s.byKind.qualitative + s.byKind.deadline).toBe(s.total)
    }
    expect(summaries.filter((s) => !s.applicable).map((s) => s.level2).sort()).toEqual(['ecological', 'economic', 'otherSatisfaction', 'sustainability'])
    expect(summaries.filter((s) => !s.applicable).every((s) => s.total === 0)).toBe(true)
    const counts = computeIndicatorCounts(rows)
    expect(counts.total).toBe(summaries.reduce((n, s) => n + s.total, 0))
    expect(counts.byKind.qualitative).toBe(perf.dimensions.find((d) => d.level2 === 'social')!.indicators.length)
  })
})

describe(computeTaskSummary, () => {
  it('groups the tasks by the categories’ taskIds, with sums and gaps computed from the data', () => {
    const budget = realBudget()
    const perf = present(budget.performance, 'performance')
    const pe = present(budget.projectExpenditure, 'projectExpenditure')
    const summary = taskSummary(budget)
    expect(summary.projectBudget).toBe(pe.amount)
    expect(summary.taskCount).toBe(perf.tasks.length)
    const grouped = summary.groups.flatMap((g) => g.tasks.map((t) => t.id))
    expect(grouped.sort()).toEqual(perf.tasks.map((t) => t.id).sort())
    for (const c of pe.categories) {
      const g = summary.groups.find((x) => x.categoryId === c.id)!
      const taskIds = present(c.taskIds, `taskIds of ${c.id}`)
      const own = perf.tasks.filter((t) => taskIds.includes(t.id))
      expect(g.tasksSum).toBe(sumAmounts(own.map((t) => t.total)))
      expect(g.gap).toBe(sumAmounts([c.amount, -g.tasksSum]))
      expect(Math.abs(g.gap)).toBeLessThanOrEqual(g.tolerance)
      expect(g.verdict).toBe(g.gap === 0 ? 'ok' : 'rounding')
    }
    expect(summary.groups.find((g) => g.categoryId === 'partyBuilding')!.verdict).toBe('rounding')
    expect(summary.tasksSum).toBe(summary.tasksTotal)
  })

  it('derives each task’s share of the project budget; the shares add up to the tasks’ sum', () => {
    const summary = taskSummary(realBudget())
    const projectBudget = present(summary.projectBudget, 'the project budget')
    const shares = summary.groups.flatMap((g) => g.tasks.map((t) => present(t.share, `share of ${t.id}`)))
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo((summary.tasksSum / projectBudget) * 100, 9)
    const first = summary.groups[0]!.tasks[0]!
    expect(first.share).toBeCloseTo((first.total / projectBudget) * 100, 12)
  })

  it('keeps a task no category names in its own group, flagged', () => {
    const raw = makeDataset()
    raw.projectExpenditure.categories[0]!.taskIds = raw.projectExpenditure.categories[0]!.taskIds.slice(0, 1)
    const summary = taskSummary(fixtureBudget(raw))
    const loose = summary.groups.find((g) => g.categoryId === undefined)!
    expect(loose.tasks.map((t) => t.id)).toEqual([raw.performance.tasks[1]!.id])
    expect(loose.verdict).toBe('mismatch')
    expect(summary.groups.find((g) => g.categoryId)!.verdict).toBe('mismatch')
  })

  it('is undefined for a document without performance tasks, and gives no project share without a project budget', () => {
    const noPerformance = omit(makeDataset(), 'performance')
    noPerformance.projectExpenditure.categories[0]!.taskIds = []
    expect(computeTaskSummary(fixtureBudget(noPerformance))).toBeUndefined()
    const noTasks = makeDataset()
    noTasks.performance.tasks = []
    noTasks.projectExpenditure.categories[0]!.taskIds = []
    expect(computeTaskSummary(fixtureBudget(noTasks))).toBeUndefined()
    const noProject = omit(makeDataset(), 'projectExpenditure')
    const summary = taskSummary(fixtureBudget(noProject))
    expect(summary.projectBudget).toBeUndefined()
    expect(summary.groups.flatMap((g) => g.tasks).every((t) => t.share === undefined)).toBe(true)
  })
})

describe(filterIndicatorRows, () => {
  const rows = computeIndicatorRows(realPerformance())

  it('filters by dimension', () => {
    const quality = filterIndicatorRows(rows, { dim: 'quality' })
    expect(quality.length).toBe(realPerformance().dimensions.find((d) => d.level2 === 'quality')!.indicators.length)
    expect(quality.every((r) => r.level2 === 'quality')).toBe(true)
  })

  it('searches names and written targets in both languages, every term required', () => {
    const hits = filterIndicatorRows(rows, { q: '满意度' })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((r) => r.name.zh.includes('满意度'))).toBe(true)
    expect(rows.filter((r) => r.name.zh.includes('满意度') && !hits.includes(r))).toEqual([])
    expect(filterIndicatorRows(rows, { q: 'BROCHURE' }).map((r) => r.id)).toEqual(rows.filter((r) => /brochure/i.test(present(r.name.en, `English name of ${r.id}`))).map((r) => r.id))
    expect(filterIndicatorRows(rows, { q: '满意度 企业' }).every((r) => r.name.zh.includes('企业'))).toBe(true)
    expect(filterIndicatorRows(rows, { dim: 'quantity', q: '满意度' })).toEqual([])
  })

  it('matches extra text such as the dimension label', () => {
    const row = rows[0]!
    expect(matchesSearch(row, 'Outputs')).toBe(false)
    expect(matchesSearch(row, 'outputs', 'Outputs Quantity')).toBe(true)
  })
})

describe(sortIndicatorRows, () => {
  const budget = fixtureBudget()
  const rows = computeIndicatorRows(present(budget.performance, 'performance'), fictionalActuals('test-department-2030.actuals.json'))

  it('sorts by status, ties in published order, and reverses', () => {
    const asc = sortIndicatorRows(rows, 'status', 'ascending', 'zh-CN')
    expect(asc.map((r) => r.status)).toEqual(['met', 'met', 'notMet', 'notMet'])
    expect(asc.filter((r) => r.status === 'met').map((r) => r.order)).toEqual(rows.filter((r) => r.status === 'met').map((r) => r.order))
    expect(sortIndicatorRows(rows, 'order', 'descending', 'en').map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse())
  })

  it('sorts names by the locale’s collation', () => {
    const names = sortIndicatorRows(rows, 'name', 'ascending', 'en').map((r) => present(r.name.en, `English name of ${r.id}`))
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
  })
})

describe(formatQuantity, () => {
  it.each([
    [95, { zh: '%', en: '%' }, 'zh-CN', '95%'],
    [4, { zh: '次', en: 'times' }, 'zh-CN', '4 次'],
    [1000, { zh: '本', en: 'copies' }, 'en', '1,000 copies'],
  ] as const)('%d %j in %s → %s', (value, unit, locale, expected) => {
    expect(formatQuantity(value, unit, locale)).toBe(expected)
  })
})

describe(formatIsoDate, () => {
  it.each([
    ['2023-12-31', 'zh-CN', '2023年12月31日'],
    ['2023-12-31', 'en', '31 December 2023'],
  ] as const)('%s in %s → %s', (iso, locale, expected) => {
    expect(formatIsoDate(iso, locale)).toBe(expected)
  })
})
