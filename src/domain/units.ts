/**
 * The app works in 万元; a dataset stores amounts in the unit its document printed (万元 or 元).
 * `toWanDataset` converts every amount of a 元 dataset once, at the edge, and nothing else (counts,
 * years, percentages and indicator values are not amounts). Exactness is kept by `numeric.ts`, which
 * reads any 万元 figure back as a whole number of 元.
 */
import { EXACT_SCALE } from './numeric'
import type { RawDataset } from './schema'

type Amounts<T> = { [K in keyof T]?: T[K] }

/** Divides the named amount fields of an object by `f`; absent fields stay absent. */
function scaleFields<T extends object>(o: T, keys: readonly (keyof T)[], f: (x: number) => number): T {
  const out: Amounts<T> = { ...o }
  for (const k of keys) {
    const x = o[k]
    if (typeof x === 'number') out[k] = f(x) as T[keyof T]
  }
  return out as T
}

const SPLIT = ['total', 'basic', 'project'] as const
const PROCUREMENT = ['total', 'sme', 'smallMicro'] as const
const THREE_PUBLIC = ['total', 'abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation', 'meetings', 'training'] as const

/** A 元 dataset with every amount in 万元 (a 万元 dataset is returned as it is). */
export function toWanDataset(d: RawDataset): RawDataset {
  if (d.unit === '万元') return d
  const f = (x: number): number => x / EXACT_SCALE
  const change = <C extends { amount: number }>(c: C | undefined): C | undefined => (c ? { ...c, amount: f(c.amount) } : undefined)
  const withChange = <A extends { amount: number; change?: { amount: number } }>(a: A | undefined): A | undefined =>
    a ? { ...a, amount: f(a.amount), ...(a.change ? { change: change(a.change) } : {}) } : undefined
  const split = <R extends { total: number; basic?: number; project?: number; procurement?: { total: number; sme: number; smallMicro: number } }>(r: R): R => {
    const out = scaleFields(r, SPLIT as readonly (keyof R)[], f)
    return r.procurement ? { ...out, procurement: scaleFields(r.procurement, PROCUREMENT, f) } : out
  }
  const inc = d.incomeStatement
  return {
    ...d,
    functional: { ...d.functional, unit: split(d.functional.unit), rows: d.functional.rows.map(split) },
    ...(d.economic && { economic: { ...d.economic, unit: split(d.economic.unit), rows: d.economic.rows.map(split) } }),
    ...(d.overview && { overview: { ...d.overview, income: withChange(d.overview.income), expenditure: withChange(d.overview.expenditure) } }),
    ...(inc && {
      incomeStatement: {
        ...scaleFields(inc, ['currentYearIncome', 'carriedOver', 'incomeGrandTotal', 'currentYearExpenditure', 'carryForward', 'expenditureGrandTotal'], f),
        lines: inc.lines.map((l) => scaleFields(l, ['amount'], f)),
      },
    }),
    ...(d.basicBreakdown && {
      basicBreakdown: d.basicBreakdown.map((g) => ({ ...g, amount: f(g.amount), items: g.items.map((i) => ({ ...i, amount: f(i.amount) })) })),
    }),
    ...(d.projectExpenditure && {
      projectExpenditure: {
        amount: f(d.projectExpenditure.amount),
        ...(d.projectExpenditure.change && { change: change(d.projectExpenditure.change) }),
        categories: d.projectExpenditure.categories.map((c) => withChange(c) ?? c),
      },
    }),
    ...(d.procurement && { procurement: scaleFields(d.procurement, ['total', 'goods', 'works', 'services'], f) }),
    ...(d.threePublic && {
      threePublic: {
        ...d.threePublic,
        years: d.threePublic.years.map((y) => scaleFields(y, THREE_PUBLIC, f)),
        ...(d.threePublic.change && { change: scaleFields(d.threePublic.change, THREE_PUBLIC, f) }),
        ...(d.threePublic.stated && {
          stated: {
            ...(d.threePublic.stated.budget && { budget: scaleFields(d.threePublic.stated.budget, THREE_PUBLIC, f) }),
            ...(d.threePublic.stated.final && { final: scaleFields(d.threePublic.stated.final, THREE_PUBLIC, f) }),
          },
        }),
      },
    }),
    ...(d.performanceManagement && { performanceManagement: scaleFields(d.performanceManagement, ['projectFunds'], f) }),
    ...(d.keyProjects && { keyProjects: { ...d.keyProjects, projects: d.keyProjects.projects.map((p) => ({ ...p, amount: f(p.amount) })) } }),
    ...(d.operatingCosts && { operatingCosts: withChange(d.operatingCosts) }),
    ...(d.governmentFund?.unit && { governmentFund: { ...d.governmentFund, unit: split(d.governmentFund.unit) } }),
    ...(d.stateCapital?.unit && { stateCapital: { ...d.stateCapital, unit: split(d.stateCapital.unit) } }),
    ...(d.performance && {
      performance: {
        ...d.performance,
        tasks: d.performance.tasks.map((t) => scaleFields(t, ['total', 'fiscal', 'other'], f)),
        ...(d.performance.tasksTotal && { tasksTotal: scaleFields(d.performance.tasksTotal, ['total', 'fiscal', 'other'], f) }),
      },
    }),
    ...(d.itemStatements && {
      itemStatements: d.itemStatements.map((s) => ({
        ...scaleFields(s, ['amount', 'restated'], f),
        ...(s.compared && { compared: { ...s.compared, amount: f(s.compared.amount) } }),
      })),
    }),
    tables: d.tables.map((t) =>
      t.grid ? { ...t, grid: { ...t.grid, rows: t.grid.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c === null ? null : f(c))) })) } } : t,
    ),
  }
}
