/**
 * Items a deputy may want to ask about, found automatically, and the figures of any noted item.
 *
 * Flagged: changes of 10% or more (the document's stated % where it gives one, else computed from
 * the amounts and marked so), new items (prior 0 → current > 0), every change of a 三公 item, and
 * every reconciliation check whose verdict is not `ok`. Pure: the notes view only renders this.
 */
import type { Check, Verdict } from './checks'
import { computeYearChange, selectThreePublicRow, type YearChange } from './derive'
import type { ItemRef } from './notes'
import { THREE_PUBLIC_ITEMS, type ThreePublicItem } from './schema'
import { flattenTree } from './tree'
import type { Budget, Text } from './types'

/** A change of this many percent or more, either way, is flagged. */
export const CHANGE_THRESHOLD_PERCENT = 10

/** Why an item is flagged. */
export const FLAG_REASONS = ['bigChange', 'new', 'threePublic', 'check'] as const
export type FlagReason = (typeof FLAG_REASONS)[number]

/** Names of an item's figures, as message keys under `notes.figure`. */
export const FIGURE_NAMES = ['total', 'basic', 'project', 'amount', 'fiscal', 'other', 'prior', 'change', 'left', 'right', 'difference'] as const
export type FigureName = (typeof FIGURE_NAMES)[number]

/** One figure of an item, in 万元: `{ name: 'prior', value: 22, derived: true, year: 2022 }`. */
export interface ItemFigure {
  name: FigureName
  value: number
  /** Computed by us from stated figures (shown with the "derived" tag). */
  derived?: boolean
  /** The year it belongs to, for prior and current figures. */
  year?: number
  /** A change: shown with a sign. */
  signed?: boolean
}

/** A percent change, stated by the document or computed by us. */
export interface ItemPercent {
  value: number
  stated: boolean
}

/** What the brief shows about an item. */
export interface ItemDetails {
  ref: ItemRef
  /** false when the item is not in this dataset (a note outlived its item): the note is still shown. */
  found: boolean
  name?: Text
  code?: string
  /** A fixed label (message key) for items the data does not name: 三公 columns, checks. */
  labelKey?: string
  figures: ItemFigure[]
  percent?: ItemPercent
  /** A performance target as written ("≥4 次"). */
  target?: Text
  /** The document's stated reason for a change. */
  reason?: Text
  verdict?: Verdict
  /** For a check: the check itself, so the UI can say in words what each side is. */
  check?: Check
}

/** A flagged item and why. */
export interface FlaggedItem {
  details: ItemDetails
  reasons: FlagReason[]
}

/** The prior and change figures of a `YearChange`, plus its percent (stated first). */
function changeFigures(yc: YearChange, priorYear: number): { figures: ItemFigure[]; percent?: ItemPercent } {
  const figures: ItemFigure[] = []
  if (yc.prior) figures.push({ name: 'prior', value: yc.prior.value, year: priorYear, ...(yc.prior.derived ? { derived: true } : {}) })
  if (yc.change !== undefined) figures.push({ name: 'change', value: yc.change, signed: true })
  const percent =
    yc.statedPercent !== undefined ? { value: yc.statedPercent, stated: true } : yc.computedPercent !== undefined ? { value: yc.computedPercent, stated: false } : undefined
  return { figures, ...(percent ? { percent } : {}) }
}

function threePublicChange(b: Budget, item: ThreePublicItem): YearChange | undefined {
  const tp = b.threePublic
  const cur = selectThreePublicRow(b, b.year)
  const now = cur?.[item]
  if (!tp || now === undefined) return undefined
  const prev = selectThreePublicRow(b, b.year - 1)
  const percent = item === 'total' ? tp.percent?.total : undefined
  const stated = tp.change?.[item]
  const reason = tp.reasons?.[item]
  const change = prev && stated !== undefined ? { amount: stated, ...(percent !== undefined ? { percent } : {}), ...(reason ? { reason } : {}) } : undefined
  return computeYearChange(now, change, prev?.[item])
}

/** The figures of one item of a budget; `found: false` when the budget has no such item. */
export function computeItemDetails(b: Budget, ref: ItemRef, checks: readonly Check[]): ItemDetails {
  const missing: ItemDetails = { ref, found: false, figures: [] }
  const year = b.year
  switch (ref.kind) {
    case 'functional':
    case 'economic': {
      const node = (ref.kind === 'functional' ? b.functionalTree : b.economicTree)?.byCode.get(ref.key)
      if (!node) return missing
      const figures: ItemFigure[] = (['total', 'basic', 'project'] as const).flatMap((m) => {
        const value = node[m]
        return value === undefined ? [] : [{ name: m, value, year }]
      })
      return { ref, found: true, name: node.name, code: node.code, figures }
    }
    case 'category': {
      const c = b.projectExpenditure?.categories.find((x) => x.id === ref.key)
      if (!c) return missing
      const { figures, percent } = changeFigures(computeYearChange(c.amount, c.change), year - 1)
      const reason = c.change?.reason
      return { ref, found: true, name: c.name, figures: [{ name: 'amount', value: c.amount, year }, ...figures], ...(percent ? { percent } : {}), ...(reason ? { reason } : {}) }
    }
    case 'task': {
      const task = b.performance?.tasks.find((x) => x.id === ref.key)
      if (!task) return missing
      const figures: ItemFigure[] = (['total', 'fiscal', 'other'] as const).flatMap((m) => {
        const value = task[m]
        return value === undefined ? [] : [{ name: m, value, year }]
      })
      return { ref, found: true, name: task.name, figures }
    }
    case 'indicator': {
      const ind = b.performance?.dimensions.flatMap((d) => d.indicators).find((x) => x.id === ref.key)
      if (!ind) return missing
      const { written, writtenEn } = ind.target
      return { ref, found: true, name: ind.name, figures: [], target: writtenEn ? { zh: written, en: writtenEn } : { zh: written } }
    }
    case 'threePublic': {
      const item = THREE_PUBLIC_ITEMS.find((x) => x === ref.key)
      const yc = item ? threePublicChange(b, item) : undefined
      if (!item || !yc) return missing
      const { figures, percent } = changeFigures(yc, year - 1)
      return { ref, found: true, labelKey: `notes.threePublic.${item}`, figures: [{ name: 'amount', value: yc.current, year }, ...figures], ...(percent ? { percent } : {}), ...(yc.reason ? { reason: yc.reason } : {}) }
    }
    case 'check': {
      const c = checks.find((x) => x.id === ref.key)
      if (!c) return missing
      const figures: ItemFigure[] = [
        { name: 'left', value: c.left.value },
        { name: 'right', value: c.right.value },
        { name: 'difference', value: c.difference, signed: true },
      ]
      return { ref, found: true, figures, verdict: c.verdict, check: c }
    }
  }
}

/** Why a changed item is flagged: ≥ threshold %, new, or a 三公 item that changed at all. */
function changeReasons(d: ItemDetails, threePublic: boolean): FlagReason[] {
  const prior = d.figures.find((f) => f.name === 'prior')?.value
  const change = d.figures.find((f) => f.name === 'change')?.value
  const current = d.figures.find((f) => f.name === 'amount' || f.name === 'total')?.value
  const reasons: FlagReason[] = []
  if (d.percent && Math.abs(d.percent.value) >= CHANGE_THRESHOLD_PERCENT) reasons.push('bigChange')
  if (prior === 0 && current !== undefined && current > 0) reasons.push('new')
  if (threePublic && change !== undefined && change !== 0) reasons.push('threePublic')
  return reasons
}

/** Classification rows compared with the prior year's own dataset, when the catalogue has it. */
function classificationChanges(b: Budget, prior: Budget): ItemDetails[] {
  return (['functional', 'economic'] as const).flatMap((kind) => {
    const tree = kind === 'functional' ? b.functionalTree : b.economicTree
    const priorTree = kind === 'functional' ? prior.functionalTree : prior.economicTree
    if (!tree || !priorTree) return []
    return flattenTree(tree).map((n) => {
      const before = priorTree.byCode.get(n.code)?.total ?? 0
      const yc = computeYearChange(n.total, undefined, before)
      const { figures, percent } = changeFigures(yc, prior.year)
      return { ref: { kind, key: n.code }, found: true, name: n.name, code: n.code, figures: [{ name: 'total' as const, value: n.total, year: b.year }, ...figures], ...(percent ? { percent } : {}) }
    })
  })
}

/**
 * Every flagged item of a budget, in the order: project categories, 三公 items, classification
 * rows (only with the prior year's dataset), checks not ok.
 */
export function computeFlags(b: Budget, checks: readonly Check[], priorBudget?: Budget): FlaggedItem[] {
  const out: FlaggedItem[] = []
  const add = (details: ItemDetails, reasons: FlagReason[]): void => {
    if (reasons.length) out.push({ details, reasons })
  }
  for (const c of b.projectExpenditure?.categories ?? []) {
    const d = computeItemDetails(b, { kind: 'category', key: c.id }, checks)
    add(d, changeReasons(d, false))
  }
  for (const item of THREE_PUBLIC_ITEMS) {
    const d = computeItemDetails(b, { kind: 'threePublic', key: item }, checks)
    if (d.found) add(d, changeReasons(d, true))
  }
  if (priorBudget && priorBudget.departmentId === b.departmentId && priorBudget.year < b.year)
    for (const d of classificationChanges(b, priorBudget)) add(d, changeReasons(d, false))
  for (const c of checks) if (c.verdict !== 'ok') add(computeItemDetails(b, { kind: 'check', key: c.id }, checks), ['check'])
  return out
}

/** How many flagged items have each reason: { bigChange: 3, new: 1, threePublic: 4, check: 2 }. */
export function countFlagReasons(flags: readonly FlaggedItem[]): Record<FlagReason, number> {
  const counts: Record<FlagReason, number> = { bigChange: 0, new: 0, threePublic: 0, check: 0 }
  for (const f of flags) for (const r of f.reasons) counts[r]++
  return counts
}
