/**
 * Year-on-year comparison: every figure a budget gives for its own year and an earlier one,
 * with the change, the percentage and the stated reason. Pure; components only render it.
 *
 * The prior-year figure of an item comes from, in order: the earlier year's own dataset when
 * the catalogue holds it (`otherDataset`); else the budget's own statement, either a stated
 * figure (table 9) or one derived from the stated change (`computeYearChange`). The functional
 * and economic detail has no prior figure in the document (`notPublished`, never 0), except a 项 whose
 * prior-year execution the document states itself (`itemStatements`): that figure is the prior, and a
 * base-year dataset's own figure is shown beside it. Headings are matched by code only.
 */
import { EDITORIAL_PATHS } from './editorialPaths'
import { decimalsOf, roundHalfAway, sumAmounts } from './numeric'
import { computeYearChange, selectThreePublicRow, type YearChange } from './derive'
import { THREE_PUBLIC_ITEMS, type ThreePublicItem } from './schema'
import { compareCodePresence, selectStatedPriors, type StatedPrior } from './series'
import { flattenTree } from './tree'
import type { Budget, ClassNode, ClassTree, Classification, Text } from './types'

/** Where a prior-year figure comes from (statedExecution: the document's own 上年执行数 of a 项). */
export const PRIOR_SOURCES = ['stated', 'derived', 'otherDataset', 'statedExecution'] as const
export type PriorSource = (typeof PRIOR_SOURCES)[number]

/** Why an item has no prior figure: the document gives none, or the prior dataset lists no such row. */
export const MISSING_REASONS = ['notPublished', 'notListed'] as const
export type MissingReason = (typeof MISSING_REASONS)[number]

/** The groups of headline items, in display order. */
export const COMPARE_GROUPS = ['totals', 'projectCategories', 'threePublic', 'operatingCosts'] as const
export type CompareGroup = (typeof COMPARE_GROUPS)[number] | Classification

/**
 * agrees / differs: the document states a %, and ours rounds to it (or not); computed: only ours;
 * zeroBase: the prior is 0, so there is no meaningful %; noPrior: no prior figure.
 */
export const PERCENT_STATUSES = ['agrees', 'differs', 'computed', 'zeroBase', 'noPrior'] as const
export type PercentStatus = (typeof PERCENT_STATUSES)[number]

export type Direction = 'up' | 'down' | 'none'

/** Decimals shown for a % the document does not state: −15.97 → "−16.0%". */
export const DEFAULT_PERCENT_DECIMALS = 1

/** A prior-year figure with its origin: { value: 2374, source: 'derived', year: 2022 }. */
export interface PriorFigure {
  value: number
  source: PriorSource
  year: number
}

/** A percentage change as computed from the amounts, beside the document's own. */
export interface ComparePercent {
  status: PercentStatus
  /** change ÷ prior × 100, unrounded; absent for a zero or unknown base. */
  computed?: number
  /** The precision to show: the stated %'s ("−7" → 0, "6.4" → 1), else `DEFAULT_PERCENT_DECIMALS`. */
  decimals: number
  /** `computed` rounded half away from zero to `decimals`: −6.866 → −7. */
  rounded?: number
  /** The document's stated % (only against the year just before). */
  stated?: number
}

/** One compared figure. */
export interface CompareItem {
  /** Stable id: "expenditure", "project.partyBuilding", "threePublic.reception", "functional.2011308". */
  id: string
  group: CompareGroup
  /** A message key under `compare.item` for fixed items, or the data's own name (and code). */
  label: { key: string } | { name: Text; code?: string }
  /** Nesting for display: 公务用车购置费 under 公务用车…小计, 款 under 类. */
  depth: number
  /** The budget year's figure; absent only for a row the prior dataset has and this one lacks. */
  current?: number
  prior?: PriorFigure
  /** Why `prior` is absent. */
  priorMissing?: MissingReason
  /** current − prior in 万元. */
  change?: number
  /** stated: the document gives this change; computed: we subtracted. */
  changeSource?: 'stated' | 'computed'
  direction: Direction
  /** From 0 to a positive figure: shown as "new", with no %. */
  isNew: boolean
  percent: ComparePercent
  /** The document's stated reasons, in its order (empty when it gives none). */
  reasons: Text[]
  /** The dataset path of each reason, in the same order, for editorial notes on its text (see `editorial.ts`). */
  reasonPaths?: string[]
  /** The id of the item that carries these same reasons (支出 shares 收入's "预算收支减少主要原因"). */
  reasonsSharedWith?: string
  /** Another note of the document on this item (the abroad-travel zero-base note). */
  note?: Text
  /** When the prior comes from another dataset: the prior figure this budget itself states or implies. */
  documentPrior?: { value: number; derived: boolean; agrees: boolean }
  /** When the prior is the document's stated execution: the base year's dataset's own figure for the heading. */
  datasetPrior?: { value: number; year: number; agrees: boolean }
  /** A heading one year lists and the other does not (by code): added since the base year, or removed. */
  codeChange?: 'added' | 'removed'
}

/** A budget compared with one earlier year. */
export interface Comparison {
  year: number
  baseYear: number
  /** Years it can be compared with, latest first: the year before, and any earlier dataset. */
  baseYears: number[]
  /** The id of the base year's own dataset, when it is used. */
  baseDatasetId?: string
  /** Headline items in `COMPARE_GROUPS` order. */
  items: CompareItem[]
  /** Every 类/款/项 row of tables 3/7 and 8. */
  detail: Record<Classification, CompareItem[]>
}

export { roundHalfAway }

/** The % change of `change` on `prior`, rounded to the stated %'s precision and checked against it. */
export function computeChangePercent(change: number | undefined, prior: number | undefined, stated?: number): ComparePercent {
  const decimals = stated !== undefined ? decimalsOf(stated) : DEFAULT_PERCENT_DECIMALS
  const base = { decimals, ...(stated !== undefined ? { stated } : {}) }
  if (change === undefined || prior === undefined) return { status: 'noPrior', ...base }
  if (prior === 0) return { status: 'zeroBase', ...base }
  const computed = (change / prior) * 100
  const rounded = roundHalfAway(computed, decimals)
  const status: PercentStatus = stated === undefined ? 'computed' : rounded === stated ? 'agrees' : 'differs'
  return { status, computed, rounded, ...base }
}

/** ▲ for a rise, ▼ for a fall, none for 0 or unknown. */
export function computeDirection(change: number | undefined): Direction {
  return change === undefined || change === 0 ? 'none' : change > 0 ? 'up' : 'down'
}

/** What one item is made of before comparing. */
interface ItemInput {
  id: string
  group: CompareGroup
  label: CompareItem['label']
  depth?: number
  current?: number
  /** What this budget says about the year before (absent: nothing). */
  own?: YearChange
  /** The figure in the base year's dataset; `null` when that dataset exists but lacks the item. */
  other?: number | null
  reasons?: Text[]
  reasonPaths?: string[]
  reasonsSharedWith?: string
  note?: Text
  /** The document's own prior-year execution figure for this heading (detail only). */
  statedExecution?: StatedPrior
  codeChange?: CompareItem['codeChange']
}

/** How the base year is read: from its own dataset or from this budget's statements. */
interface BaseContext {
  baseYear: number
  /** Whether the base year is the year just before (only then do stated changes and reasons apply). */
  adjacent: boolean
  other?: Budget
}

function buildItem(input: ItemInput, ctx: BaseContext): CompareItem {
  const { current, own } = input
  let prior: PriorFigure | undefined
  let change: number | undefined
  let changeSource: CompareItem['changeSource']
  let documentPrior: CompareItem['documentPrior']
  let datasetPrior: CompareItem['datasetPrior']
  let stated = ctx.adjacent ? own?.statedPercent : undefined
  const execution = input.statedExecution
  if (execution) {
    prior = { value: execution.value, source: 'statedExecution', year: execution.year }
    if (current !== undefined) {
      change = sumAmounts([current, -execution.value])
      changeSource = 'computed'
    }
    stated = execution.percent
    if (input.other !== undefined && input.other !== null)
      datasetPrior = { value: input.other, year: ctx.baseYear, agrees: input.other === execution.value }
  } else if (ctx.other) {
    if (input.other !== undefined && input.other !== null) prior = { value: input.other, source: 'otherDataset', year: ctx.baseYear }
    if (prior && current !== undefined) {
      change = sumAmounts([current, -prior.value])
      changeSource = ctx.adjacent && own?.change === change ? 'stated' : 'computed'
    }
    if (prior && ctx.adjacent && own?.prior)
      documentPrior = { value: own.prior.value, derived: own.prior.derived, agrees: own.prior.value === prior.value }
  } else if (own?.prior) {
    prior = { value: own.prior.value, source: own.prior.derived ? 'derived' : 'stated', year: ctx.baseYear }
    change = own.change
    changeSource = 'stated'
  }
  const priorMissing: MissingReason | undefined = prior ? undefined : input.other === null ? 'notListed' : 'notPublished'
  return {
    id: input.id,
    group: input.group,
    label: input.label,
    depth: input.depth ?? 0,
    ...(current !== undefined ? { current } : {}),
    ...(prior ? { prior } : { priorMissing }),
    ...(change !== undefined ? { change, changeSource } : {}),
    direction: computeDirection(change),
    isNew: prior?.value === 0 && current !== undefined && current > 0,
    percent: computeChangePercent(change, prior?.value, stated),
    reasons: ctx.adjacent ? (input.reasons ?? []) : [],
    ...(ctx.adjacent && input.reasonPaths ? { reasonPaths: input.reasonPaths } : {}),
    ...(ctx.adjacent && input.reasonsSharedWith ? { reasonsSharedWith: input.reasonsSharedWith } : {}),
    ...(input.note ? { note: input.note } : {}),
    ...(documentPrior ? { documentPrior } : {}),
    ...(datasetPrior ? { datasetPrior } : {}),
    ...(input.codeChange ? { codeChange: input.codeChange } : {}),
  }
}

/** The value a dataset gives, or `null` when the dataset exists but lacks it. */
function valueIn<T>(other: Budget | undefined, pick: (o: Budget) => T | undefined): T | null | undefined {
  if (!other) return undefined
  return pick(other) ?? null
}

function headlineInputs(b: Budget, other: Budget | undefined): ItemInput[] {
  const reasonsOf = (c?: { reason?: Text }): Text[] => (c?.reason ? [c.reason] : [])
  const ov = b.overview
  const inputs: ItemInput[] = (['income', 'expenditure'] as const).flatMap((k) => {
    const stated = ov?.[k]
    if (!stated) return []
    return [
      {
        id: k,
        // The document gives one paragraph of reasons for income and spending together.
        ...(k === 'expenditure' && ov?.income ? { reasonsSharedWith: 'income' } : {}),
        group: 'totals' as const,
        label: { key: k },
        current: stated.amount,
        own: computeYearChange(stated.amount, stated.change),
        other: valueIn(other, (o) => o.overview?.[k]?.amount),
        reasons: [...reasonsOf(stated.change), ...(ov?.changeReasons ?? [])],
      },
    ]
  })
  const categories = b.projectExpenditure?.categories ?? []
  const otherCategories = other?.projectExpenditure?.categories ?? []
  const categoryIds = [...new Set([...categories, ...otherCategories].map((c) => c.id))]
  for (const id of categoryIds) {
    const c = categories.find((x) => x.id === id)
    const o = otherCategories.find((x) => x.id === id)
    const name = c?.name ?? o?.name
    if (!name) continue
    inputs.push({
      id: `project.${id}`,
      group: 'projectCategories',
      label: { name },
      ...(c
        ? { current: c.amount, own: computeYearChange(c.amount, c.change), reasons: reasonsOf(c.change), reasonPaths: [EDITORIAL_PATHS.categoryChangeReason(c.id)] }
        : {}),
      other: valueIn(other, () => o?.amount),
    })
  }
  inputs.push(...threePublicInputs(b, other))
  const oc = b.operatingCosts
  if (oc)
    inputs.push({
      id: 'operatingCosts',
      group: 'operatingCosts',
      label: { key: 'operatingCosts' },
      current: oc.amount,
      own: computeYearChange(oc.amount, oc.change),
      other: valueIn(other, (o) => o.operatingCosts?.amount),
      reasons: reasonsOf(oc.change),
      reasonPaths: [EDITORIAL_PATHS.operatingCostsReason],
    })
  return inputs
}

const THREE_PUBLIC_DEPTH: Record<ThreePublicItem, number> = {
  total: 0,
  abroad: 1,
  reception: 1,
  vehicles: 1,
  vehiclePurchase: 2,
  vehicleOperation: 2,
}

function threePublicInputs(b: Budget, other: Budget | undefined): ItemInput[] {
  const tp = b.threePublic
  const cur = selectThreePublicRow(b, b.year)
  if (!tp || !cur) return []
  const prev = selectThreePublicRow(b, b.year - 1)
  const otherRow = other ? selectThreePublicRow(other, other.year) : undefined
  return THREE_PUBLIC_ITEMS.flatMap((item) => {
    const now = cur[item]
    if (now === undefined) return []
    const reason = tp.reasons?.[item]
    const percent = item === 'total' ? tp.percent?.total : undefined
    const stated = tp.change?.[item]
    const change = prev && stated !== undefined ? { amount: stated, ...(percent !== undefined ? { percent } : {}) } : undefined
    return {
      id: `threePublic.${item}`,
      group: 'threePublic',
      label: { key: `threePublic.${item}` },
      depth: THREE_PUBLIC_DEPTH[item],
      current: now,
      own: computeYearChange(now, change, prev?.[item]),
      other: valueIn(other, () => otherRow?.[item]),
      reasons: reason ? [reason] : [],
      ...(item === 'abroad' && tp.abroadNote ? { note: tp.abroadNote } : {}),
    }
  })
}

const DEPTH_BY_LEVEL: Record<ClassNode['level'], number> = { class: 0, section: 1, item: 2 }

/** This year's rows in published order, with rows only the prior dataset has placed after their parent's subtree. */
function mergeRows(tree: ClassTree, otherTree: ClassTree | undefined): ClassNode[] {
  const rows = flattenTree(tree)
  if (!otherTree) return rows
  for (const n of flattenTree(otherTree)) {
    if (tree.byCode.has(n.code)) continue
    const parent = n.parentCode
    const lastInParent = parent ? rows.map((r) => r.code.startsWith(parent)).lastIndexOf(true) : -1
    rows.splice(lastInParent < 0 ? rows.length : lastInParent + 1, 0, n)
  }
  return rows
}

function detailInputs(b: Budget, classification: Classification, ctx: BaseContext): ItemInput[] {
  const { other } = ctx
  const treeOf = (x: Budget): ClassTree | undefined => (classification === 'functional' ? x.functionalTree : x.economicTree)
  const tree = treeOf(b)
  if (!tree) return []
  const otherTree = other ? treeOf(other) : undefined
  // The document's stated prior-year execution of its 项 (functional codes), against the year just before only.
  const statedPriors = classification === 'functional' && ctx.adjacent ? selectStatedPriors(b, ctx.baseYear) : new Map<string, StatedPrior>()
  return mergeRows(tree, otherTree).map((n) => {
    const current = tree.byCode.get(n.code)?.total
    const statedExecution = statedPriors.get(n.code)
    const codeChange = compareCodePresence(n.code, current !== undefined, otherTree)
    return {
      id: `${classification}.${n.code}`,
      group: classification,
      label: { name: n.name, code: n.code },
      depth: DEPTH_BY_LEVEL[n.level],
      ...(current !== undefined ? { current } : {}),
      other: valueIn(other, () => otherTree?.byCode.get(n.code)?.total),
      ...(statedExecution ? { statedExecution } : {}),
      ...(codeChange ? { codeChange } : {}),
    }
  })
}

/** The years a budget can be compared with, latest first: its year before, and earlier datasets of its department. */
export function computeBaseYears(b: Budget, otherYears: ReadonlyMap<number, Budget>): number[] {
  const years = new Set([b.year - 1])
  for (const [year, o] of otherYears) if (year < b.year && o.departmentId === b.departmentId) years.add(year)
  return [...years].sort((a, z) => z - a)
}

/**
 * Compares a budget with `baseYear` (default: the year before). `otherYears` are the department's
 * other datasets from the store; the base year's own dataset, when present, supplies the prior figures.
 */
export function computeComparison(b: Budget, otherYears: ReadonlyMap<number, Budget>, baseYear?: number): Comparison {
  const baseYears = computeBaseYears(b, otherYears)
  const base = baseYear !== undefined && baseYears.includes(baseYear) ? baseYear : b.year - 1
  const candidate = otherYears.get(base)
  const other = candidate && candidate.departmentId === b.departmentId ? candidate : undefined
  const ctx: BaseContext = { baseYear: base, adjacent: base === b.year - 1, ...(other ? { other } : {}) }
  const build = (inputs: ItemInput[]): CompareItem[] => inputs.map((i) => buildItem(i, ctx))
  return {
    year: b.year,
    baseYear: base,
    baseYears,
    ...(other ? { baseDatasetId: other.id } : {}),
    items: build(headlineInputs(b, other)),
    detail: {
      functional: build(detailInputs(b, 'functional', ctx)),
      economic: build(detailInputs(b, 'economic', ctx)),
    },
  }
}

/** Bar lengths of one item, in % of the track: the group's largest figure fills it. */
export interface PairedBar {
  item: CompareItem
  /** Absent when there is no prior figure. */
  priorWidth?: number
  currentWidth?: number
}

/** Paired bars for a set of items on one shared scale: 2,374 vs 2,211 → 100% and 93.1%. */
export function computePairedBars(items: readonly CompareItem[]): PairedBar[] {
  const values = items.flatMap((i) => [i.current, i.prior?.value]).filter((v): v is number => v !== undefined)
  const max = Math.max(0, ...values.map(Math.abs))
  const width = (v: number | undefined): number | undefined => (v === undefined ? undefined : max === 0 ? 0 : (Math.abs(v) / max) * 100)
  return items.map((item) => {
    const priorWidth = width(item.prior?.value)
    const currentWidth = width(item.current)
    return { item, ...(priorWidth !== undefined ? { priorWidth } : {}), ...(currentWidth !== undefined ? { currentWidth } : {}) }
  })
}

/** The headline items of a group, e.g. the three project categories. */
export function selectGroup(c: Comparison, group: CompareGroup): CompareItem[] {
  return c.items.filter((i) => i.group === group)
}
