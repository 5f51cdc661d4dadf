/**
 * Execution: what was planned (预算) against what was spent (决算) for one department and year.
 * Pure; the execution view, the overview's story and the deputy brief read it.
 *
 * Sources, in order of preference:
 * - `datasets`: the department's budget and final accounts of the same year, both in the catalogue:
 *   rows by functional code (类/款/项) and by economic class (when both documents give one of the same scope).
 * - `statedByFinal`: the final accounts alone, with the 年初预算 their prose states item by item
 *   (`itemStatements[].compared.basis === 'budget'`): only the items stated, labelled as the document's.
 *
 * Rules (one place, see `compareFigures`):
 * - difference = actual − budget, exact (whole 元, `numeric.ts`);
 * - rate = actual ÷ budget × 100, computed exactly and rounded once, half away from zero, to
 *   `RATE_DECIMALS` (2940.05 ÷ 2993.92 → 98.20 %); no rate when the budget is absent or 0;
 * - flagged when |difference| ≥ `EXECUTION_FLAG_PERCENT` % of the budget (`over` / `under`), or
 *   `unbudgeted` when the budget is 0 and something was spent: never a division by zero;
 * - a figure a side does not state is absent, never 0; an item on one side only says so (`presence`).
 * The final accounts' own stated 年初预算 is kept beside the budget document's figure: where the two
 * differ, that is a finding (`statedBudgetCheck`), never smoothed.
 */
import { judgeAmounts, printedStep, sumAmounts, subtractAmounts, toExact, type Judgement } from './numeric'
import { THREE_PUBLIC_EXTRA_ITEMS, THREE_PUBLIC_ITEMS, type ThreePublicExtraItem, type ThreePublicItem } from './schema'
import type { Budget, CatalogueEntry, ClassLevel, ClassTree, Classification, Text } from './types'

/** A difference of this share of the budget or more is flagged. */
export const EXECUTION_FLAG_PERCENT = 10
/** Digits after the point of a displayed rate (the documents print 98.20%). */
export const RATE_DECIMALS = 2

export const EXECUTION_FLAGS = ['over', 'under', 'unbudgeted'] as const
/** over / under: |actual − budget| ≥ 10 % of the budget; unbudgeted: spent with a budget of 0. */
export type ExecutionFlag = (typeof EXECUTION_FLAGS)[number]

/** A budget figure and an actual, compared. Every field is absent when a side does not state it. */
export interface ExecutionFigures {
  budget?: number
  actual?: number
  /** actual − budget, exact; only when both are stated. */
  difference?: number
  /** actual ÷ budget × 100, rounded once to `RATE_DECIMALS`: 98.2 for 98.20 %; absent when the budget is absent or 0. */
  rate?: number
  flag?: ExecutionFlag
}

/** |a| as a BigInt of whole 元. */
const exactBig = (wan: number): bigint => BigInt(toExact(wan))

/** actual ÷ budget × 100 rounded half away from zero to `RATE_DECIMALS`, on exact integers. */
export function computeRate(actual: number, budget: number): number | undefined {
  const b = exactBig(budget)
  if (b === 0n) return undefined
  const a = exactBig(actual)
  const scale = 100n * 10n ** BigInt(RATE_DECIMALS)
  const num = a * scale
  const negative = num < 0n !== b < 0n
  const n = num < 0n ? -num : num
  const d = b < 0n ? -b : b
  const rounded = (2n * n + d) / (2n * d)
  const value = Number(rounded) / 10 ** RATE_DECIMALS
  return negative && value !== 0 ? -value : value
}

/** Compares a budget figure with an actual by the rules above: (1560.05, 1511.89) → difference −48.16, rate 96.91. */
export function compareFigures(budget: number | undefined, actual: number | undefined): ExecutionFigures {
  const out: ExecutionFigures = {}
  if (budget !== undefined) out.budget = budget
  if (actual !== undefined) out.actual = actual
  if (budget === undefined || actual === undefined) return out
  out.difference = subtractAmounts(actual, budget)
  const rate = computeRate(actual, budget)
  if (rate !== undefined) out.rate = rate
  const b = exactBig(budget)
  const diff = exactBig(out.difference)
  if (b === 0n) {
    if (diff !== 0n) out.flag = 'unbudgeted'
  } else if ((diff < 0n ? -diff : diff) * 100n >= (b < 0n ? -b : b) * BigInt(EXECUTION_FLAG_PERCENT)) out.flag = diff > 0n ? 'over' : 'under'
  return out
}

/** Where an item stands: in both documents, or only in one. */
export type Presence = 'both' | 'budgetOnly' | 'actualOnly'

/** One 类/款/项 (or economic class) row of the comparison. */
export interface ExecutionRow extends ExecutionFigures {
  code: string
  name: Text
  level: ClassLevel
  /** 0 for a 类, 1 for a 款, 2 for a 项. */
  depth: number
  parentCode?: string
  presence: Presence
  /** The final accounts' stated reason for the difference, by code. */
  reason?: Text
  /** The 年初预算 the final accounts themselves state for this item. */
  statedBudget?: number
  /** statedBudget − the budget document's figure, judged within published rounding; only when they differ. */
  statedBudgetCheck?: Judgement
}

/** A side's classes that do not add up to its own total row: shown, not hidden. */
export interface TotalGap {
  side: 'budget' | 'final'
  /** Sum of the 类 rows, exact. */
  sum: number
  /** The table's own total row. */
  total: number
  judgement: Judgement
}

/** One classification compared. */
export interface ExecutionTable {
  classification: Classification
  /** The tables' own total rows compared (statedByFinal: the sums of the stated items, derived). */
  total: ExecutionFigures
  /** true when the total is a sum this site computed rather than a total row the documents print. */
  totalDerived: boolean
  rows: ExecutionRow[]
  gaps: TotalGap[]
}

/** Why there is no economic comparison. */
export type EconomicMissing = 'budget' | 'final' | 'both' | 'scope'

/** A 三公 item: budget row against final row. */
export interface ThreePublicExecutionRow extends ExecutionFigures {
  item: ThreePublicItem | ThreePublicExtraItem
  /** The actual is the final accounts' prose figure: the table prints that 决算数 cell blank. */
  actualFromText?: true
}

export interface Execution {
  departmentId: string
  year: number
  source: 'datasets' | 'statedByFinal'
  functional: ExecutionTable
  economic?: ExecutionTable
  economicMissing?: EconomicMissing
  /** 三公 by item; empty when neither side gives a row for the year. */
  threePublic: ThreePublicExecutionRow[]
  /** Which 三公 row is missing, when one side gives one and the other does not. */
  threePublicMissing?: 'budget' | 'final'
  /** Every flagged row of either table, in table order. */
  flagged: ExecutionRow[]
}

const DEPTH: Record<ClassLevel, number> = { class: 0, section: 1, item: 2 }

/** The final accounts' reasons and stated 年初预算 by code (the first statement of a code wins). */
function statementsByCode(final: Budget | undefined): Map<string, { reason?: Text; statedBudget?: number; amount?: number; name?: Text }> {
  const out = new Map<string, { reason?: Text; statedBudget?: number; amount?: number; name?: Text }>()
  for (const s of final?.itemStatements ?? []) {
    if (out.has(s.code)) continue
    const stated = s.compared?.basis === 'budget' && s.compared.year === final?.year ? s.compared.amount : undefined
    out.set(s.code, {
      ...(s.reason ? { reason: s.reason } : {}),
      ...(stated !== undefined ? { statedBudget: stated } : {}),
      ...(s.amount !== undefined ? { amount: s.amount } : {}),
      ...(s.name ? { name: s.name } : {}),
    })
  }
  return out
}

/** Codes of both trees in published order: the budget's, then codes only the final accounts have, under their parent. */
function mergedCodes(a: ClassTree | undefined, b: ClassTree | undefined): string[] {
  const children = new Map<string | undefined, string[]>()
  const add = (code: string, parent: string | undefined) => {
    const list = children.get(parent) ?? []
    if (!list.includes(code)) list.push(code)
    children.set(parent, list)
  }
  for (const tree of [a, b]) for (const node of tree?.byCode.values() ?? []) add(node.code, node.parentCode)
  const out: string[] = []
  const walk = (parent: string | undefined) => {
    for (const code of children.get(parent) ?? []) {
      out.push(code)
      walk(code)
    }
  }
  walk(undefined)
  return out
}

function stepOf(b: Budget): number {
  return printedStep(b.precision.tables)
}

/** The 类 rows of a tree against its total row, when they differ. */
function gapOf(side: TotalGap['side'], tree: ClassTree, step: number): TotalGap | undefined {
  const sum = sumAmounts(tree.roots.map((r) => r.total))
  if (toExact(sum) === toExact(tree.total)) return undefined
  return { side, sum, total: tree.total, judgement: judgeAmounts(sum, tree.total, [...tree.roots.map(() => step), step]) }
}

function compareTrees(classification: Classification, budget: Budget, final: Budget): ExecutionTable {
  const bt = classification === 'functional' ? budget.functionalTree : budget.economicTree
  const ft = classification === 'functional' ? final.functionalTree : final.economicTree
  const statements = classification === 'functional' ? statementsByCode(final) : new Map()
  const rows: ExecutionRow[] = mergedCodes(bt, ft).flatMap((code) => {
    const bn = bt?.byCode.get(code)
    const fn = ft?.byCode.get(code)
    const node = fn ?? bn
    if (!node) return []
    const s = statements.get(code)
    const row: ExecutionRow = {
      code,
      name: node.name,
      level: node.level,
      depth: DEPTH[node.level],
      ...(node.parentCode ? { parentCode: node.parentCode } : {}),
      presence: bn && fn ? 'both' : bn ? 'budgetOnly' : 'actualOnly',
      ...compareFigures(bn?.total, fn?.total),
    }
    if (s?.reason) row.reason = s.reason
    if (s?.statedBudget !== undefined) {
      row.statedBudget = s.statedBudget
      if (bn && toExact(s.statedBudget) !== toExact(bn.total)) row.statedBudgetCheck = judgeAmounts(s.statedBudget, bn.total, [stepOf(final), stepOf(budget)])
    }
    return [row]
  })
  const gaps = [bt && gapOf('budget', bt, stepOf(budget)), ft && gapOf('final', ft, stepOf(final))].filter((g): g is TotalGap => !!g)
  return { classification, total: compareFigures(bt?.total, ft?.total), totalDerived: false, rows, gaps }
}

/** The final accounts' own stated budget against their actual, item by item (only the items stated). */
function statedTable(final: Budget): ExecutionTable | undefined {
  const rows: ExecutionRow[] = []
  for (const [code, s] of statementsByCode(final)) {
    if (s.statedBudget === undefined) continue
    const node = final.functionalTree.byCode.get(code)
    const actual = node?.total ?? s.amount
    const level: ClassLevel = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item'
    rows.push({
      code,
      name: node?.name ?? s.name ?? { zh: code },
      level,
      depth: DEPTH[level],
      presence: actual === undefined ? 'budgetOnly' : 'both',
      ...compareFigures(s.statedBudget, actual),
      statedBudget: s.statedBudget,
      ...(s.reason ? { reason: s.reason } : {}),
    })
  }
  if (!rows.length) return undefined
  const both = rows.filter((r) => r.actual !== undefined)
  const total = compareFigures(sumAmounts(both.map((r) => r.budget ?? 0)), sumAmounts(both.map((r) => r.actual ?? 0)))
  return { classification: 'functional', total, totalDerived: true, rows, gaps: [] }
}

type ThreePublicYear = NonNullable<Budget['threePublic']>['years'][number]

function threePublicRow(b: Budget | undefined, year: number, basis: 'budget' | 'final'): ThreePublicYear | undefined {
  return b?.threePublic?.years.find((y) => y.year === year && (y.basis ?? 'budget') === basis)
}

/**
 * 三公 planned against spent, item by item: the budget document's row (else the final accounts' 预算数 row) against
 * the 决算数 row. Where the table prints a 决算数 cell blank and the final accounts' prose states the figure
 * (`threePublic.stated.final`: "支出决算为0.00万元"), the prose's figure is used and marked `actualFromText`.
 */
export function computeThreePublicExecution(budget: Budget | undefined, final: Budget | undefined, year: number): Pick<Execution, 'threePublic' | 'threePublicMissing'> {
  const planned = threePublicRow(budget, year, 'budget') ?? threePublicRow(final, year, 'budget')
  const spent = threePublicRow(final, year, 'final')
  const statedFinal = final?.year === year ? final.threePublic?.stated?.final : undefined
  if (!planned && !spent && !statedFinal) return { threePublic: [] }
  const rows: ThreePublicExecutionRow[] = []
  for (const item of [...THREE_PUBLIC_ITEMS, ...THREE_PUBLIC_EXTRA_ITEMS]) {
    const b = planned?.[item]
    const printed = spent?.[item]
    const a = printed ?? statedFinal?.[item]
    if (b === undefined && a === undefined) continue
    rows.push({ item, ...compareFigures(b, a), ...(printed === undefined && a !== undefined ? { actualFromText: true as const } : {}) })
  }
  const anyActual = rows.some((r) => r.actual !== undefined)
  return { threePublic: rows, ...(!planned ? { threePublicMissing: 'budget' as const } : !anyActual ? { threePublicMissing: 'final' as const } : {}) }
}

function economicMissing(budget: Budget, final: Budget): EconomicMissing | undefined {
  if (!budget.economic && !final.economic) return 'both'
  if (!budget.economic) return 'budget'
  if (!final.economic) return 'final'
  return budget.economic.scope === final.economic.scope ? undefined : 'scope'
}

/**
 * Planned against spent for one department and year. `budget` and `final` are the two documents (either
 * may be absent); undefined when there is nothing to compare: no final accounts, or final accounts alone
 * that state no budget figure.
 */
export function computeExecution(budget: Budget | undefined, final: Budget | undefined): Execution | undefined {
  if (!final) return undefined
  const year = final.year
  const tp = computeThreePublicExecution(budget, final, year)
  if (!budget) {
    const functional = statedTable(final)
    if (!functional) return undefined
    return { departmentId: final.departmentId, year, source: 'statedByFinal', functional, economicMissing: 'budget', ...tp, flagged: functional.rows.filter((r) => r.flag) }
  }
  const functional = compareTrees('functional', budget, final)
  const missing = economicMissing(budget, final)
  const economic = missing ? undefined : compareTrees('economic', budget, final)
  return {
    departmentId: final.departmentId,
    year,
    source: 'datasets',
    functional,
    ...(economic ? { economic } : {}),
    ...(missing ? { economicMissing: missing } : {}),
    ...tp,
    flagged: [...functional.rows, ...(economic?.rows ?? [])].filter((r) => r.flag),
  }
}

/** The flagged rows with the largest differences first, 项 before their 款 and 类 when sizes tie: the story's "largest differences". */
export function selectLargestDifferences(e: Execution, n: number): ExecutionRow[] {
  return e.flagged
    .filter((r) => r.difference !== undefined)
    .sort((a, z) => Math.abs(toExact(z.difference ?? 0)) - Math.abs(toExact(a.difference ?? 0)) || z.depth - a.depth)
    .slice(0, n)
}

/** The catalogue entries of the same department and year: the budget and the final accounts (either may be absent). */
export function selectExecutionEntries(datasets: readonly CatalogueEntry[], departmentId: string, year: number): { budget?: CatalogueEntry; final?: CatalogueEntry } {
  const of = (phase: 'budget' | 'final') => datasets.find((d) => d.departmentId === departmentId && d.year === year && d.phase === phase)
  const budget = of('budget')
  const final = of('final')
  return { ...(budget ? { budget } : {}), ...(final ? { final } : {}) }
}

/** A budget document's own statement of the prior year's execution (Shanghai: 当年预算执行数) for one item. */
export interface StatedPriorExecution {
  code: string
  name?: Text
  /** The year executed (the budget's year − 1). */
  year: number
  /** The prior year's execution as the budget document states it. */
  executed: number
  /** This year's budget of the item, as stated. */
  budget?: number
  /** budget − executed, exact; only when both are stated. */
  change?: number
  /** The % change as the document states it, rounded by it. */
  percent?: number
  reason?: Text
}

/** Every item whose prior-year execution the budget document states, in its order. */
export function computeStatedPriorExecution(b: Budget): StatedPriorExecution[] {
  if (b.phase !== 'budget') return []
  return (b.itemStatements ?? []).flatMap((s) => {
    const c = s.compared
    if (!c || c.basis !== 'priorExecution') return []
    const name = s.name ?? b.functionalTree.byCode.get(s.code)?.name
    return [
      {
        code: s.code,
        ...(name ? { name } : {}),
        year: c.year,
        executed: c.amount,
        ...(s.amount !== undefined ? { budget: s.amount, change: subtractAmounts(s.amount, c.amount) } : {}),
        ...(s.percent !== undefined ? { percent: s.percent } : {}),
        ...(s.reason ? { reason: s.reason } : {}),
      },
    ]
  })
}

/** What the CSV export needs from the UI (the same as every export's context). */
interface ExecutionCsvContext {
  t: (key: string, params?: Record<string, string | number>) => string
  /** Data text in the reader's language. */
  tx: (text: Text) => string
  /** A 万元 amount in the reader's unit, as a number (exact). */
  amount: (value: number) => number
}

/** The comparison as CSV rows: one header, then every row of each classification; absent figures are empty fields, never 0. */
export function buildExecutionCsvRows(e: Execution, ctx: ExecutionCsvContext): (string | number | null)[][] {
  const columns = ['code', 'name', 'budget', 'actual', 'difference', 'rate', 'flag', 'statedBudget', 'reason'] as const
  const rows: (string | number | null)[][] = [[ctx.t('execution.export'), ...(e.source === 'statedByFinal' ? [ctx.t('execution.sources.statedByFinal')] : [])]]
  const amount = (x: number | undefined) => (x === undefined ? null : ctx.amount(x))
  for (const table of [e.functional, ...(e.economic ? [e.economic] : [])]) {
    rows.push([], [ctx.t(`execution.classification.${table.classification}`)], columns.map((c) => ctx.t(`execution.table.${c}`)))
    for (const r of table.rows)
      rows.push([
        r.code,
        `${'  '.repeat(r.depth)}${ctx.tx(r.name)}`,
        amount(r.budget),
        amount(r.actual),
        amount(r.difference),
        r.rate ?? null,
        r.flag ? ctx.t(`execution.flag.${r.flag}`, { threshold: EXECUTION_FLAG_PERCENT }) : r.presence !== 'both' ? ctx.t(`execution.presence.${r.presence}`) : null,
        amount(r.statedBudget),
        r.reason ? ctx.tx(r.reason) : null,
      ])
  }
  return rows
}

/** A row's bars on a scale shared by all rows given: widths in % of the largest figure (absent where the figure is). */
export function computeExecutionBars(rows: readonly ExecutionRow[]): { row: ExecutionRow; budgetWidth?: number; actualWidth?: number }[] {
  const max = Math.max(0, ...rows.flatMap((r) => [r.budget ?? 0, r.actual ?? 0]))
  const width = (x: number | undefined) => (x === undefined ? undefined : max > 0 ? (Math.max(0, x) / max) * 100 : 0)
  return rows.map((row) => ({ row, ...defined('budgetWidth', width(row.budget)), ...defined('actualWidth', width(row.actual)) }))
}

function defined<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>)
}
