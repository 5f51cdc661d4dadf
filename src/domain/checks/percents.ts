/** Percentages the prose states against the amounts it states. */
import type { Budget } from '../types'
import { comparePercent } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

/** The prior amount (amount − change) is derived from two printed figures, so it carries both their steps. */
function priorOf(amount: number, change: number, step: (x: number) => number): { value: number; step: number } {
  return { value: amount - change, step: step(amount) + step(change) }
}

export function statedPercentChecks(b: Budget, ctx: CheckContext): Check[] {
  const checks: Check[] = []
  const step = (x: number): number => ctx.step(x, 'prose')
  const ov = b.overview
  const part = ctx.prose('overview')
  for (const [id, item] of [
    ['income', ov?.income],
    ['expenditure', ov?.expenditure],
  ] as const) {
    const ch = item?.change
    if (item && ch?.percent !== undefined)
      checks.push(
        comparePercent(
          `percent.${id}`,
          { key: id === 'income' ? 'statedIncome' : 'statedExpenditure' },
          part,
          { value: ch.amount, step: step(ch.amount) },
          priorOf(item.amount, ch.amount, step),
          ch.percent,
        ),
      )
  }
  const pePart = ctx.prose('projectExpenditure')
  const pe = b.projectExpenditure
  if (pe?.change?.percent !== undefined)
    checks.push(
      comparePercent(
        'percent.project',
        { key: 'projectStated' },
        pePart,
        { value: pe.change.amount, step: step(pe.change.amount) },
        priorOf(pe.amount, pe.change.amount, step),
        pe.change.percent,
      ),
    )
  for (const c of b.projectExpenditure?.categories ?? [])
    if (c.change?.percent !== undefined)
      checks.push(
        comparePercent(
          `percent.category.${c.id}`,
          { key: 'category', name: c.name },
          pePart,
          { value: c.change.amount, step: step(c.change.amount) },
          priorOf(c.amount, c.change.amount, step),
          c.change.percent,
        ),
      )
  return checks
}
