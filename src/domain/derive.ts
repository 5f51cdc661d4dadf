/**
 * Pure derivations from a validated budget. Components ask these; they never add up figures.
 * Anything not stated in the document comes back flagged `derived: true`.
 */
import { sumAmounts } from './numeric'
import { computeShare } from './format'
import type { Budget, Text } from './types'

/** A figure with where it came from: stated in the document, or derived by us from stated ones. */
export interface Figure {
  value: number
  /** true when we computed it (e.g. 2022 total = 2,211 − (−163)); the UI labels it "derived". */
  derived: boolean
}

/** A 2023 amount, its prior-year amount and the change, as far as the document allows. */
export interface YearChange {
  current: number
  /** Prior-year amount: stated (table 9) or derived from the stated change. */
  prior?: Figure
  /** Change in 万元, as stated. */
  change?: number
  /** Percent change as stated by the document (rounded by it), when it states one. */
  statedPercent?: number
  /** Percent change computed from the amounts (unrounded), when the prior is not 0. */
  computedPercent?: number
  reason?: Text
}

/** Prior = current − change; labelled derived. */
export function computePrior(current: number, change: number): Figure {
  return { value: sumAmounts([current, -change]), derived: true }
}

/** Builds a `YearChange` from a stated amount and an optional stated change. */
export function computeYearChange(
  current: number,
  change?: { amount: number; percent?: number; reason?: Text },
  statedPrior?: number,
): YearChange {
  const prior: Figure | undefined =
    statedPrior !== undefined ? { value: statedPrior, derived: false } : change ? computePrior(current, change.amount) : undefined
  const delta = change?.amount ?? (prior ? sumAmounts([current, -prior.value]) : undefined)
  return {
    current,
    ...(prior ? { prior } : {}),
    ...(delta !== undefined ? { change: delta } : {}),
    ...(change?.percent !== undefined ? { statedPercent: change.percent } : {}),
    ...(prior && prior.value !== 0 && delta !== undefined ? { computedPercent: (delta / prior.value) * 100 } : {}),
    ...(change?.reason ? { reason: change.reason } : {}),
  }
}

/** A 三公 budget row (预算数) of a year, when the table prints one. */
export function selectThreePublicRow(b: Budget, year: number): NonNullable<Budget['threePublic']>['years'][number] | undefined {
  return b.threePublic?.years.find((y) => y.year === year && y.basis !== 'final')
}

/** One part of a whole with its share: { value: 1361, share: 61.6 }. */
export interface Part {
  value: number
  /** Percent of the whole (unrounded). */
  share: number
}

/** The headline figures of the overview. */
export interface OverviewFigures {
  year: number
  priorYear: number
  /** The year's spending: as the prose states it with its change, else the functional table's total. */
  expenditure: YearChange
  /** Income as the prose states it, when it does. */
  income?: YearChange
  /** Basic and project spending, when the functional table splits them. */
  basic?: Part
  project?: Part
  /** 三公经费, current year against prior year (the 三公 table's budget rows, 预算数), when published. */
  threePublic?: YearChange
  /**
   * The balances the summary table prints beside the year's income and spending, when one is not 0:
   * brought in (上年结余、结转 / 年初结转和结余) and carried forward (结转下年 / 年末结转和结余), absent when not printed.
   */
  balances?: { carriedOver?: number; carryForward?: number }
  staffing?: NonNullable<NonNullable<Budget['profile']>['staffing']>
  changeReasons: Text[]
}

/** Headline figures: "2,211 万元, −163 (−7%) vs 2022; basic 1,361 (61.6%), project 850 (38.4%)". */
export function computeOverview(b: Budget): OverviewFigures {
  const total = b.functionalTree.total
  const tp = b.threePublic
  const cur = selectThreePublicRow(b, b.year)
  const prev = selectThreePublicRow(b, b.year - 1)
  const ov = b.overview
  const { basic, project } = b.functionalTree
  const staffing = b.profile?.staffing
  const inc = b.incomeStatement
  const balances = inc?.carriedOver || inc?.carryForward ? { carriedOver: inc.carriedOver, carryForward: inc.carryForward } : undefined
  const tpChange = tp?.change?.total ?? (cur?.total !== undefined && prev?.total !== undefined ? sumAmounts([cur.total, -prev.total]) : undefined)
  return {
    year: b.year,
    priorYear: b.year - 1,
    expenditure: ov?.expenditure ? computeYearChange(ov.expenditure.amount, ov.expenditure.change) : computeYearChange(total),
    ...(ov?.income ? { income: computeYearChange(ov.income.amount, ov.income.change) } : {}),
    ...(basic !== undefined ? { basic: { value: basic, share: computeShare(basic, total) } } : {}),
    ...(project !== undefined ? { project: { value: project, share: computeShare(project, total) } } : {}),
    ...(cur?.total !== undefined
      ? {
          threePublic: computeYearChange(
            cur.total,
            prev && tpChange !== undefined
              ? { amount: tpChange, ...(tp?.percent?.total !== undefined ? { percent: tp.percent.total } : {}), ...(tp?.reasons?.total ? { reason: tp.reasons.total } : {}) }
              : undefined,
            prev?.total,
          ),
        }
      : {}),
    ...(balances ? { balances } : {}),
    ...(staffing ? { staffing } : {}),
    changeReasons: ov?.changeReasons ?? [],
  }
}

/** The 类 rows of a classification with their share of the total, largest first. */
export function computeLargestClasses(b: Budget, classification: 'functional' | 'economic', n = 3): { code: string; name: Text; value: number; share: number }[] {
  const tree = classification === 'functional' ? b.functionalTree : b.economicTree
  if (!tree) return []
  return [...tree.roots]
    .sort((a, z) => z.total - a.total)
    .slice(0, n)
    .map((r) => ({ code: r.code, name: r.name, value: r.total, share: computeShare(r.total, tree.total) }))
}

/** A project category of part three with its share of project spending and its largest table 12 task. */
export interface ProjectCategoryFigures {
  id: string
  name: Text
  amount: number
  /** Percent of project spending (unrounded, derived). */
  share: number
  /** Against the prior year, as stated in part three. */
  change: YearChange
  /** The category's largest performance task by 总额, when it lists any (the grouping is this site's reading). */
  largestTask?: { id: string; name: Text; total: number }
}

/** Project categories in published order: "招商引资 528 万元 · 62.1% · +82 (18%) · largest task 2023 年招商大会工作 130". */
export function computeProjectCategories(b: Budget): ProjectCategoryFigures[] {
  const pe = b.projectExpenditure
  if (!pe) return []
  const tasks = new Map((b.performance?.tasks ?? []).map((t) => [t.id, t]))
  return pe.categories.map((c) => {
    const own = (c.taskIds ?? []).flatMap((id) => tasks.get(id) ?? [])
    const largest = own.reduce<(typeof own)[number] | undefined>((best, t) => (!best || t.total > best.total ? t : best), undefined)
    return {
      id: c.id,
      name: c.name,
      amount: c.amount,
      share: computeShare(c.amount, pe.amount),
      change: computeYearChange(c.amount, c.change),
      ...(largest ? { largestTask: { id: largest.id, name: largest.name, total: largest.total } } : {}),
    }
  })
}

/** Where the money comes from: income lines with no sub-lines and a non-zero amount, largest first, with their share of 收入总计. */
export function computeIncomeSources(b: Budget): { id: string; name: Text; value: number; share: number }[] {
  const inc = b.incomeStatement
  if (!inc) return []
  const whole = inc.incomeGrandTotal ?? inc.currentYearIncome
  const parents = new Set(inc.lines.flatMap((l) => (l.parent ? [l.parent] : [])))
  return inc.lines
    .flatMap((l) => (l.amount !== undefined && l.amount !== 0 && !parents.has(l.id) ? [{ id: l.id, name: l.name, value: l.amount }] : []))
    .sort((a, z) => z.value - a.value)
    .map((l) => ({ ...l, share: computeShare(l.value, whole) }))
}
