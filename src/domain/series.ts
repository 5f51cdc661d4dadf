/**
 * A department over the years: the figures of every dataset the catalogue holds for it (same phase),
 * year by year. Pure; the year-on-year view renders it when there are `SERIES_MIN_YEARS` or more.
 *
 * A year's figure comes from, in order: that year's own document; else the following year's document,
 * either a figure it states for its year before (table 9's prior-year row) or one derived from a
 * change it states (labelled derived). A figure no document gives is absent ("not stated"), never 0.
 * Headings of the classification tables are matched by code only, never by name.
 */
import { computeYearChange, selectThreePublicRow } from './derive'
import { THREE_PUBLIC_EXTRA_ITEMS, THREE_PUBLIC_ITEMS, type ThreePublicExtraItem, type ThreePublicItem } from './schema'
import { flattenTree } from './tree'
import type { Budget, ClassTree, Classification, Text } from './types'

/** The fewest datasets of a department that make a series (with two, the view compares the pair). */
export const SERIES_MIN_YEARS = 3

/** The groups of series lines, in display order. */
export const SERIES_GROUPS = ['totals', 'projectCategories', 'threePublic'] as const
export type SeriesGroup = (typeof SERIES_GROUPS)[number]

/**
 * own: stated in that year's own document; nextDocument: stated for its year before by the following
 * year's document; derived: the following year's figure minus the change its document states.
 */
export const POINT_SOURCES = ['own', 'nextDocument', 'derived'] as const
export type PointSource = (typeof POINT_SOURCES)[number]

/** One year of a line: { year: 2029, value: 30, source: 'derived', documentYear: 2030 }, or { year: 2028 } when not stated. */
export interface SeriesPoint {
  year: number
  /** Absent when no document states or implies the figure. */
  value?: number
  source?: PointSource
  /** The year of the document the figure comes from. */
  documentYear?: number
  /** What the following year's document states or implies for this year, when it differs from the year's own figure. */
  restated?: { value: number; derived: boolean; documentYear: number }
}

/** One figure followed across the years. */
export interface SeriesLine {
  /** "total", "basic", "project", "project.partyBuilding", "threePublic.reception". */
  id: string
  group: SeriesGroup
  /** A message key under `compare.item` for fixed items, or the data's own name. */
  label: { key: string } | { name: Text }
  /** Nesting for display (公务用车购置费 under 公务用车…小计). */
  depth: number
  /** One point per year of `Series.years`, in the same order. */
  points: SeriesPoint[]
}

/** A department's figures year by year. */
export interface Series {
  /** Every year from the first dataset to the last, ascending (a year without a dataset included). */
  years: number[]
  /** The dataset of each year that has one: year → dataset id. */
  datasets: ReadonlyMap<number, string>
  lines: SeriesLine[]
}

/** What one document says about one figure: its own year's value, and the year before as stated or derived. */
interface Reading {
  value?: number
  prior?: { value: number; derived: boolean }
}

/** A line before it is laid on the years: how to read the figure from any one document. */
interface LineSpec {
  id: string
  group: SeriesGroup
  label: SeriesLine['label']
  depth: number
  read: (b: Budget) => Reading
}

/** The datasets of `current`'s department and phase, `current` included, oldest first. */
function selectDepartmentYears(current: Budget, otherYears: ReadonlyMap<number, Budget>): Budget[] {
  const byYear = new Map<number, Budget>([[current.year, current]])
  for (const [year, o] of otherYears)
    if (year !== current.year && o.year === year && o.departmentId === current.departmentId && o.phase === current.phase) byYear.set(year, o)
  return [...byYear.values()].sort((a, z) => a.year - z.year)
}

function readTotal(b: Budget): Reading {
  const value = b.functionalTree.total
  const stated = b.overview?.expenditure
  // The prose's change describes the prose's figure: it gives the year before only when that figure is the table's total.
  const own = stated && stated.amount === value ? computeYearChange(stated.amount, stated.change) : undefined
  return { value, ...(own?.prior ? { prior: own.prior } : {}) }
}

function readCategory(id: string) {
  return (b: Budget): Reading => {
    const c = b.projectExpenditure?.categories.find((x) => x.id === id)
    if (!c) return {}
    const own = computeYearChange(c.amount, c.change)
    return { value: c.amount, ...(own.prior ? { prior: own.prior } : {}) }
  }
}

function readThreePublic(item: ThreePublicItem | ThreePublicExtraItem) {
  return (b: Budget): Reading => {
    const value = selectThreePublicRow(b, b.year)?.[item]
    const stated = selectThreePublicRow(b, b.year - 1)?.[item]
    const change = b.threePublic?.change?.[item]
    const prior =
      stated !== undefined
        ? { value: stated, derived: false }
        : value !== undefined && change !== undefined
          ? computeYearChange(value, { amount: change }).prior
          : undefined
    return { ...(value !== undefined ? { value } : {}), ...(prior ? { prior } : {}) }
  }
}

const THREE_PUBLIC_DEPTH: Record<ThreePublicItem | ThreePublicExtraItem, number> = {
  total: 0,
  abroad: 1,
  reception: 1,
  vehicles: 1,
  vehiclePurchase: 2,
  vehicleOperation: 2,
  meetings: 0,
  training: 0,
}

function lineSpecs(budgets: readonly Budget[]): LineSpec[] {
  const specs: LineSpec[] = [{ id: 'total', group: 'totals', label: { key: 'spendingTotal' }, depth: 0, read: readTotal }]
  for (const m of ['basic', 'project'] as const)
    specs.push({ id: m, group: 'totals', label: { key: m }, depth: 1, read: (b) => (b.functionalTree[m] !== undefined ? { value: b.functionalTree[m] } : {}) })
  // Categories by id, in the order the latest document lists them, then those only earlier ones list.
  const names = new Map<string, Text>()
  for (const b of [...budgets].reverse()) for (const c of b.projectExpenditure?.categories ?? []) if (!names.has(c.id)) names.set(c.id, c.name)
  for (const [id, name] of names) specs.push({ id: `project.${id}`, group: 'projectCategories', label: { name }, depth: 0, read: readCategory(id) })
  for (const item of [...THREE_PUBLIC_ITEMS, ...THREE_PUBLIC_EXTRA_ITEMS])
    specs.push({ id: `threePublic.${item}`, group: 'threePublic', label: { key: `threePublic.${item}` }, depth: THREE_PUBLIC_DEPTH[item], read: readThreePublic(item) })
  return specs
}

function pointOf(year: number, own: Reading | undefined, next: Reading | undefined, nextYear: number): SeriesPoint {
  const later = next?.prior
  if (own?.value !== undefined) {
    const restated = later && later.value !== own.value ? { restated: { value: later.value, derived: later.derived, documentYear: nextYear } } : {}
    return { year, value: own.value, source: 'own', documentYear: year, ...restated }
  }
  if (later) return { year, value: later.value, source: later.derived ? 'derived' : 'nextDocument', documentYear: nextYear }
  return { year }
}

/**
 * The department's series, or null with fewer than `SERIES_MIN_YEARS` datasets of its department and
 * phase: total, basic and project spending, each project category and each 三公 item, year by year.
 * A line no year states is left out; a year that does not state a line's figure has a point without value.
 */
export function computeSeries(current: Budget, otherYears: ReadonlyMap<number, Budget>): Series | null {
  const budgets = selectDepartmentYears(current, otherYears)
  if (budgets.length < SERIES_MIN_YEARS) return null
  const first = Math.min(...budgets.map((b) => b.year))
  const last = Math.max(...budgets.map((b) => b.year))
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  const lines = lineSpecs(budgets).flatMap((spec): SeriesLine[] => {
    const readings = new Map(budgets.map((b) => [b.year, spec.read(b)]))
    const points = years.map((y) => pointOf(y, readings.get(y), readings.get(y + 1), y + 1))
    if (points.every((p) => p.value === undefined)) return []
    return [{ id: spec.id, group: spec.group, label: spec.label, depth: spec.depth, points }]
  })
  return { years, datasets: new Map(budgets.map((b) => [b.year, b.id])), lines }
}

/** Bar heights of a line, in % of its own largest figure; absent where the figure is: [30, 30, 40] → [75, 75, 100]. */
export function computeSeriesBars(line: SeriesLine): (number | undefined)[] {
  const max = Math.max(0, ...line.points.flatMap((p) => (p.value === undefined ? [] : [Math.abs(p.value)])))
  return line.points.map((p) => (p.value === undefined ? undefined : max === 0 ? 0 : (Math.abs(p.value) / max) * 100))
}

/** The lines of one group, in order. */
export function selectSeriesGroup(s: Series, group: SeriesGroup): SeriesLine[] {
  return s.lines.filter((l) => l.group === group)
}

/** A heading that one dataset lists and the one before it does not (added), or the reverse (removed). */
export interface CodeChange {
  classification: Classification
  code: string
  /** The name in the dataset that lists it (the later one for `added`, the earlier for `removed`). */
  name: Text
  kind: 'added' | 'removed'
  /** The year of the dataset that lists it, or first no longer lists it. */
  year: number
  /** The year of the dataset compared with. */
  since: number
}

/** Whether a heading of `tree` is listed in `other` (by code, never by name), as `added` / `removed` or nothing. */
export function compareCodePresence(code: string, inCurrent: boolean, other: ClassTree | undefined): 'added' | 'removed' | undefined {
  if (!other) return undefined
  const inOther = other.byCode.has(code)
  return inCurrent && !inOther ? 'added' : !inCurrent && inOther ? 'removed' : undefined
}

/**
 * Every heading added or removed between consecutive datasets of the series (by code only: a heading
 * renamed under the same code is the same heading; one moved to a new code is removed and added).
 */
export function computeCodeChanges(current: Budget, otherYears: ReadonlyMap<number, Budget>): CodeChange[] {
  const budgets = selectDepartmentYears(current, otherYears)
  const pairs = budgets.slice(1).map((b, i) => [budgets[i], b] as const)
  const changes: CodeChange[] = []
  for (const classification of ['functional', 'economic'] as const) {
    const treeOf = (b: Budget | undefined): ClassTree | undefined => (classification === 'functional' ? b?.functionalTree : b?.economicTree)
    for (const [earlier, later] of pairs) {
      const before = treeOf(earlier)
      const after = treeOf(later)
      // A table one year does not publish says nothing about its headings.
      if (!earlier || !before || !after) continue
      const [since, year] = [earlier.year, later.year]
      for (const n of flattenTree(after)) if (!before.byCode.has(n.code)) changes.push({ classification, code: n.code, name: n.name, kind: 'added', year, since })
      for (const n of flattenTree(before)) if (!after.byCode.has(n.code)) changes.push({ classification, code: n.code, name: n.name, kind: 'removed', year, since })
    }
  }
  return changes
}

/** A prior-year figure a document states itself for one 项 (Shanghai's 上年当年预算执行数). */
export interface StatedPrior {
  code: string
  value: number
  year: number
  /** The % change the document states against it, when it does. */
  percent?: number
}

/** The document's own prior-year execution figures (`itemStatements[].compared`, basis priorExecution) for `year`, by code. */
export function selectStatedPriors(b: Budget, year: number): Map<string, StatedPrior> {
  const out = new Map<string, StatedPrior>()
  for (const s of b.itemStatements ?? []) {
    const c = s.compared
    if (!c || c.basis !== 'priorExecution' || c.year !== year || out.has(s.code)) continue
    out.set(s.code, { code: s.code, value: c.amount, year: c.year, ...(s.percent !== undefined ? { percent: s.percent } : {}) })
  }
  return out
}
