/** The prose's basic groups: they add up to the basic column, their items to them and to the economic table's rows. */
import { sumAmounts } from '../numeric'
import type { Budget } from '../types'
import { compareFigures } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

export function basicPartsChecks(b: Budget, ctx: CheckContext): Check[] {
  const groups = b.basicBreakdown
  const f = b.functionalTree
  if (!groups?.length) return []
  const part = ctx.prose('basicBreakdown')
  const step = (x: number): number => ctx.step(x, 'prose')
  const checks: Check[] = []
  if (f.basic !== undefined)
    checks.push(
      compareFigures(
        'parts.basicGroups',
        'parts',
        { ref: ctx.table(b.functional.table), label: { key: 'unitRow', measure: 'basic' }, value: f.basic },
        { ref: part, label: { key: 'basicGroupsSum', count: groups.length }, value: sumAmounts(groups.map((g) => g.amount)) },
        [ctx.tableStep, ...groups.map((g) => step(g.amount))],
      ),
    )
  for (const g of groups)
    checks.push(
      compareFigures(
        `parts.basicGroup.${g.id}`,
        'parts',
        { ref: part, label: { key: 'basicGroup', name: g.name }, value: g.amount },
        { ref: part, label: { key: 'basicGroupItems', name: g.name, count: g.items.length }, value: sumAmounts(g.items.map((i) => i.amount)) },
        [step(g.amount), ...g.items.map((i) => step(i.amount))],
      ),
    )
  const e = b.economicTree
  if (!e || !b.economic) return checks
  const eRef = ctx.table(b.economic.table)
  const byEconomicClass = new Map<string, number[]>()
  for (const g of groups) for (const i of g.items) byEconomicClass.set(i.economicCode, [...(byEconomicClass.get(i.economicCode) ?? []), i.amount])
  for (const [code, amounts] of byEconomicClass) {
    const node = e.byCode.get(code)
    // A basic-only economic table prints the basic amount as its one column.
    const basic = node ? (b.economic.scope === 'basic' ? (node.basic ?? node.total) : node.basic) : undefined
    checks.push(
      compareFigures(
        `parts.economicBasic.${code}`,
        'parts',
        { ref: eRef, label: { key: 'row', code, name: node?.name, measure: 'basic' }, value: basic ?? NaN },
        { ref: part, label: { key: 'basicItemsForClass', code, name: node?.name, count: amounts.length }, value: sumAmounts(amounts) },
        [ctx.tableStep, ...amounts.map(step)],
      ),
    )
  }
  return checks
}
