/** The functional and economic tables describe the same money; the summary table and the prose state its totals. */
import { sumAmounts } from '../numeric'
import type { Budget } from '../types'
import { compareFigures } from './compare'
import type { CheckContext } from './context'
import type { Check } from './types'

export function crossTableChecks(b: Budget, ctx: CheckContext): Check[] {
  const checks: Check[] = []
  const f = b.functionalTree
  const e = b.economicTree
  const fRef = ctx.table(b.functional.table)
  const two = [ctx.tableStep, ctx.tableStep]
  const three = [...two, ctx.tableStep]
  // An economic table of basic spending only covers the basic column of the functional table.
  if (e && b.economic) {
    const eRef = ctx.table(b.economic.table)
    for (const m of b.economic.scope === 'all' ? e.measures : e.measures.filter((x) => x !== 'total')) {
      const fv = f[m]
      const ev = e[m]
      if (fv === undefined || ev === undefined) continue
      checks.push(
        compareFigures(
          `cross.unit.${m}`,
          'crossTable',
          { ref: fRef, label: { key: 'unitRow', measure: m }, value: fv },
          { ref: eRef, label: { key: 'unitRow', measure: m }, value: ev },
          two,
        ),
      )
    }
    if (b.economic.scope === 'basic' && f.basic !== undefined && !e.measures.includes('basic'))
      checks.push(
        compareFigures(
          'cross.unit.basic',
          'crossTable',
          { ref: fRef, label: { key: 'unitRow', measure: 'basic' }, value: f.basic },
          { ref: eRef, label: { key: 'unitRow', measure: 'total' }, value: e.total },
          two,
        ),
      )
  }
  const inc = b.incomeStatement
  if (inc) {
    const t1 = ctx.table('incomeExpenditureSummary')
    // A budget balances the year's income and spending; final accounts need not (balances carry over).
    if (b.phase === 'budget')
      checks.push(
        compareFigures(
          'cross.incomeExpenditure',
          'crossTable',
          { ref: t1, label: { key: 'currentYearIncome' }, value: inc.currentYearIncome },
          { ref: t1, label: { key: 'currentYearExpenditure' }, value: inc.currentYearExpenditure },
          two,
        ),
      )
    if (inc.incomeGrandTotal !== undefined)
      checks.push(
        compareFigures(
          'cross.incomeGrand',
          'crossTable',
          { ref: t1, label: { key: 'incomeGrandTotal' }, value: inc.incomeGrandTotal },
          { ref: t1, label: { key: 'incomePlusCarriedOver' }, value: sumAmounts([inc.currentYearIncome, inc.carriedOver ?? 0]) },
          three,
        ),
      )
    if (inc.expenditureGrandTotal !== undefined)
      checks.push(
        compareFigures(
          'cross.expenditureGrand',
          'crossTable',
          { ref: t1, label: { key: 'expenditureGrandTotal' }, value: inc.expenditureGrandTotal },
          { ref: t1, label: { key: 'expenditurePlusCarryForward' }, value: sumAmounts([inc.currentYearExpenditure, inc.carryForward ?? 0]) },
          three,
        ),
      )
    checks.push(
      compareFigures(
        'cross.table1Functional',
        'crossTable',
        { ref: t1, label: { key: 'currentYearExpenditure' }, value: inc.currentYearExpenditure },
        { ref: fRef, label: { key: 'unitRow', measure: 'total' }, value: f.total },
        two,
      ),
    )
    const ov = b.overview
    const part = ctx.prose('overview')
    if (ov?.income)
      checks.push(
        compareFigures(
          'cross.overviewIncome',
          'crossTable',
          { ref: part, label: { key: 'statedIncome' }, value: ov.income.amount },
          { ref: t1, label: { key: 'currentYearIncome' }, value: inc.currentYearIncome },
          [ctx.step(ov.income.amount, 'prose'), ctx.tableStep],
        ),
      )
    if (ov?.expenditure)
      checks.push(
        compareFigures(
          'cross.overviewExpenditure',
          'crossTable',
          { ref: part, label: { key: 'statedExpenditure' }, value: ov.expenditure.amount },
          { ref: t1, label: { key: 'currentYearExpenditure' }, value: inc.currentYearExpenditure },
          [ctx.step(ov.expenditure.amount, 'prose'), ctx.tableStep],
        ),
      )
  }
  return checks
}
