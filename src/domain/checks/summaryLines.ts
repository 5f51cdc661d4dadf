/**
 * A summary table held as printed (`grid`, an imported document's 收支总表 or 财政拨款收支总表) names
 * each functional class again ("八、社会保障和就业支出 326.71"): its figure against the functional
 * table's 类 row of the same name. Both print the same figure at the same precision, so they are
 * rounded alike: any difference is a contradiction (no rounding steps are allowed). A dataset without
 * grids has no such checks.
 */
import type { TableKind } from '../schema'
import type { Budget } from '../types'
import { compareFigures } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

/** Table kinds whose grid prints the functional classes by name, numbered 一、二、. */
const SUMMARY_KINDS: readonly TableKind[] = ['incomeExpenditureSummary', 'fiscalSummary']

/** "八、社会保障和就业支出" → "社会保障和就业支出"; `null` for a line not numbered as a class. */
function className(printed: string): string | null {
  const m = /^[一二三四五六七八九十]+、(.+)$/.exec(printed.replace(/\s+/g, ''))
  return m ? (m[1] ?? null) : null
}

export function summaryLineChecks(b: Budget, ctx: CheckContext): Check[] {
  const checks: Check[] = []
  const byName = new Map(b.functionalTree.roots.map((n) => [n.name.zh.replace(/\s+/g, ''), n]))
  const fRef = ctx.table(b.functional.table)
  for (const entry of b.tables) {
    if (!entry.grid || !SUMMARY_KINDS.includes(entry.kind) || entry.kind === b.functional.table) continue
    const ref = ctx.table(entry.kind)
    for (const row of entry.grid.rows) {
      const name = className(row.name.zh)
      const node = name ? byName.get(name) : undefined
      const value = row.cells.find((c) => c !== null)
      if (!node || value === undefined || value === null) continue
      checks.push(
        compareFigures(
          `summary.${entry.kind}.${node.code}`,
          'crossTable',
          { ref, label: { key: 'row', name: row.name, measure: 'total' }, value },
          { ref: fRef, label: { key: 'row', code: node.code, name: node.name, measure: 'total' }, value: node.total },
          [],
        ),
      )
    }
  }
  return checks
}
