/** The shape of a check, shared by every family. */
import type { Verdict } from '../numeric'
import { THREE_PUBLIC_ITEMS, type ThreePublicItem } from '../schema'
import type { Measure, Text } from '../types'

/**
 * Every key a check side's label may have: each has a message `checks.what.<key>` in every language
 * (a unit test holds that), and `CheckLabel.key` is typed by this list, so a family that uses a key not
 * listed here does not compile.
 */
export const CHECK_LABEL_KEYS = [
  ...(['row', 'unitRow', 'childrenSum', 'classSum', 'basicPlusProject'] as const),
  ...(['currentYearIncome', 'currentYearExpenditure', 'incomeGrandTotal', 'incomePlusCarriedOver', 'expenditureGrandTotal'] as const),
  ...(['expenditurePlusCarryForward', 'statedIncome', 'statedExpenditure', 'incomeLinesSum', 'incomeLine', 'incomeChildrenSum'] as const),
  ...(['basicGroupsSum', 'basicGroup', 'basicGroupItems', 'basicItemsForClass', 'projectStated', 'categoriesSum'] as const),
  ...(['procurementStated', 'procurementColumn', 'procurementKindsSum', 'performanceFunds', 'keyProject', 'category'] as const),
  ...(['tasksTotal', 'tasksSum', 'task', 'taskFundingSum', 'categoryTasksSum'] as const),
  ...(['threePublicTotal', 'threePublicChangeTotal', 'threePublicItemsSum', 'threePublicVehicles', 'threePublicVehicleParts'] as const),
  ...(['statedPercent', 'computedPercent', 'statedItem', 'statedItemAgain'] as const),
  ...THREE_PUBLIC_ITEMS.flatMap((i) => [`threePublicChange.${i}`, `threePublicDifference.${i}`, `threePublic.${i}`] as const),
] as const
export type CheckLabelKey =
  | Exclude<(typeof CHECK_LABEL_KEYS)[number], string & `${string}.${string}`>
  | `threePublicChange.${ThreePublicItem}`
  | `threePublicDifference.${ThreePublicItem}`
  | `threePublic.${ThreePublicItem}`

/** Where a figure stands in the document. */
export interface SourceRef {
  /** The table's number in this document, when the figure is in a table. */
  table?: number
  /** The prose part's number (第三部分 → 3), when the figure is in the text and the dataset says which part. */
  part?: number
  /** The figure is in the prose, part unknown. */
  prose?: true
}

/**
 * What one side of a check is, for display: a message key under `checks.what` with its
 * parameters, e.g. `{ key: 'childrenSum', code: '301', name: {…} }` → "Sum of the rows under 301 工资福利支出".
 */
export interface CheckLabel {
  key: CheckLabelKey
  code?: string
  name?: Text
  measure?: Measure
  year?: number
  /** Which of a final-accounts table's rows a 三公 figure is: its 预算数 or its 决算数 (absent on a budget document). */
  basis?: 'budget' | 'final'
  count?: number
}

export interface CheckSide {
  ref: SourceRef
  label: CheckLabel
  value: number
}

export interface Check {
  /** Stable id, usable in a URL: "functional.sum.301.total". */
  id: string
  /** Group for display: which tables the check ties together. */
  group: CheckGroup
  left: CheckSide
  right: CheckSide
  /** left − right, exact. */
  difference: number
  /** The largest gap the published rounding can explain. */
  tolerance: number
  verdict: Verdict
  /** The dataset path of a grouping the check rests on, when the data may carry an editorial note on it (see `editorial.ts`). */
  editorial?: string
}

export const CHECK_GROUPS = ['functional', 'economic', 'crossTable', 'parts', 'performance', 'threePublic', 'percent'] as const
export type CheckGroup = (typeof CHECK_GROUPS)[number]
