/**
 * A catalogue entry's `summary`: the few figures of its dataset the district landing and the
 * comparison of departments need, so they read one catalogue instead of fetching every dataset.
 * Amounts are the dataset's exact 万元 figures; a figure the document does not state is absent.
 * Written by `computeSummary` (`summarise.ts`) only; its schema lives here, outside the first load.
 */
import * as v from 'valibot'
import { TextSchema } from './schema'
import type { CatalogueEntry } from './types'

const Wan = v.pipe(v.number(), v.finite())
const Count = v.pipe(v.number(), v.integer(), v.minValue(0))

/** The staff counts a summary may carry: 编制 (authorized posts) or 实有人数 (people in post). */
export const STAFF_KINDS = ['authorized', 'actual'] as const
export type StaffKind = (typeof STAFF_KINDS)[number]

export const SummarySchema = v.strictObject({
  /** The functional table's total (万元). */
  total: Wan,
  /** Basic and project spending, when the functional table splits them. */
  basic: v.optional(Wan),
  project: v.optional(Wan),
  /** The prose's stated spending and its stated change against the prior year (万元), when it states a change. */
  change: v.optional(v.strictObject({ expenditure: Wan, amount: Wan })),
  /** 三公经费 of the document's own year (万元), when its table prints a total. */
  threePublic: v.optional(Wan),
  /** Staff: 编制 when the document states any, else 实有人数; absent when it states neither. */
  staff: v.optional(v.strictObject({ kind: v.picklist(STAFF_KINDS), count: Count })),
  /** 机关运行经费 (万元), when stated. */
  operatingCosts: v.optional(Wan),
  /** The functional table's 类 rows in published order (万元). */
  classes: v.array(v.strictObject({ code: v.pipe(v.string(), v.regex(/^\d{3}$/)), name: TextSchema, total: Wan })),
  /** What the reconciliation checks found: contradictions and gaps within published rounding. */
  checks: v.strictObject({ mismatch: Count, rounding: Count }),
})
export type Summary = v.InferOutput<typeof SummarySchema>

/** The entry's summary when it has a valid one; undefined otherwise (absent or malformed: shown as not stated). */
export function parseSummary(entry: Pick<CatalogueEntry, 'summary'>): Summary | undefined {
  if (entry.summary === undefined) return undefined
  const r = v.safeParse(SummarySchema, entry.summary)
  return r.success ? r.output : undefined
}

/** Why an entry's summary is not valid ("summary.staff.kind: Invalid type…"), or undefined when it is valid or absent. */
export function describeSummaryProblem(entry: Pick<CatalogueEntry, 'summary'>): string | undefined {
  if (entry.summary === undefined) return undefined
  const r = v.safeParse(SummarySchema, entry.summary)
  if (r.success) return undefined
  return r.issues.map((i) => `summary${i.path?.map((p) => `.${String(p.key)}`).join('') ?? ''}: ${i.message}`).join('; ')
}
