/** The summary table's income lines: top-level lines add up to the year's income; children to their parent. */
import { sumAmounts } from '../numeric'
import type { Budget } from '../types'
import { compareFigures } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

export function incomeLineChecks(b: Budget, ctx: CheckContext): Check[] {
  const inc = b.incomeStatement
  if (!inc) return []
  const ref = ctx.table('incomeExpenditureSummary')
  const stated = inc.lines.filter((l) => l.amount !== undefined)
  const topLines = stated.filter((l) => !l.parent)
  const steps = (n: number): number[] => new Array<number>(n).fill(ctx.tableStep)
  const checks: Check[] = [
    compareFigures(
      'income.sum',
      'crossTable',
      { ref, label: { key: 'currentYearIncome' }, value: inc.currentYearIncome },
      { ref, label: { key: 'incomeLinesSum', count: topLines.length }, value: sumAmounts(topLines.map((l) => l.amount ?? 0)) },
      steps(topLines.length + 1),
    ),
  ]
  for (const parent of topLines) {
    const kids = stated.filter((l) => l.parent === parent.id)
    if (!kids.length || parent.amount === undefined) continue
    checks.push(
      compareFigures(
        `income.sum.${parent.id}`,
        'crossTable',
        { ref, label: { key: 'incomeLine', name: parent.name }, value: parent.amount },
        { ref, label: { key: 'incomeChildrenSum', name: parent.name, count: kids.length }, value: sumAmounts(kids.map((l) => l.amount ?? 0)) },
        steps(kids.length + 1),
      ),
    )
  }
  return checks
}
