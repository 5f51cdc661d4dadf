/**
 * The prose's stated figures (`Fact`s) as dataset sections: the totals and their change, the project
 * budget and its categories, procurement, 机关运行经费, assets, staffing, performance management,
 * what the prose says item by item, and the 三公 percentage and reasons. A fact that fits no
 * section is listed in the report, never dropped silently.
 */
import type { RawDataset } from '../domain/schema'
import { inUnit, note, sameName, zh, type MapContext } from './mapContext'
import type { Amount, Fact, StatedChange } from './types'

type Change = { amount: number; percent?: number; reason?: { zh: string } }
type Functional = RawDataset['functional']

const sign = (c: StatedChange) => (c.direction === 'down' ? -1 : 1)
/** The amount in the dataset's unit (prose figures are printed in 万元). */
const wan = (a: Amount, ctx: MapContext) => inUnit(a, '万元', ctx.unit)
/** A stated percentage, signed by its direction: 下降 7% → −7. */
const percentOf = (c: StatedChange) => (c.percent ? (sign(c) * c.percent.minor) / 10 ** c.percent.decimals : undefined)

/** A stated change, signed; 持平 is a change of 0. `undefined` when the sentence states no amount of change. */
function changeOf(f: Fact, ctx: MapContext): Change | undefined {
  const c = f.change
  if (!c) return undefined
  const amount = c.direction === 'flat' ? 0 : c.amount ? sign(c) * wan(c.amount, ctx) : undefined
  if (amount === undefined) return undefined
  const percent = percentOf(c)
  return { amount: amount === 0 ? 0 : amount, ...(percent !== undefined ? { percent } : {}), ...(f.reason && !/\d万元/.test(f.reason) ? { reason: zh(f.reason.trim()) } : {}) }
}

function withChange(f: Fact, ctx: MapContext): { amount: number; change?: Change } | undefined {
  if (!f.amount) return undefined
  const change = changeOf(f, ctx)
  return { amount: wan(f.amount, ctx), ...(change ? { change } : {}) }
}

const INCOME_SUBJECTS = /^(部门预算收入|收入预算|本年收入合计|收入、支出预算总计)$/
const EXPENDITURE_SUBJECTS = /^(部门预算支出|支出预算|本年支出合计|收入、支出预算总计)$/

/** The path a subject names: "X（类）Y（款）Z（项）" → [{name: X, level: 类}, …]. */
function pathOf(subject: string): { name: string; level: string }[] {
  return [...subject.matchAll(/([^（）]+)（(类|款|项)）/g)].map((m) => ({ name: (m[1] ?? '').replace(/\s+/g, ''), level: m[2] ?? '' }))
}

/** The functional row a prose subject names: the 项 of that name under the named 款 (or the 类, "公共安全" = 公共安全支出). */
function codeOf(subject: string, functional: Functional): { code: string; name: string } | undefined {
  const path = pathOf(subject)
  const last = path.at(-1)
  if (!last) return undefined
  const digits = last.level === '类' ? 3 : last.level === '款' ? 5 : 7
  const named = (n: string, d: number) => functional.rows.filter((r) => r.code.length === d && (sameName(r.name.zh, n) || (d === 3 && sameName(r.name.zh, `${n}支出`))))
  let rows = named(last.name, digits)
  const parent = path.slice(0, -1).reverse()[0]
  if (parent && rows.length > 1) {
    const parents = named(parent.name, parent.level === '类' ? 3 : 5).map((p) => p.code)
    rows = rows.filter((r) => parents.some((p) => r.code.startsWith(p)))
  }
  const [row] = rows
  return rows.length === 1 && row ? { code: row.code, name: row.name.zh } : undefined
}

const THREE_PUBLIC_SUBJECTS: readonly [RegExp, 'total' | 'abroad' | 'reception' | 'vehicles' | 'vehiclePurchase' | 'vehicleOperation'][] = [
  [/三公/, 'total'],
  [/^因公出国/, 'abroad'],
  [/^公务接待费/, 'reception'],
  [/^公务用车购置(和|及)运行/, 'vehicles'],
  [/^公务用车购置费/, 'vehiclePurchase'],
  [/^公务用车运行/, 'vehicleOperation'],
]

const ASSETS: readonly [RegExp, keyof NonNullable<RawDataset['assets']>][] = [
  [/^共有车辆$/, 'vehicles'],
  [/^新增车辆$/, 'plannedVehicles'],
  [/^单价50万元以上的?通用设备$/, 'generalEquipmentOver50'],
  [/^单价100万元以上的?专用设备$/, 'specialEquipmentOver100'],
  [/^新增单价50万元以上的?通用设备$/, 'plannedGeneralEquipmentOver50'],
  [/^新增单价100万元以上的?专用设备$/, 'plannedSpecialEquipmentOver100'],
]

/** Dataset sections from the prose. `functional` resolves the 项 the prose names to codes. */
export function sectionsFromFacts(facts: readonly Fact[], functional: Functional, year: number, phase: 'budget' | 'final', ctx: MapContext): Partial<RawDataset> {
  const out: Partial<RawDataset> = {}
  const placed = new Set<Fact>()
  const take = (f: Fact | undefined) => {
    if (f) placed.add(f)
    return f
  }
  // Totals.
  const income = take(facts.find((f) => f.kind === 'total' && INCOME_SUBJECTS.test(f.subject)))
  const expenditure = take(facts.find((f) => f.kind === 'total' && EXPENDITURE_SUBJECTS.test(f.subject) && (f !== income || f.subject === '收入、支出预算总计')))
  const inc = income && withChange(income, ctx)
  const exp = expenditure && withChange(expenditure, ctx)
  if (inc || exp) out.overview = { ...(inc ? { income: inc } : {}), ...(exp ? { expenditure: exp } : {}), changeReasons: [] }
  // The project budget and (Yantian) its categories.
  const project = take(facts.find((f) => f.kind === 'total' && f.subject === '项目支出'))
  const categories = facts.filter((f) => f.kind === 'item' && !/（(类|款|项)）/.test(f.subject) && f.amount)
  if (project?.amount) {
    const pe = withChange(project, ctx)
    out.projectExpenditure = {
      amount: wan(project.amount, ctx),
      ...(pe?.change ? { change: pe.change } : {}),
      categories: categories.map((f, i) => {
        placed.add(f)
        const change = changeOf(f, ctx)
        return { id: `category-${i + 1}`, name: zh(f.subject), amount: wan(f.amount as Amount, ctx), ...(change ? { change } : {}) }
      }),
    }
  }
  // Procurement, 机关运行经费, performance management.
  const procurement = take(facts.find((f) => f.kind === 'procurement' && f.amount))
  if (procurement?.amount) {
    const p = procurement.parts ?? {}
    const part = (k: string) => (p[k] ? { [k]: wan(p[k], ctx) } : {})
    out.procurement = { total: wan(procurement.amount, ctx), ...part('goods'), ...part('works'), ...part('services') }
  }
  const operating = take(facts.find((f) => f.kind === 'operatingCosts' && f.amount))
  const oc = operating && withChange(operating, ctx)
  if (oc) out.operatingCosts = oc
  const perf = take(facts.find((f) => f.kind === 'performance'))
  if (perf) out.performanceManagement = { ...(perf.count !== undefined ? { projectGoals: perf.count } : {}), ...(perf.amount ? { projectFunds: wan(perf.amount, ctx) } : {}) }
  // Assets and staffing (counts).
  const assets: NonNullable<RawDataset['assets']> = {}
  for (const f of facts.filter((x) => x.kind === 'assets')) {
    const key = ASSETS.find(([re]) => re.test(f.subject))?.[1]
    if (key && key !== 'asOf' && f.count !== undefined && assets[key] === undefined) {
      assets[key] = f.count
      placed.add(f)
    }
  }
  if (Object.keys(assets).length) out.assets = assets
  const staffing: NonNullable<NonNullable<RawDataset['profile']>['staffing']> = {}
  for (const f of facts.filter((x) => x.kind === 'staffing')) {
    const actual = f.parts?.['实有在编人数']
    const admin = f.subject.startsWith('行政')
    if (f.count !== undefined) staffing[admin ? 'administrativeAuthorized' : 'institutionalAuthorized'] = f.count
    if (actual) staffing[admin ? 'administrativeActual' : 'institutionalActual'] = actual.minor
    placed.add(f)
  }
  if (Object.keys(staffing).length) out.profile = { staffing }
  // Item by item.
  const statements: NonNullable<RawDataset['itemStatements']> = []
  for (const f of facts.filter((x) => x.kind === 'item' && /（(类|款|项)）/.test(x.subject) && x.amount)) {
    const row = codeOf(f.subject, functional)
    if (!row || statements.some((s) => s.code === row.code)) continue
    placed.add(f)
    const prior = f.prior
    const executed = prior ? /^(\d{4})年当年预算执行数$/.exec(prior.label) : null
    const compared = prior && executed ? { basis: 'priorExecution' as const, year: Number(executed[1]), amount: wan(prior.amount, ctx) } : prior && prior.label === '年初预算' ? { basis: 'budget' as const, year, amount: wan(prior.amount, ctx) } : undefined
    const percent = f.change ? (f.change.direction === 'flat' ? undefined : percentOf(f.change)) : undefined
    const reason = f.reason?.trim()
    statements.push({
      code: row.code,
      name: zh(row.name),
      amount: wan(f.amount as Amount, ctx),
      ...(f.restated ? { restated: wan(f.restated, ctx) } : {}),
      ...(compared ? { compared } : {}),
      ...(percent !== undefined ? { percent } : {}),
      ...(reason ? { reason: zh(reason) } : {}),
    })
  }
  if (statements.length) out.itemStatements = statements
  // What fits nowhere.
  for (const f of facts) if (!placed.has(f) && f.kind !== 'threePublic') note(ctx, 'notPlaced', `prose: ${f.subject} ${f.amount?.text ?? f.count ?? ''} ${f.unit} (${f.kind}) fits no section of the dataset`, f.at)
  return out
}

type ThreePublicRow = NonNullable<NonNullable<RawDataset['threePublic']>['stated']>['budget']

/**
 * The prose's 三公 percentage and reasons, added to the table's rows; and, where the prose states the
 * year's actual (决算) figures (final accounts), those figures and the budget they are set against, as
 * `stated`: the table may print those cells blank, and a blank is not the 0.00 the prose writes.
 */
export function threePublicProse(facts: readonly Fact[], ctx: MapContext): Pick<NonNullable<RawDataset['threePublic']>, 'percent' | 'reasons' | 'stated'> {
  const reasons: Record<string, { zh: string }> = {}
  let percent: number | undefined
  const budget: NonNullable<ThreePublicRow> = {}
  const final: NonNullable<ThreePublicRow> = {}
  for (const f of facts.filter((x) => x.kind === 'threePublic')) {
    const item = THREE_PUBLIC_SUBJECTS.find(([re]) => re.test(f.subject))?.[1]
    if (!item) continue
    if (f.basis === 'final' && f.amount) {
      if (final[item] === undefined) final[item] = wan(f.amount, ctx)
      if (f.prior?.label === '年初预算' && budget[item] === undefined) budget[item] = wan(f.prior.amount, ctx)
      continue
    }
    const change = changeOf(f, ctx)
    if (item === 'total' && change?.percent !== undefined && percent === undefined) percent = change.percent
    if (change?.reason && !reasons[item]) reasons[item] = change.reason
  }
  const hasFinal = Object.keys(final).length > 0
  return {
    ...(percent !== undefined ? { percent: { total: percent } } : {}),
    ...(Object.keys(reasons).length ? { reasons } : {}),
    ...(hasFinal ? { stated: { ...(Object.keys(budget).length ? { budget } : {}), final } } : {}),
  }
}
