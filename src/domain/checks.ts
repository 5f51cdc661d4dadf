/**
 * Reconciliation checks: do the document's tables agree with each other?
 *
 * Each check compares two published figures (or a published figure with a sum of published
 * figures), names the tables and rows, and gives a verdict. The document warns that unit
 * conversion leaves 尾数误差 (rounding gaps): a gap no larger than the rounding of the figures
 * involved is reported as `rounding`, never hidden and never "fixed".
 */
import { EDITORIAL_PATHS } from './editorial'
import { flattenTree } from './tree'
import type { Budget, ClassTree, Measure, Text } from './types'
import { MEASURES } from './types'
import { THREE_PUBLIC_ITEMS } from './schema'

export const VERDICTS = ['ok', 'rounding', 'mismatch'] as const
/** ok: equal; rounding: differs by no more than the published rounding allows; mismatch: beyond it. */
export type Verdict = (typeof VERDICTS)[number]

/** Where a figure stands in the document. */
export interface SourceRef {
  /** Table number (1–12), when the figure is in a table. */
  table?: number
  /** Part number of the prose (1–9), when the figure is in the text. */
  part?: number
}

/**
 * What one side of a check is, for display: a message key under `checks.what` with its
 * parameters, e.g. `{ key: 'childrenSum', code: '301', name: {…} }` → "Sum of the rows under 301 工资福利支出".
 */
export interface CheckLabel {
  key: string
  code?: string
  name?: Text
  measure?: Measure
  year?: number
  count?: number
}

export interface CheckSide {
  ref: SourceRef
  label: CheckLabel
  value: number
}

export interface Check {
  /** Stable id, usable in a URL: "functional.sum.301.total". */
  id: string
  /** Group for display: which tables the check ties together. */
  group: CheckGroup
  left: CheckSide
  right: CheckSide
  /** left − right, to the published precision. */
  difference: number
  /** The largest gap the published rounding can explain. */
  tolerance: number
  verdict: Verdict
  /** The dataset path of a grouping the check rests on, when the data may carry an editorial note on it (see `editorial.ts`). */
  editorial?: string
}

export const CHECK_GROUPS = ['functional', 'economic', 'crossTable', 'parts', 'performance', 'threePublic', 'percent'] as const
export type CheckGroup = (typeof CHECK_GROUPS)[number]

/** Rounds to 1/100 万元 (1 元... 100 元), the finest precision the document publishes, to drop float noise. */
function cents(x: number): number {
  return Math.round(x * 100) / 100
}

/** Sum in exact hundredths. */
export function sumAmounts(values: readonly number[]): number {
  return values.reduce((acc, x) => acc + Math.round(x * 100), 0) / 100
}

/**
 * Compares two figures. `steps` lists the rounding step of every published figure involved
 * (1 for whole 万元, 0.01 for two decimals); each can be off by half its step.
 */
export function compareFigures(
  id: string,
  group: CheckGroup,
  left: CheckSide,
  right: CheckSide,
  steps: readonly number[],
): Check {
  const difference = cents(left.value - right.value)
  const tolerance = cents(steps.reduce((acc, s) => acc + s / 2, 0))
  const verdict: Verdict = difference === 0 ? 'ok' : Math.abs(difference) <= tolerance ? 'rounding' : 'mismatch'
  return { id, group, left, right, difference, tolerance, verdict }
}

/** n figures of the same rounding step. */
function steps(n: number, step = 1): number[] {
  return new Array<number>(n).fill(step)
}

/** Decimal places of a published figure: 6.4 → 1, 94.68 → 2, 7 → 0. */
export function decimalsOf(x: number): number {
  const s = String(Math.abs(x))
  const dot = s.indexOf('.')
  return dot < 0 ? 0 : s.length - dot - 1
}

/** The rounding step of a published figure: 94.68 → 0.01, 2211 → 1. */
function stepOf(x: number): number {
  return 10 ** -decimalsOf(x)
}

function treeChecks(tree: ClassTree, table: number, group: CheckGroup): Check[] {
  const out: Check[] = []
  const nodes = flattenTree(tree)
  const parents: { code?: string; name?: Text; children: { [m in Measure]: number }[]; own: { [m in Measure]: number } }[] = [
    { children: tree.roots, own: tree },
    ...nodes.filter((n) => n.children.length > 0).map((n) => ({ code: n.code, name: n.name, children: n.children, own: n })),
  ]
  for (const p of parents) {
    for (const m of MEASURES) {
      out.push(
        compareFigures(
          `${tree.classification}.sum.${p.code ?? 'unit'}.${m}`,
          group,
          { ref: { table }, label: { key: p.code ? 'row' : 'unitRow', code: p.code, name: p.name, measure: m }, value: p.own[m] },
          {
            ref: { table },
            label: { key: p.code ? 'childrenSum' : 'classSum', code: p.code, name: p.name, measure: m, count: p.children.length },
            value: sumAmounts(p.children.map((c) => c[m])),
          },
          steps(p.children.length + 1),
        ),
      )
    }
  }
  for (const n of [{ code: undefined, name: undefined, total: tree.total, basic: tree.basic, project: tree.project }, ...nodes]) {
    out.push(
      compareFigures(
        `${tree.classification}.split.${n.code ?? 'unit'}`,
        group,
        { ref: { table }, label: { key: n.code ? 'row' : 'unitRow', code: n.code, name: n.name, measure: 'total' }, value: n.total },
        { ref: { table }, label: { key: 'basicPlusProject', code: n.code, name: n.name }, value: sumAmounts([n.basic, n.project]) },
        steps(3),
      ),
    )
  }
  return out
}

/**
 * Checks a stated percentage against the one computed from the stated amounts.
 * `ok` when the computed value rounds to the stated one at the stated precision.
 */
export function comparePercent(id: string, label: CheckLabel, ref: SourceRef, change: number, prior: number, stated: number): Check {
  const computed = prior === 0 ? NaN : (change / prior) * 100
  const d = decimalsOf(stated)
  const rounded = Math.round(computed * 10 ** d) / 10 ** d
  const difference = Number.isFinite(computed) ? Math.round((computed - stated) * 10000) / 10000 : NaN
  const tolerance = 0.5 * 10 ** -d
  const verdict: Verdict = rounded === stated ? 'ok' : 'mismatch'
  return {
    id,
    group: 'percent',
    left: { ref, label: { ...label, key: 'statedPercent' }, value: stated },
    right: { ref, label: { ...label, key: 'computedPercent' }, value: Number.isFinite(computed) ? Math.round(computed * 10000) / 10000 : NaN },
    difference,
    tolerance,
    verdict,
  }
}

/** Every reconciliation check of a dataset, grouped as `CHECK_GROUPS`, in the order the checks view lists them. */
export function computeChecks(b: Budget): Check[] {
  return [
    ...treeChecks(b.functionalTree, 3, 'functional'),
    ...treeChecks(b.economicTree, 8, 'economic'),
    ...crossTableChecks(b),
    ...incomeLineChecks(b),
    ...basicPartsChecks(b),
    ...projectPartsChecks(b),
    ...performanceChecks(b),
    ...threePublicChecks(b),
    ...statedPercentChecks(b),
  ]
}

/** Functional and economic tables describe the same money; table 1 and part two state its totals. */
function crossTableChecks(b: Budget): Check[] {
  const checks: Check[] = []
  const f = b.functionalTree
  const e = b.economicTree
  const inc = b.incomeStatement
  for (const m of MEASURES)
    checks.push(
      compareFigures(
        `cross.unit.${m}`,
        'crossTable',
        { ref: { table: 3 }, label: { key: 'unitRow', measure: m }, value: f[m] },
        { ref: { table: 8 }, label: { key: 'unitRow', measure: m }, value: e[m] },
        steps(2),
      ),
    )
  checks.push(
    compareFigures(
      'cross.incomeExpenditure',
      'crossTable',
      { ref: { table: 1 }, label: { key: 'currentYearIncome' }, value: inc.currentYearIncome },
      { ref: { table: 1 }, label: { key: 'currentYearExpenditure' }, value: inc.currentYearExpenditure },
      steps(2),
    ),
    compareFigures(
      'cross.incomeGrand',
      'crossTable',
      { ref: { table: 1 }, label: { key: 'incomeGrandTotal' }, value: inc.incomeGrandTotal },
      { ref: { table: 1 }, label: { key: 'incomePlusCarriedOver' }, value: sumAmounts([inc.currentYearIncome, inc.carriedOver]) },
      steps(3),
    ),
    compareFigures(
      'cross.expenditureGrand',
      'crossTable',
      { ref: { table: 1 }, label: { key: 'expenditureGrandTotal' }, value: inc.expenditureGrandTotal },
      { ref: { table: 1 }, label: { key: 'expenditurePlusCarryForward' }, value: sumAmounts([inc.currentYearExpenditure, inc.carryForward]) },
      steps(3),
    ),
    compareFigures(
      'cross.table1Functional',
      'crossTable',
      { ref: { table: 1 }, label: { key: 'currentYearExpenditure' }, value: inc.currentYearExpenditure },
      { ref: { table: 3 }, label: { key: 'unitRow', measure: 'total' }, value: f.total },
      steps(2),
    ),
    compareFigures(
      'cross.overviewIncome',
      'crossTable',
      { ref: { part: 2 }, label: { key: 'statedIncome' }, value: b.overview.income.amount },
      { ref: { table: 1 }, label: { key: 'currentYearIncome' }, value: inc.currentYearIncome },
      steps(2),
    ),
    compareFigures(
      'cross.overviewExpenditure',
      'crossTable',
      { ref: { part: 2 }, label: { key: 'statedExpenditure' }, value: b.overview.expenditure.amount },
      { ref: { table: 1 }, label: { key: 'currentYearExpenditure' }, value: inc.currentYearExpenditure },
      steps(2),
    ),
  )
  return checks
}

/** Table 1's income lines: top-level lines add up to the year's income; children to their parent. */
function incomeLineChecks(b: Budget): Check[] {
  const inc = b.incomeStatement
  const topLines = inc.lines.filter((l) => !l.parent)
  const checks: Check[] = []
  checks.push(
    compareFigures(
      'income.sum',
      'crossTable',
      { ref: { table: 1 }, label: { key: 'currentYearIncome' }, value: inc.currentYearIncome },
      { ref: { table: 1 }, label: { key: 'incomeLinesSum', count: topLines.length }, value: sumAmounts(topLines.map((l) => l.amount)) },
      steps(topLines.length + 1),
    ),
  )
  for (const parent of topLines) {
    const kids = inc.lines.filter((l) => l.parent === parent.id)
    if (!kids.length) continue
    checks.push(
      compareFigures(
        `income.sum.${parent.id}`,
        'crossTable',
        { ref: { table: 1 }, label: { key: 'incomeLine', name: parent.name }, value: parent.amount },
        { ref: { table: 1 }, label: { key: 'incomeChildrenSum', name: parent.name, count: kids.length }, value: sumAmounts(kids.map((l) => l.amount)) },
        steps(kids.length + 1),
      ),
    )
  }

  return checks
}

/** Part three's basic groups: they add up to the basic column, their items to them and to table 8's rows. */
function basicPartsChecks(b: Budget): Check[] {
  const f = b.functionalTree
  const e = b.economicTree
  const groups = b.basicBreakdown
  const checks: Check[] = []
  checks.push(
    compareFigures(
      'parts.basicGroups',
      'parts',
      { ref: { table: 3 }, label: { key: 'unitRow', measure: 'basic' }, value: f.basic },
      { ref: { part: 3 }, label: { key: 'basicGroupsSum', count: groups.length }, value: sumAmounts(groups.map((g) => g.amount)) },
      steps(groups.length + 1),
    ),
  )
  for (const g of groups)
    checks.push(
      compareFigures(
        `parts.basicGroup.${g.id}`,
        'parts',
        { ref: { part: 3 }, label: { key: 'basicGroup', name: g.name }, value: g.amount },
        { ref: { part: 3 }, label: { key: 'basicGroupItems', name: g.name, count: g.items.length }, value: sumAmounts(g.items.map((i) => i.amount)) },
        steps(g.items.length + 1),
      ),
    )
  const byEconomicClass = new Map<string, number[]>()
  for (const g of groups) for (const i of g.items) byEconomicClass.set(i.economicCode, [...(byEconomicClass.get(i.economicCode) ?? []), i.amount])
  for (const [code, amounts] of byEconomicClass) {
    const node = e.byCode.get(code)
    checks.push(
      compareFigures(
        `parts.economicBasic.${code}`,
        'parts',
        { ref: { table: 8 }, label: { key: 'row', code, name: node?.name, measure: 'basic' }, value: node?.basic ?? NaN },
        { ref: { part: 3 }, label: { key: 'basicItemsForClass', code, name: node?.name, count: amounts.length }, value: sumAmounts(amounts) },
        steps(amounts.length + 1),
      ),
    )
  }
  return checks
}

/** Part three's project budget and categories, part four's procurement, part six's funds, part seven's projects. */
function projectPartsChecks(b: Budget): Check[] {
  const f = b.functionalTree
  const checks: Check[] = []
  const pe = b.projectExpenditure
  checks.push(
    compareFigures(
      'parts.project',
      'parts',
      { ref: { table: 3 }, label: { key: 'unitRow', measure: 'project' }, value: f.project },
      { ref: { part: 3 }, label: { key: 'projectStated' }, value: pe.amount },
      steps(2),
    ),
    compareFigures(
      'parts.projectCategories',
      'parts',
      { ref: { part: 3 }, label: { key: 'projectStated' }, value: pe.amount },
      { ref: { part: 3 }, label: { key: 'categoriesSum', count: pe.categories.length }, value: sumAmounts(pe.categories.map((c) => c.amount)) },
      steps(pe.categories.length + 1),
    ),
    compareFigures(
      'parts.procurement',
      'parts',
      { ref: { part: 4 }, label: { key: 'procurementStated' }, value: b.procurement.total },
      { ref: { table: 3 }, label: { key: 'procurementColumn' }, value: b.functional.unit.procurement.total },
      steps(2),
    ),
    compareFigures(
      'parts.procurementKinds',
      'parts',
      { ref: { part: 4 }, label: { key: 'procurementStated' }, value: b.procurement.total },
      { ref: { part: 4 }, label: { key: 'procurementKindsSum', count: 3 }, value: sumAmounts([b.procurement.goods, b.procurement.works, b.procurement.services]) },
      steps(4),
    ),
    compareFigures(
      'parts.performanceFunds',
      'parts',
      { ref: { part: 6 }, label: { key: 'performanceFunds' }, value: b.performanceManagement.projectFunds },
      { ref: { part: 3 }, label: { key: 'projectStated' }, value: pe.amount },
      steps(2),
    ),
  )
  for (const kp of b.keyProjects.projects) {
    const cat = pe.categories.find((c) => c.name.zh === kp.name.zh)
    if (!cat) continue
    checks.push(
      compareFigures(
        `parts.keyProject.${cat.id}`,
        'parts',
        { ref: { part: 7 }, label: { key: 'keyProject', name: kp.name }, value: kp.amount },
        { ref: { part: 3 }, label: { key: 'category', name: cat.name }, value: cat.amount },
        steps(2),
      ),
    )
  }

  return checks
}

/** Table 12: tasks against the project budget and its categories. */
function performanceChecks(b: Budget): Check[] {
  const perf = b.performance
  const pe = b.projectExpenditure
  const checks: Check[] = []
  checks.push(
    compareFigures(
      'performance.tasksSum',
      'performance',
      { ref: { table: 12 }, label: { key: 'tasksTotal' }, value: perf.tasksTotal.total },
      { ref: { table: 12 }, label: { key: 'tasksSum', count: perf.tasks.length }, value: sumAmounts(perf.tasks.map((t) => t.total)) },
      [...perf.tasks.map((t) => stepOf(t.total)), 0.01],
    ),
    compareFigures(
      'performance.tasksProject',
      'performance',
      { ref: { table: 12 }, label: { key: 'tasksTotal' }, value: perf.tasksTotal.total },
      { ref: { part: 3 }, label: { key: 'projectStated' }, value: pe.amount },
      [0.01, 1],
    ),
  )
  for (const t of perf.tasks)
    checks.push(
      compareFigures(
        `performance.taskFunding.${t.id}`,
        'performance',
        { ref: { table: 12 }, label: { key: 'task', name: t.name }, value: t.total },
        { ref: { table: 12 }, label: { key: 'taskFundingSum', name: t.name }, value: sumAmounts([t.fiscal, t.other]) },
        [0.01, 0.01, 0.01],
      ),
    )
  for (const c of pe.categories) {
    const tasks = perf.tasks.filter((t) => c.taskIds.includes(t.id))
    checks.push({
      ...compareFigures(
        `performance.category.${c.id}`,
        'performance',
        { ref: { part: 3 }, label: { key: 'category', name: c.name }, value: c.amount },
        { ref: { table: 12 }, label: { key: 'categoryTasksSum', name: c.name, count: tasks.length }, value: sumAmounts(tasks.map((t) => t.total)) },
        [stepOf(c.amount) === 1 ? 1 : 0.01, ...tasks.map(() => 0.01)],
      ),
      // Which tasks a category has is the data's `taskIds`, a reading the document does not state.
      editorial: EDITORIAL_PATHS.categoryTasks(c.id),
    })
  }

  return checks
}

/** Table 9: 三公经费 items add up, the change column is the difference, and two items match table 8. */
function threePublicChecks(b: Budget): Check[] {
  const e = b.economicTree
  const tp = b.threePublic
  const checks: Check[] = []
  const rows = [...tp.years.map((y) => ({ key: String(y.year), year: y.year as number | undefined, row: y })), { key: 'change', year: undefined, row: tp.change }]
  for (const { key, year, row } of rows) {
    const label = (k: string): CheckLabel => ({ key: k, year })
    checks.push(
      compareFigures(
        `threePublic.total.${key}`,
        'threePublic',
        { ref: { table: 9 }, label: label(year ? 'threePublicTotal' : 'threePublicChangeTotal'), value: row.total },
        { ref: { table: 9 }, label: label('threePublicItemsSum'), value: sumAmounts([row.abroad, row.reception, row.vehicles]) },
        [row.total, row.abroad, row.reception, row.vehicles].map(stepOf),
      ),
      compareFigures(
        `threePublic.vehicles.${key}`,
        'threePublic',
        { ref: { table: 9 }, label: label('threePublicVehicles'), value: row.vehicles },
        { ref: { table: 9 }, label: label('threePublicVehicleParts'), value: sumAmounts([row.vehiclePurchase, row.vehicleOperation]) },
        [row.vehicles, row.vehiclePurchase, row.vehicleOperation].map(stepOf),
      ),
    )
  }
  const y2 = [...tp.years].sort((a, z) => z.year - a.year)
  const [cur, prev] = y2
  if (cur && prev) {
    for (const item of THREE_PUBLIC_ITEMS)
      checks.push(
        compareFigures(
          `threePublic.change.${item}`,
          'threePublic',
          { ref: { table: 9 }, label: { key: `threePublicChange.${item}` }, value: tp.change[item] },
          { ref: { table: 9 }, label: { key: `threePublicDifference.${item}`, year: cur.year }, value: cents(cur[item] - prev[item]) },
          [tp.change[item], cur[item], prev[item]].map(stepOf),
        ),
      )
    const rec = e.byCode.get('30217')
    if (rec)
      checks.push(
        compareFigures(
          'threePublic.reception.economic',
          'crossTable',
          { ref: { table: 9 }, label: { key: 'threePublic.reception', year: cur.year }, value: cur.reception },
          { ref: { table: 8 }, label: { key: 'row', code: rec.code, name: rec.name, measure: 'total' }, value: rec.total },
          [stepOf(cur.reception), 1],
        ),
      )
    const car = e.byCode.get('30231')
    if (car)
      checks.push(
        compareFigures(
          'threePublic.vehicleOperation.economic',
          'crossTable',
          { ref: { table: 9 }, label: { key: 'threePublic.vehicleOperation', year: cur.year }, value: cur.vehicleOperation },
          { ref: { table: 8 }, label: { key: 'row', code: car.code, name: car.name, measure: 'total' }, value: car.total },
          [stepOf(cur.vehicleOperation), 1],
        ),
      )
    if (tp.percent?.total !== undefined)
      checks.push(comparePercent('percent.threePublic', { key: 'threePublic.total' }, { part: 5 }, tp.change.total, prev.total, tp.percent.total))
  }

  return checks
}

/** Percentages stated in parts two and three against the stated amounts. */
function statedPercentChecks(b: Budget): Check[] {
  const checks: Check[] = []
  const pe = b.projectExpenditure
  const ov = b.overview
  for (const [id, item] of [['income', ov.income], ['expenditure', ov.expenditure]] as const) {
    const ch = item.change
    if (ch?.percent !== undefined)
      checks.push(comparePercent(`percent.${id}`, { key: id === 'income' ? 'statedIncome' : 'statedExpenditure' }, { part: 2 }, ch.amount, item.amount - ch.amount, ch.percent))
  }
  for (const c of pe.categories)
    if (c.change.percent !== undefined)
      checks.push(comparePercent(`percent.category.${c.id}`, { key: 'category', name: c.name }, { part: 3 }, c.change.amount, c.amount - c.change.amount, c.change.percent))
  return checks
}

/** Counts of verdicts: { ok: 120, rounding: 4, mismatch: 0 }. */
export function computeVerdictCounts(checks: readonly Check[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { ok: 0, rounding: 0, mismatch: 0 }
  for (const c of checks) counts[c.verdict]++
  return counts
}
