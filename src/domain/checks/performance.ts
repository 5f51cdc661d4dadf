/** The performance-targets table: tasks against their total, their funding, the project budget and its categories. */
import { EDITORIAL_PATHS } from '../editorialPaths'
import { sumAmounts } from '../numeric'
import type { Budget } from '../types'
import { compareFigures } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

export function performanceChecks(b: Budget, ctx: CheckContext): Check[] {
  const perf = b.performance
  if (!perf?.tasks.length) return []
  const pe = b.projectExpenditure
  const ref = ctx.table('performanceTargets')
  const pePart = ctx.prose('projectExpenditure')
  const step = (x: number): number => ctx.step(x, 'performance')
  const checks: Check[] = []
  const tt = perf.tasksTotal
  if (tt) {
    checks.push(
      compareFigures(
        'performance.tasksSum',
        'performance',
        { ref, label: { key: 'tasksTotal' }, value: tt.total },
        { ref, label: { key: 'tasksSum', count: perf.tasks.length }, value: sumAmounts(perf.tasks.map((t) => t.total)) },
        [...perf.tasks.map((t) => step(t.total)), step(tt.total)],
      ),
    )
    if (pe)
      checks.push(
        compareFigures(
          'performance.tasksProject',
          'performance',
          { ref, label: { key: 'tasksTotal' }, value: tt.total },
          { ref: pePart, label: { key: 'projectStated' }, value: pe.amount },
          [step(tt.total), ctx.step(pe.amount, 'prose')],
        ),
      )
  }
  for (const t of perf.tasks) {
    if (t.fiscal === undefined && t.other === undefined) continue
    checks.push(
      compareFigures(
        `performance.taskFunding.${t.id}`,
        'performance',
        { ref, label: { key: 'task', name: t.name }, value: t.total },
        { ref, label: { key: 'taskFundingSum', name: t.name }, value: sumAmounts([t.fiscal ?? 0, t.other ?? 0]) },
        [step(t.total), step(t.fiscal ?? 0), step(t.other ?? 0)],
      ),
    )
  }
  for (const c of pe?.categories ?? []) {
    if (!c.taskIds?.length) continue
    const ids = c.taskIds
    const tasks = perf.tasks.filter((t) => ids.includes(t.id))
    checks.push({
      ...compareFigures(
        `performance.category.${c.id}`,
        'performance',
        { ref: pePart, label: { key: 'category', name: c.name }, value: c.amount },
        { ref, label: { key: 'categoryTasksSum', name: c.name, count: tasks.length }, value: sumAmounts(tasks.map((t) => t.total)) },
        [ctx.step(c.amount, 'prose'), ...tasks.map((t) => step(t.total))],
      ),
      // Which tasks a category has is the data's `taskIds`, a reading the document does not state.
      editorial: EDITORIAL_PATHS.categoryTasks(c.id),
    })
  }
  return checks
}
