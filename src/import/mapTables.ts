/**
 * The document's list of tables (`tables`), the tables held as printed (`grid`), and the sections
 * built from one table each: the summary's income lines, the 三公 rows, the empty tables and the
 * performance table's tasks and goals.
 */
import { INCOME_LINE_IDS, type RawDataset, type RawTableEntry } from '../domain/schema'
import { isAmount } from './amount'
import type { ContentsEntry } from './contents'
import { cellValue, note, noteText, zh, type MapContext } from './mapContext'
import { englishTitleOf, type TableKind } from './registry'
import { ENUM_ANY_RE } from './tables'
import type { Column, MoneyUnit, ParsedRow, ParsedTable } from './types'

type IncomeStatement = NonNullable<RawDataset['incomeStatement']>
type ThreePublic = NonNullable<RawDataset['threePublic']>
type Grid = NonNullable<RawTableEntry['grid']>

const unitOf = (t: ParsedTable): MoneyUnit => t.unit?.value ?? '万元'

/** Digits after the point the table prints (the most any of its amounts shows). */
export function decimalsOf(t: ParsedTable): number {
  let d = 0
  for (const r of t.rows) for (const c of Object.values(r.cells)) if (isAmount(c)) d = Math.max(d, c.decimals)
  return Math.min(d, 4)
}

/** True when the table prints at least one figure other than 0. */
function printsFigures(t: ParsedTable): boolean {
  return t.rows.some((r) => Object.values(r.cells).some((c) => isAmount(c) && c.minor !== 0))
}

/** A column's label as printed: its header path joined ("支出 / 2023年预算数"); a free-form table's amount columns are 金额. */
function columnLabel(t: ParsedTable, c: Column, i: number): string {
  if (t.layout === 'text') return t.columns.length > 1 ? `金额 ${i + 1}` : '金额'
  return c.path.join(' / ') || `金额 ${i + 1}`
}

/**
 * The table as printed: its columns and rows, blanks as null. A summary printed side by side
 * (收入 | 支出) is listed side after side, each row with figures only in its own side's columns. A
 * row printed without a name (a one-line table of the unit's figures) is named after the department.
 */
export function gridOf(t: ParsedTable, department: string, ctx: MapContext): Grid {
  const groups = [...new Set(t.rows.map((r) => r.group))].sort((a, b) => a - b)
  const rows = groups.flatMap((g) => t.rows.filter((r) => r.group === g))
  return {
    columns: t.columns.map((c, i) => zh(columnLabel(t, c, i))),
    rows: rows
      .filter((r) => t.layout !== 'text' || t.columns.some((c) => r.cells[c.key]))
      .map((r) => ({
        ...(r.code ? { code: r.code } : {}),
        name: zh(r.name || r.texts?.[0] || department),
        cells: t.columns.map((c) => cellValue(r.cells[c.key], unitOf(t), ctx) ?? null),
        ...(r.role === 'total' || r.role === 'subtotal' ? { total: true } : {}),
      })),
  }
}

/** The table's number: as printed (表 8, 公开05表), else as the contents list it, else its place. */
function numberOf(t: ParsedTable, i: number, contents: readonly ContentsEntry[]): number | undefined {
  const printed = t.number ? /(\d+)/.exec(t.number) : null
  if (printed) return Number(printed[1])
  return contents.find((e) => e.kind === t.kind)?.number ?? (contents.length ? undefined : i + 1)
}

/**
 * Every table found, then every table the contents list but the text lacks (status missing),
 * in the document's order. `grids` says which tables are held as printed.
 */
export function tableEntries(tables: readonly ParsedTable[], contents: readonly ContentsEntry[], grids: ReadonlyMap<ParsedTable, Grid>, tablePrinted: { unit: MoneyUnit; decimals: number }): RawTableEntry[] {
  const used = new Set<number>()
  const entries: RawTableEntry[] = []
  const numbered = tables.map((t, i) => ({ t, n: numberOf(t, i, contents) }))
  for (const { n } of numbered) if (n !== undefined) used.add(n)
  let next = Math.max(0, ...used) + 1
  for (const { t, n } of numbered) {
    const number = n !== undefined && !entries.some((e) => e.number === n) ? n : next++
    const decimals = decimalsOf(t)
    const printed = unitOf(t) !== tablePrinted.unit || decimals !== tablePrinted.decimals ? { printed: { unit: unitOf(t), decimals } } : {}
    const notes = t.notes.map((x) => noteText(x.value)).join(' ')
    const grid = grids.get(t)
    entries.push({
      kind: t.kind as TableKind,
      number,
      ...(t.number ? { printedNumber: t.number } : {}),
      title: { zh: t.title.value, en: englishTitleOf(t.kind) },
      status: t.empty && !printsFigures(t) ? 'empty' : 'published',
      ...printed,
      ...(grid ? { grid } : {}),
      ...(notes ? { note: zh(notes) } : {}),
    })
  }
  for (const c of contents) {
    if (entries.some((e) => e.kind === c.kind) || entries.some((e) => e.number === c.number)) continue
    entries.push({ kind: c.kind, number: c.number, title: { zh: c.title, en: englishTitleOf(c.kind) }, status: 'missing' })
  }
  return entries.sort((a, b) => a.number - b.number)
}

/** Income lines whose name says which well-known line they are (schema `INCOME_LINE_IDS`). */
const INCOME_IDS: readonly [RegExp, (typeof INCOME_LINE_IDS)[number]][] = [
  [/^(政府预算拨款|财政拨款(收入)?)$/, 'governmentBudget'],
  [/^一般公共预算(拨款|资金|财政拨款)?(收入)?$/, 'generalPublicBudget'],
  [/^政府性基金(预算)?(拨款|资金|财政拨款)?(收入)?$/, 'governmentFundBudget'],
  [/^国有资本经营(预算)?(拨款|资金|财政拨款)?(收入)?$/, 'stateCapitalBudget'],
  [/^财政专户管理资金(收入)?$/, 'fiscalSpecialAccount'],
  [/^单位资金$/, 'unitFunds'],
  [/^事业收入$/, 'businessIncome'],
  [/^(事业单位)?经营收入$/, 'operatingIncome'],
  [/^上级补助收入$/, 'higherLevelSubsidy'],
  [/^附属单位上缴收入$/, 'subordinateRemittance'],
  [/^其他收入$/, 'otherIncome'],
]

const TOP_RE = /^[一二三四五六七八九十]+、/
const CARRIED_OVER_RE = /^(上年结余、?结转|年初结转和结余|上年结转(和结余)?)$/
const CARRY_FORWARD_RE = /^(结转下年|年末结转和结余)$/

function firstValue(t: ParsedTable, r: ParsedRow, ctx: MapContext): number | undefined {
  const key = t.columns.find((c) => c.group === r.group)?.key
  return key === undefined ? undefined : cellValue(r.cells[key], unitOf(t), ctx)
}

/** The summary table's income side and totals; `undefined` (listed) when it states no year's income or expenditure. */
export function incomeStatementOf(t: ParsedTable, ctx: MapContext): IncomeStatement | undefined {
  const income = t.rows.filter((r) => r.group === 0)
  const firstTotal = income.findIndex((r) => r.role === 'total' || r.role === 'subtotal')
  const lines: IncomeStatement['lines'] = []
  let parent: string | undefined
  for (const [i, r] of income.slice(0, Math.max(firstTotal, 0)).entries()) {
    const name = r.name.replace(ENUM_ANY_RE, '').trim()
    const known = INCOME_IDS.find(([re]) => re.test(name))?.[1]
    const id = known && !lines.some((l) => l.id === known) ? known : `line-${i + 1}`
    const isTop = TOP_RE.test(r.name) || !ENUM_ANY_RE.test(r.name)
    const amount = firstValue(t, r, ctx)
    lines.push({ id, name: zh(name), ...(amount !== undefined ? { amount } : {}), ...(!isTop && parent ? { parent } : {}) })
    if (isTop) parent = id
  }
  const totals = (g: number) => t.rows.filter((r) => r.group === g && (r.role === 'total' || r.role === 'subtotal'))
  const expenditureGroup = [...new Set(t.rows.map((r) => r.group))].filter((g) => g > 0 && totals(g).length > 0)[0]
  const incomeTotals = totals(0)
  const spendTotals = expenditureGroup === undefined ? [] : totals(expenditureGroup)
  const value = (r: ParsedRow | undefined) => (r ? firstValue(t, r, ctx) : undefined)
  const currentYearIncome = value(incomeTotals[0])
  const currentYearExpenditure = value(spendTotals[0])
  if (currentYearIncome === undefined || currentYearExpenditure === undefined) {
    note(ctx, 'notPlaced', `${t.title.value}: no figure for the year's income and expenditure totals, so no income statement is stored`, t.title.at)
    return undefined
  }
  const named = (g: number, re: RegExp) => value(t.rows.find((r) => r.group === g && r.role === 'item' && re.test(r.name)))
  const optional = (k: string, v: number | undefined) => (v === undefined ? {} : { [k]: v })
  return {
    lines,
    currentYearIncome,
    ...optional('carriedOver', named(0, CARRIED_OVER_RE)),
    ...optional('incomeGrandTotal', incomeTotals.length > 1 ? value(incomeTotals.at(-1)) : undefined),
    currentYearExpenditure,
    ...optional('carryForward', expenditureGroup === undefined ? undefined : named(expenditureGroup, CARRY_FORWARD_RE)),
    ...optional('expenditureGrandTotal', spendTotals.length > 1 ? value(spendTotals.at(-1)) : undefined),
    notes: t.notes.flatMap((n) => noteText(n.value).split(/(?<=。)/).map((s) => s.trim()).filter(Boolean).map(zh)),
  }
}

type Item = 'total' | 'abroad' | 'reception' | 'vehicles' | 'vehiclePurchase' | 'vehicleOperation' | 'meetings' | 'training'

/** Which 三公 item a column is, from its header path with the 预算数 / 决算数 level removed. */
function itemOf(path: readonly string[]): Item | undefined {
  const p = path.filter((x) => !/^(预算数|决算数)$/.test(x))
  const last = p.at(-1) ?? ''
  const joined = p.join('/')
  const vehicles = /公务用车购置(及|和)运行/.test(joined)
  if (/^因公出国/.test(last)) return 'abroad'
  if (/^公务接待费/.test(last)) return 'reception'
  if (/^会议费$/.test(last)) return 'meetings'
  if (/^培训费$/.test(last)) return 'training'
  if (vehicles && (/^(小计|合计)$/.test(last) || /公务用车购置(及|和)运行(维护)?费$/.test(last))) return 'vehicles'
  if (/购置费$/.test(last) && /公务用车/.test(joined)) return 'vehiclePurchase'
  if (/运行(维护)?费$/.test(last) && /公务用车/.test(joined)) return 'vehicleOperation'
  if (/三公/.test(joined) && /^(小计|合计|总计)$/.test(last)) return 'total'
  if (p.length === 1 && /^(总计|合计)$/.test(last) && !path.some((x) => /三公/.test(x))) return 'total'
  return undefined
}

/**
 * The 三公 table's rows by year (a row named 2022年, or the document's year), the 增减变化金额 row,
 * and per column whether it is the budget or the actual. A column that is no 三公 item (the
 * 合计 beside 会议费 and 培训费, 机关运行经费) is listed, not stored; an item printed blank is absent.
 */
export function threePublicOf(t: ParsedTable, year: number, ctx: MapContext): ThreePublic | undefined {
  const items = t.columns.map((c) => ({ c, item: itemOf(c.path), basis: c.path.some((p) => /决算数/.test(p)) ? ('final' as const) : ('budget' as const) }))
  // Where both a 三公 小计 and an overall 合计 are printed, the 小计 is the 三公 total.
  const hasThreeSubtotal = items.some((x) => x.item === 'total' && x.c.path.some((p) => /三公/.test(p)))
  for (const x of items) if (x.item === 'total' && hasThreeSubtotal && !x.c.path.some((p) => /三公/.test(p))) x.item = undefined
  // A table with 预算数 / 决算数 column pairs (final accounts) labels both rows; a budget table's rows stay unlabelled.
  const paired = items.some((x) => x.basis === 'final')
  const years: ThreePublic['years'] = []
  let change: ThreePublic['change']
  for (const r of t.rows) {
    const y = /(\d{4})年/.exec(r.name)
    const isChange = /增减/.test(r.name)
    const rowYear = y ? Number(y[1]) : year
    const printed: ThreePublic['years'] = []
    for (const basis of ['budget', 'final'] as const) {
      const row: Partial<Record<Item, number>> = {}
      for (const x of items) {
        if (x.basis !== basis) continue
        const v = cellValue(r.cells[x.c.key], unitOf(t), ctx)
        if (v === undefined) continue
        if (x.item) row[x.item] = v
        else note(ctx, 'notPlaced', `${t.title.value}: column ${x.c.path.join(' / ')} is no 三公 item; its figure ${v} ${ctx.unit} is kept only in the report`, r.at)
      }
      if (isChange) {
        if (Object.keys(row).length) change = row
      } else if (paired) printed.push({ year: rowYear, basis, ...row })
      else if (Object.keys(row).length) printed.push({ year: rowYear, ...row })
    }
    // A row is kept when it prints a figure; then both its halves are, a half printed blank with no figure (blank is not 0).
    if (printed.some((p) => Object.keys(p).some((key) => key !== 'year' && key !== 'basis'))) years.push(...printed)
  }
  if (years.length === 0) return undefined
  const notes = t.notes.map((n) => noteText(n.value)).join(' ')
  return { years, ...(change ? { change } : {}), ...(notes ? { note: zh(notes) } : {}) }
}

/** An empty table's section: its printed total row where it has figures, and the note saying it is empty. */
export function emptyOf(t: ParsedTable, ctx: MapContext): RawDataset['governmentFund'] {
  if (!t.empty || printsFigures(t)) return undefined
  const row = t.rows.find((r) => r.role === 'unit') ?? t.rows.find((r) => r.role === 'total')
  const cols = t.columns.filter((c) => c.group === 0)
  const pick = (re: RegExp) => cols.find((c) => re.test(c.path.at(-1) ?? ''))
  const v = (c: Column | undefined) => (row && c ? cellValue(row.cells[c.key], unitOf(t), ctx) : undefined)
  const total = v(pick(/^(支出总计|合计|小计|金额)$/))
  const basic = v(pick(/^基本支出$/))
  const project = v(pick(/^项目支出$/))
  return {
    ...(total !== undefined ? { unit: { total, ...(basic !== undefined ? { basic } : {}), ...(project !== undefined ? { project } : {}) } } : {}),
    note: zh(noteText(t.empty.value)),
  }
}

/**
 * The performance table's tasks (name, content, 总额 / 财政拨款 / 其他资金), their 金额合计 and the
 * year's goals (目标1：… 目标2：…). Its indicators are not read: their levels are lost in the text.
 */
export function performanceOf(t: ParsedTable, ctx: MapContext): RawDataset['performance'] {
  const totalAt = t.rows.findIndex((r) => r.role === 'total')
  if (totalAt < 0) return undefined
  const figures = (r: ParsedRow) => ['value1', 'value2', 'value3'].map((k) => cellValue(r.cells[k], unitOf(t), ctx))
  const tasks: NonNullable<RawDataset['performance']>['tasks'] = []
  for (const [i, r] of t.rows.slice(0, totalAt).entries()) {
    const [total, fiscal, other] = figures(r)
    if (total === undefined) continue
    const content = r.texts?.[1]
    tasks.push({ id: `task-${i + 1}`, name: zh(r.name), ...(content ? { content: zh(content) } : {}), total, ...(fiscal !== undefined ? { fiscal } : {}), ...(other !== undefined ? { other } : {}) })
  }
  const totalRow = t.rows[totalAt]
  const [total, fiscal, other] = totalRow ? figures(totalRow) : []
  const goalsRow = t.rows.find((r) => /总体目标/.test(r.name))
  const goalsText = goalsRow?.texts?.slice(1).join('') ?? ''
  const goals = goalsText.split(/目标\d+[：:]/).map((s) => s.trim()).filter(Boolean).map(zh)
  const indicators = t.rows.slice(totalAt + 1).filter((r) => r !== goalsRow).length
  if (indicators) note(ctx, 'notPlaced', `${t.title.value}: ${indicators} indicator rows are not stored (their 一级 / 二级 levels are not marked in the text)`, t.rows[totalAt + 1]?.at ?? null)
  return {
    tasks,
    ...(total !== undefined ? { tasksTotal: { total, ...(fiscal !== undefined ? { fiscal } : {}), ...(other !== undefined ? { other } : {}) } } : {}),
    goals,
    dimensions: [],
  }
}
