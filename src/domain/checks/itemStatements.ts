/**
 * What the prose states item by item against the functional table: the amount it gives a 项 against
 * the table's row, the same amount stated twice in one statement, and the % change it states against
 * its own two figures.
 */
import { subtractAmounts } from '../numeric'
import type { Budget } from '../types'
import { compareFigures, comparePercent } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

export function itemStatementChecks(b: Budget, ctx: CheckContext): Check[] {
  const statements = b.itemStatements ?? []
  const part = ctx.prose('itemStatements')
  const fRef = ctx.table(b.functional.table)
  const step = (x: number): number => ctx.step(x, 'prose')
  const checks: Check[] = []
  for (const s of statements) {
    const node = b.functionalTree.byCode.get(s.code)
    const name = node?.name ?? s.name
    if (s.amount !== undefined && node)
      checks.push(
        compareFigures(
          `items.amount.${s.code}`,
          'parts',
          { ref: part, label: { key: 'statedItem', code: s.code, name } , value: s.amount },
          { ref: fRef, label: { key: 'row', code: s.code, name, measure: 'total' }, value: node.total },
          [step(s.amount), ctx.tableStep],
        ),
      )
    if (s.amount !== undefined && s.restated !== undefined)
      checks.push(
        compareFigures(
          `items.restated.${s.code}`,
          'parts',
          { ref: part, label: { key: 'statedItem', code: s.code, name }, value: s.amount },
          { ref: part, label: { key: 'statedItemAgain', code: s.code, name }, value: s.restated },
          // The same figure stated twice in one statement: any difference is a contradiction.
          [],
        ),
      )
    // A percentage from a prior of 0 (增长 100% from 0.00) has no ratio to check.
    if (s.amount !== undefined && s.compared && s.compared.amount !== 0 && s.percent !== undefined && s.compared.basis !== 'budget')
      checks.push(
        comparePercent(
          `percent.item.${s.code}`,
          { key: 'statedItem', code: s.code, name, year: s.compared.year },
          part,
          { value: subtractAmounts(s.amount, s.compared.amount), step: step(s.amount) + step(s.compared.amount) },
          { value: s.compared.amount, step: step(s.compared.amount) },
          s.percent,
        ),
      )
  }
  return checks
}
