/** The prose's project budget and categories, procurement, performance-managed funds and key projects. */
import { sumAmounts } from '../numeric'
import type { Budget } from '../types'
import { compareFigures } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

export function projectPartsChecks(b: Budget, ctx: CheckContext): Check[] {
  const f = b.functionalTree
  const fRef = ctx.table(b.functional.table)
  const step = (x: number): number => ctx.step(x, 'prose')
  const checks: Check[] = []
  const pe = b.projectExpenditure
  const pePart = ctx.prose('projectExpenditure')
  if (pe) {
    if (f.project !== undefined)
      checks.push(
        compareFigures(
          'parts.project',
          'parts',
          { ref: fRef, label: { key: 'unitRow', measure: 'project' }, value: f.project },
          { ref: pePart, label: { key: 'projectStated' }, value: pe.amount },
          [ctx.tableStep, step(pe.amount)],
        ),
      )
    if (pe.categories.length)
      checks.push(
        compareFigures(
          'parts.projectCategories',
          'parts',
          { ref: pePart, label: { key: 'projectStated' }, value: pe.amount },
          { ref: pePart, label: { key: 'categoriesSum', count: pe.categories.length }, value: sumAmounts(pe.categories.map((c) => c.amount)) },
          [step(pe.amount), ...pe.categories.map((c) => step(c.amount))],
        ),
      )
  }
  const pr = b.procurement
  const prPart = ctx.prose('procurement')
  const prStep = (x: number): number => ctx.step(x, 'procurement')
  if (pr && b.functional.unit.procurement)
    checks.push(
      compareFigures(
        'parts.procurement',
        'parts',
        { ref: prPart, label: { key: 'procurementStated' }, value: pr.total },
        { ref: fRef, label: { key: 'procurementColumn' }, value: b.functional.unit.procurement.total },
        [prStep(pr.total), ctx.tableStep],
      ),
    )
  const kinds = pr ? [pr.goods, pr.works, pr.services].filter((x): x is number => x !== undefined) : []
  if (pr && kinds.length === 3)
    checks.push(
      compareFigures(
        'parts.procurementKinds',
        'parts',
        { ref: prPart, label: { key: 'procurementStated' }, value: pr.total },
        { ref: prPart, label: { key: 'procurementKindsSum', count: 3 }, value: sumAmounts(kinds) },
        [prStep(pr.total), ...kinds.map(prStep)],
      ),
    )
  const funds = b.performanceManagement?.projectFunds
  if (pe && funds !== undefined)
    checks.push(
      compareFigures(
        'parts.performanceFunds',
        'parts',
        { ref: ctx.prose('performanceManagement'), label: { key: 'performanceFunds' }, value: funds },
        { ref: pePart, label: { key: 'projectStated' }, value: pe.amount },
        [step(funds), step(pe.amount)],
      ),
    )
  for (const kp of b.keyProjects?.projects ?? []) {
    const cat = pe?.categories.find((c) => c.name.zh === kp.name.zh)
    if (!cat) continue
    checks.push(
      compareFigures(
        `parts.keyProject.${cat.id}`,
        'parts',
        { ref: ctx.prose('keyProjects'), label: { key: 'keyProject', name: kp.name }, value: kp.amount },
        { ref: pePart, label: { key: 'category', name: cat.name }, value: cat.amount },
        [step(kp.amount), step(cat.amount)],
      ),
    )
  }
  return checks
}
