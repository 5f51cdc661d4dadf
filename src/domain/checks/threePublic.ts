/** The 三公 table: items add up, the change row is the difference, and two items match the economic table. */
import { subtractAmounts, sumAmounts } from '../numeric'
import { THREE_PUBLIC_ITEMS } from '../schema'
import type { Budget } from '../types'
import { comparePercent, compareFigures } from './compare'
import type { CheckContext } from './context'
import type { Check, CheckLabel } from './types'

type Row = Partial<Record<(typeof THREE_PUBLIC_ITEMS)[number], number>>

export function threePublicChecks(b: Budget, ctx: CheckContext): Check[] {
  const tp = b.threePublic
  if (!tp) return []
  const ref = ctx.table('threePublic')
  const step = (x: number): number => ctx.step(x, 'threePublic')
  const checks: Check[] = []
  // Budget rows only: a final-accounts table's 预算数 and 决算数 rows are checked each on its own.
  const rows: { key: string; year?: number; basis?: 'budget' | 'final'; row: Row }[] = [
    ...tp.years.map((y) => ({ key: y.basis === 'final' ? `${y.year}.final` : String(y.year), year: y.year as number | undefined, ...(y.basis ? { basis: y.basis } : {}), row: y as Row })),
    ...(tp.change ? [{ key: 'change', year: undefined, row: tp.change as Row }] : []),
  ]
  for (const { key, year, basis, row } of rows) {
    const label = (k: CheckLabel['key']): CheckLabel => ({ key: k, year, ...(basis ? { basis } : {}) })
    const items = [row.abroad, row.reception, row.vehicles]
    if (row.total !== undefined && items.some((x) => x !== undefined))
      checks.push(
        compareFigures(
          `threePublic.total.${key}`,
          'threePublic',
          { ref, label: label(year ? 'threePublicTotal' : 'threePublicChangeTotal'), value: row.total },
          { ref, label: label('threePublicItemsSum'), value: sumAmounts(items.map((x) => x ?? 0)) },
          [row.total, ...items.map((x) => x ?? 0)].map(step),
        ),
      )
    const parts = [row.vehiclePurchase, row.vehicleOperation]
    if (row.vehicles !== undefined && parts.some((x) => x !== undefined))
      checks.push(
        compareFigures(
          `threePublic.vehicles.${key}`,
          'threePublic',
          { ref, label: label('threePublicVehicles'), value: row.vehicles },
          { ref, label: label('threePublicVehicleParts'), value: sumAmounts(parts.map((x) => x ?? 0)) },
          [row.vehicles, ...parts.map((x) => x ?? 0)].map(step),
        ),
      )
  }
  checks.push(...statedChecks(b, ctx))
  const budgets = tp.years.filter((y) => y.basis !== 'final').sort((a, z) => z.year - a.year)
  const [cur, prev] = budgets
  if (!cur) return checks
  if (prev && tp.change) {
    for (const item of THREE_PUBLIC_ITEMS) {
      const c = tp.change[item]
      const now = cur[item]
      const before = prev[item]
      if (c === undefined || now === undefined || before === undefined) continue
      checks.push(
        compareFigures(
          `threePublic.change.${item}`,
          'threePublic',
          { ref, label: { key: `threePublicChange.${item}` }, value: c },
          { ref, label: { key: `threePublicDifference.${item}`, year: cur.year }, value: subtractAmounts(now, before) },
          [c, now, before].map(step),
        ),
      )
    }
  }
  const e = b.economicTree
  // Only an economic table of all spending holds the whole of an item (a basic-only one leaves out projects).
  if (e && b.economic?.scope === 'all') {
    const eRef = ctx.table(b.economic.table)
    for (const [item, code] of [
      ['reception', '30217'],
      ['vehicleOperation', '30231'],
    ] as const) {
      const node = e.byCode.get(code)
      const value = cur[item]
      if (!node || value === undefined) continue
      checks.push(
        compareFigures(
          `threePublic.${item}.economic`,
          'crossTable',
          { ref, label: { key: `threePublic.${item}`, year: cur.year }, value },
          { ref: eRef, label: { key: 'row', code: node.code, name: node.name, measure: 'total' }, value: node.total },
          [step(value), ctx.tableStep],
        ),
      )
    }
  }
  const pct = tp.percent?.total
  if (prev && tp.change?.total !== undefined && prev.total !== undefined && pct !== undefined)
    checks.push(
      comparePercent(
        'percent.threePublic',
        { key: 'threePublic.total' },
        ctx.prose('threePublic'),
        { value: tp.change.total, step: step(tp.change.total) },
        { value: prev.total, step: step(prev.total) },
        pct,
      ),
    )
  return checks
}

/**
 * The prose's 三公 figures of the year (final accounts: 年初预算 and 支出决算) against the table's row of
 * the same basis, item by item, where the table prints the item: a blank cell is not compared with the
 * prose's 0.00 (the tables view shows both).
 */
function statedChecks(b: Budget, ctx: CheckContext): Check[] {
  const tp = b.threePublic
  if (!tp?.stated) return []
  const ref = ctx.table('threePublic')
  const step = (x: number): number => ctx.step(x, 'threePublic')
  return (['budget', 'final'] as const).flatMap((basis) => {
    const stated = tp.stated?.[basis]
    const row = tp.years.find((y) => y.year === b.year && (basis === 'final' ? y.basis === 'final' : y.basis !== 'final'))
    if (!stated || !row) return []
    return THREE_PUBLIC_ITEMS.flatMap((item) => {
      const said = stated[item]
      const printed = row[item]
      if (said === undefined || printed === undefined) return []
      const label: CheckLabel = { key: `threePublic.${item}`, year: b.year, basis }
      return [compareFigures(`threePublic.stated.${basis}.${item}`, 'threePublic', { ref: ctx.prose('threePublic'), label, value: said }, { ref, label, value: printed }, [step(said), step(printed)])]
    })
  })
}
