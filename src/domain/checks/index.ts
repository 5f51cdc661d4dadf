/**
 * Reconciliation checks: do the document's tables and prose agree with each other?
 *
 * Each check compares two published figures (or a published figure with a sum of published
 * figures), names the tables and rows, and gives a verdict from the one numeric policy
 * (`numeric.ts`): ok, within published rounding, or mismatch — a contradiction in the document,
 * which is shown and flagged, never hidden, "fixed" or a reason to refuse the file.
 *
 * Checks come in families, one file each (`CHECK_FAMILIES`); a family checks only what the dataset
 * holds, so a document without a performance table simply has no performance checks. A new kind of
 * document adds a family here rather than growing one long function.
 */
import type { Verdict } from '../numeric'
import { makeCheckContext, type CheckContext } from './context'
import type { Check } from './types'
import { treeChecks } from './trees'
import { crossTableChecks } from './crossTable'
import { incomeLineChecks } from './incomeLines'
import { basicPartsChecks } from './basicParts'
import { projectPartsChecks } from './projectParts'
import { performanceChecks } from './performance'
import { threePublicChecks } from './threePublic'
import { statedPercentChecks } from './percents'
import { itemStatementChecks } from './itemStatements'
import { summaryLineChecks } from './summaryLines'
import type { Budget } from '../types'

export * from './types'
export { VERDICTS, type Verdict } from '../numeric'
export { sumAmounts } from '../numeric'
export type { CheckContext } from './context'
export { compareFigures, comparePercent } from './compare'

/** A family of checks: what it ties together, and the checks it adds for a dataset. */
export interface CheckFamily {
  id: string
  run: (b: Budget, ctx: CheckContext) => Check[]
}

/** Every family, in the order the checks view lists their checks. */
export const CHECK_FAMILIES: readonly CheckFamily[] = [
  { id: 'functionalTree', run: (b, ctx) => treeChecks(b.functionalTree, ctx.table(b.functional.table), 'functional', ctx.tableStep) },
  {
    id: 'economicTree',
    run: (b, ctx) => (b.economicTree && b.economic ? treeChecks(b.economicTree, ctx.table(b.economic.table), 'economic', ctx.tableStep) : []),
  },
  { id: 'crossTable', run: crossTableChecks },
  { id: 'summaryLines', run: summaryLineChecks },
  { id: 'incomeLines', run: incomeLineChecks },
  { id: 'basicParts', run: basicPartsChecks },
  { id: 'projectParts', run: projectPartsChecks },
  { id: 'performance', run: performanceChecks },
  { id: 'threePublic', run: threePublicChecks },
  { id: 'statedPercent', run: statedPercentChecks },
  { id: 'itemStatements', run: itemStatementChecks },
]

/** Every reconciliation check of a dataset, family by family. */
export function computeChecks(b: Budget): Check[] {
  const ctx = makeCheckContext(b)
  return CHECK_FAMILIES.flatMap((f) => f.run(b, ctx))
}

/** Counts of verdicts: { ok: 120, rounding: 4, mismatch: 0 }. */
export function computeVerdictCounts(checks: readonly Check[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { ok: 0, rounding: 0, mismatch: 0 }
  for (const c of checks) counts[c.verdict]++
  return counts
}
