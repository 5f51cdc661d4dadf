/**
 * Sum and agreement checks on what was read: children against their parent code, rows against the
 * total row, column parts against the total column, a class printed in two tables, a prose figure
 * against its table, a stated percentage against the figures it is computed from. Every verdict
 * comes from `compareFigures` on exact integers. A document's own inconsistencies are findings
 * (`contradiction`), never errors of the reader.
 */
import { compareSame, compareSum, formatFigure, isAmount, isDash, toFigure, type Comparison, type Figure, type Verdict } from './amount'
import { COLUMN_SUM_RULES, type TableKind } from './registry'
import { ENUM_ANY_RE, ENUM_TOP_RE } from './tables'
import type { Amount, Cell, Fact, MoneyUnit, ParsedDocument, ParsedRow, ParsedTable, Where } from './types'

export const CHECK_FAMILIES = ['children', 'classesTotal', 'columns', 'sides', 'carryOver', 'crossTable', 'prose', 'percent', 'emptyNote', 'textTotal'] as const
export type CheckFamily = (typeof CHECK_FAMILIES)[number]

export interface CheckResult {
  family: CheckFamily
  /** Index of the table in `ParsedDocument.tables` the check belongs to, `null` for prose-only checks. */
  table: number | null
  /** What is compared, in one line: "201 一般公共服务支出 · 合计: children vs parent". */
  what: string
  left: string
  right: string
  /** left − right in 万元, exact. */
  difference: string
  /** Largest gap the printed rounding explains, in 万元. */
  tolerance: string
  verdict: Verdict
  at: Where
}

type Figured = Amount | { text: string; dash: true }

function fig(cell: Cell | undefined, unit: MoneyUnit): Figure | null {
  return isAmount(cell) || isDash(cell) ? toFigure(cell as Figured, unit) : null
}

function unitOf(t: ParsedTable): MoneyUnit {
  return t.unit?.value ?? '万元'
}

function result(family: CheckFamily, table: number | null, what: string, left: Figure, right: Figure, c: Comparison, at: Where): CheckResult {
  return { family, table, what, left: formatFigure(left), right: formatFigure(right), difference: formatFigure(c.difference), tolerance: formatFigure(c.tolerance), verdict: c.verdict, at }
}

/** Sums the parts of one column; `null` when nothing is stated on either side. */
function columnSum(rows: readonly ParsedRow[], key: string, unit: MoneyUnit): Figure[] {
  return rows.map((r) => fig(r.cells[key], unit)).filter((f): f is Figure => f !== null)
}

function addSumCheck(out: CheckResult[], family: CheckFamily, ti: number | null, what: string, parts: Figure[], total: Figure | null, at: Where): void {
  if (total === null || parts.length === 0) return
  const c = compareSum(parts, total)
  const sum = { minor: c.difference.minor + total.minor * 10 ** (c.difference.decimals - total.decimals), decimals: c.difference.decimals }
  out.push(result(family, ti, what, sum, total, c, at))
}

function groupKeys(t: ParsedTable, group: number): string[] {
  return t.columns.filter((c) => c.group === group).map((c) => c.key)
}

function groupsOf(t: ParsedTable): number[] {
  return [...new Set(t.rows.map((r) => r.group))]
}

function label(r: ParsedRow): string {
  return [r.codeAsPrinted, r.name].filter(Boolean).join(' ')
}

function tableChecks(t: ParsedTable, ti: number): CheckResult[] {
  const out: CheckResult[] = []
  const unit = unitOf(t)
  if (t.layout === 'text') {
    const total = t.rows.find((r) => r.role === 'total' && r.cells.value1)
    if (total) {
      const items = t.rows.filter((r) => r.role === 'item' && r.cells.value1)
      const enumerated = items.filter((r) => ENUM_TOP_RE.test(r.name))
      const parts = (enumerated.length ? enumerated : items).map((r) => fig(r.cells.value1, unit)).filter((f): f is Figure => f !== null)
      addSumCheck(out, 'textTotal', ti, `${t.title.value}: rows vs ${total.name}`, parts, fig(total.cells.value1, unit), total.at)
    }
    return out
  }
  for (const g of groupsOf(t)) {
    const rows = t.rows.filter((r) => r.group === g)
    const keys = groupKeys(t, g)
    // Children against their parent code.
    for (const parent of rows.filter((r) => r.level === '类' || r.level === '款')) {
      const code = parent.code ?? ''
      const children = rows.filter((r) => r.code && r.code.length === code.length + 2 && r.code.startsWith(code))
      if (children.length === 0) continue
      for (const key of keys) {
        addSumCheck(out, 'children', ti, `${label(parent)} · ${key}: children vs parent`, columnSum(children, key, unit), fig(parent.cells[key], unit), parent.at)
      }
    }
    // Classes against the total (or 预算单位) row.
    const classes = rows.filter((r) => r.level === '类')
    const total = rows.find((r) => r.role === 'total') ?? rows.find((r) => r.role === 'unit')
    if (classes.length && total) {
      for (const key of keys) addSumCheck(out, 'classesTotal', ti, `${t.title.value} · ${key}: 类 rows vs ${total.name}`, columnSum(classes, key, unit), fig(total.cells[key], unit), total.at)
    }
    // The two sides of a summary: top rows against the first total, then carry-overs against the last.
    if (!rows.some((r) => r.code)) {
      const firstTotal = rows.findIndex((r) => r.role === 'total' || r.role === 'subtotal')
      const top = rows.slice(0, Math.max(firstTotal, 0)).filter((r) => ENUM_TOP_RE.test(r.name))
      const tr = rows[firstTotal]
      if (tr && top.length > 0) {
        for (const key of keys) addSumCheck(out, 'sides', ti, `${t.title.value} · ${key}: ${top.length} rows vs ${tr.name}`, columnSum(top, key, unit), fig(tr.cells[key], unit), tr.at)
        const lastTotal = rows.map((r) => r.role).lastIndexOf('total')
        const lt = rows[lastTotal]
        if (lt && lastTotal > firstTotal) {
          const between = rows.slice(firstTotal + 1, lastTotal).filter((r) => r.role === 'item' && !ENUM_ANY_RE.test(r.name))
          for (const key of keys) addSumCheck(out, 'carryOver', ti, `${t.title.value} · ${key}: ${tr.name} + ${between.map((r) => r.name).join(' + ') || '—'} vs ${lt.name}`, columnSum([tr, ...between], key, unit), fig(lt.cells[key], unit), lt.at)
        }
      }
    }
    // Column parts against the total column, row by row (per measure where a table prints 预算数 and 决算数).
    const cols = t.columns.filter((c) => c.group === g)
    const measures = [...new Set(cols.map((c) => (/^(预算数|决算数)$/.test(c.path.at(-1) ?? '') ? (c.path.at(-1) ?? '') : '')))]
    for (const rule of COLUMN_SUM_RULES) {
      for (const measure of measures) {
        const inMeasure = measure ? cols.filter((c) => c.path.at(-1) === measure) : cols
        const path = (c: (typeof cols)[number]) => (measure ? c.path.slice(0, -1) : c.path)
        const totalCol = inMeasure.filter((c) => rule.total(path(c))).sort((a, b) => path(b).length - path(a).length)[0]
        const partCols = inMeasure.filter((c) => c !== totalCol && rule.parts.some((p) => p(path(c))))
        if (!totalCol || partCols.length < 2 || !partCols.some((c) => rule.anchor.test(path(c).at(-1) ?? ''))) continue
        const names = partCols.map((c) => path(c).at(-1)).join(' + ')
        for (const r of rows) {
          const parts = partCols.map((c) => fig(r.cells[c.key], unit)).filter((f): f is Figure => f !== null)
          addSumCheck(out, 'columns', ti, `${label(r) || t.title.value} · ${rule.id}${measure ? ` (${measure})` : ''}: ${names} vs ${path(totalCol).at(-1)}`, parts, fig(r.cells[totalCol.key], unit), r.at)
        }
      }
    }
  }
  // A note that says the table is empty, over a table that prints figures.
  if (t.empty) {
    const figured = t.rows.find((r) => Object.values(r.cells).some((c) => isAmount(c) && c.minor !== 0))
    if (figured) {
      const f = Object.values(figured.cells).find((c) => isAmount(c) && c.minor !== 0) as Amount
      const c: Comparison = { difference: toFigure(f, unit), tolerance: { minor: 0, decimals: 0 }, verdict: 'contradiction' }
      out.push(result('emptyNote', ti, `${t.title.value}: the note says 「${t.empty.value.slice(0, 30)}」 but the table prints figures`, toFigure(f, unit), { minor: 0, decimals: 0 }, c, t.empty.at))
    }
  }
  return out
}

function stripEnum(name: string): string {
  return name.replace(ENUM_ANY_RE, '').replace(/（类）$/, '')
}

function firstCell(t: ParsedTable, r: ParsedRow): Figure | null {
  const key = t.columns.find((c) => c.group === r.group)?.key
  return key === undefined ? null : fig(r.cells[key], unitOf(t))
}

function findTable(doc: ParsedDocument, kinds: readonly TableKind[], withClasses = true): [ParsedTable, number] | null {
  for (const k of kinds) {
    const i = doc.tables.findIndex((t) => t.kind === k && (!withClasses || t.rows.some((r) => r.level === '类')))
    const t = doc.tables[i]
    if (t) return [t, i]
  }
  return null
}

function crossChecks(doc: ParsedDocument): CheckResult[] {
  const out: CheckResult[] = []
  const pairs: [TableKind, TableKind[]][] = [
    ['incomeExpenditureSummary', ['expenditureSummary', 'generalPublicFunctional', 'fiscalFunctional']],
    ['fiscalSummary', ['generalPublicFunctional', 'fiscalFunctional', 'expenditureSummary']],
  ]
  for (const [kind, targets] of pairs) {
    doc.tables.forEach((t, ti) => {
      if (t.kind !== kind) return
      const found = findTable(doc, targets)
      if (!found) return
      const [target] = found
      for (const r of t.rows.filter((x) => x.group === 1 && ENUM_TOP_RE.test(x.name))) {
        const match = target.rows.find((x) => x.level === '类' && x.name === stripEnum(r.name))
        const a = firstCell(t, r)
        const b = match ? firstCell(target, match) : null
        if (!a || !b || !match) continue
        out.push(result('crossTable', ti, `${stripEnum(r.name)}: ${t.title.value} vs ${target.title.value} (${match.code})`, a, b, compareSame(a, b), r.at))
      }
    })
  }
  // The basic expenditure of the functional table against the economic table of basic expenditure.
  const functional = findTable(doc, ['generalPublicFunctional'])
  const economic = findTable(doc, ['generalPublicBasicEconomic', 'fiscalBasicEconomic'], false)
  if (functional && economic) {
    const [ft, fi] = functional
    const [et] = economic
    const basic = ft.columns.find((c) => c.path.at(-1) === '基本支出')
    const total = ft.rows.find((r) => r.role === 'total') ?? ft.rows.find((r) => r.role === 'unit')
    const eTotals = groupsOf(et).map((g) => et.rows.find((r) => r.group === g && r.role === 'total')).filter((r): r is ParsedRow => r !== undefined)
    const eFigures = eTotals.map((r) => firstCell(et, r)).filter((f): f is Figure => f !== null)
    const a = basic && total ? fig(total.cells[basic.key], unitOf(ft)) : null
    const [single] = eFigures
    if (a && total && single) {
      const c = eFigures.length === 1 ? compareSame(a, single) : compareSum(eFigures, a)
      const right = eFigures.length === 1 ? single : { minor: c.difference.minor + a.minor * 10 ** (c.difference.decimals - a.decimals), decimals: c.difference.decimals }
      out.push(result('crossTable', fi, `基本支出: ${ft.title.value} vs ${et.title.value}`, a, right, c, total.at))
    }
  }
  return out
}

/** The 项 row a prose path names: "X（类）Y（款）Z（项）" → the row named Z under a 款 named Y. */
function rowOfPath(doc: ParsedDocument, subject: string): [ParsedTable, ParsedRow] | null {
  const parts = [...subject.matchAll(/([^（）]+)（(类|款|项)）/g)].map((m) => ({ name: m[1] ?? '', level: m[2] ?? '' }))
  const item = parts.at(-1)
  if (!item) return null
  const section = parts.find((p) => p.level === '款')
  for (const kind of ['generalPublicFunctional', 'fiscalFunctional', 'expenditureSummary'] as const) {
    for (const t of doc.tables.filter((x) => x.kind === kind)) {
      const candidates = t.rows.filter((r) => r.level === item.level && r.name === item.name)
      const row = candidates.find((r) => !section || t.rows.some((p) => p.level === '款' && p.name === section.name && (r.code ?? '').startsWith(p.code ?? '-'))) ?? (candidates.length === 1 ? candidates[0] : undefined)
      if (row) return [t, row]
    }
  }
  return null
}

const WAN: MoneyUnit = '万元'

/** A printed figure as a value and the half step its printing may hide. */
interface Interval {
  v: number
  h: number
}

function interval(f: Figure): Interval {
  return { v: f.minor / 10 ** f.decimals, h: 0.5 / 10 ** f.decimals }
}

/**
 * Checks a stated percentage against the printed figures it is computed from. Each figure may be
 * off by half its printed step, so the percentage they allow is a range (its corners are tried);
 * the stated one may itself be off by half its own step. Floats are fine here: this compares a
 * derived ratio, it stores no figure.
 */
function percentCheck(f: Fact, what: string, stated: Amount, inputs: Interval[], pct: (values: number[]) => number): CheckResult | null {
  const exact = pct(inputs.map((x) => x.v))
  if (!Number.isFinite(exact)) return null
  const corners: number[] = []
  for (let mask = 0; mask < 1 << inputs.length; mask++) {
    corners.push(Math.abs(pct(inputs.map((x, i) => x.v + (mask & (1 << i) ? x.h : -x.h)))))
  }
  const step = 1 / 10 ** stated.decimals
  const p = Math.abs(stated.minor) * step
  const shown = Math.round(Math.abs(exact) / step) * step
  const lo = Math.min(...corners) - step / 2
  const hi = Math.max(...corners) + step / 2
  const verdict: Verdict = Math.abs(shown - p) < step / 1000 ? 'ok' : p >= lo && p <= hi ? 'withinRounding' : 'contradiction'
  const four = (x: number) => formatFigure({ minor: Math.round(x * 10000), decimals: 4 })
  return {
    family: 'percent',
    table: null,
    what: `${f.subject}: stated ${stated.text}% vs ${what}`,
    left: stated.text,
    right: four(Math.abs(exact)),
    difference: four(p - Math.abs(exact)),
    tolerance: four(Math.max(Math.abs(hi - Math.abs(exact)), Math.abs(Math.abs(exact) - lo))),
    verdict,
    at: f.at,
  }
}

const TOTAL_SUBJECTS: { subject: RegExp; kind: TableKind; group: number; row: RegExp | 'first' | 'last' }[] = [
  { subject: /^(部门预算收入|收入预算|本年收入合计)$/, kind: 'incomeExpenditureSummary', group: 0, row: 'first' },
  { subject: /^(部门预算支出|支出预算|本年支出合计)$/, kind: 'incomeExpenditureSummary', group: 1, row: 'first' },
  { subject: /^(收入支出总计|收入、支出预算总计)$/, kind: 'incomeExpenditureSummary', group: 0, row: 'last' },
  { subject: /^(财政拨款收入支出总计|财政拨款收、支总预算)$/, kind: 'fiscalSummary', group: 0, row: 'last' },
]

function proseChecks(doc: ParsedDocument): CheckResult[] {
  const out: CheckResult[] = []
  for (const f of doc.facts) {
    const a = f.amount ? toFigure(f.amount, WAN) : null
    // The same figure stated twice in one sentence.
    if (a && f.amount && f.restated) {
      const r = toFigure(f.restated, WAN)
      out.push(result('prose', null, `${f.subject}: stated ${f.amount.text} and again ${f.restated.text} 万元`, a, r, compareSame(a, r), f.at))
    }
    // A 项 figure against its table row.
    if (a && f.kind === 'item') {
      const found = rowOfPath(doc, f.subject)
      if (found) {
        const [t, row] = found
        const b = firstCell(t, row)
        if (b) out.push(result('prose', doc.tables.indexOf(t), `${f.subject}: prose vs ${t.title.value} ${row.code}`, a, b, compareSame(a, b), f.at))
      }
    }
    // A total against the summary table.
    if (a && f.kind === 'total') {
      const rule = TOTAL_SUBJECTS.find((x) => x.subject.test(f.subject))
      const t = rule && doc.tables.find((x) => x.kind === rule.kind)
      if (rule && t) {
        const totals = t.rows.filter((r) => r.group === rule.group && (r.role === 'total' || r.role === 'subtotal'))
        const row = rule.row === 'first' ? totals[0] : rule.row === 'last' ? totals.at(-1) : totals.find((r) => (rule.row as RegExp).test(r.name))
        const b = row ? firstCell(t, row) : null
        if (b && row) out.push(result('prose', doc.tables.indexOf(t), `${f.subject}: prose vs ${t.title.value} ${row.name}`, a, b, compareSame(a, b), f.at))
      }
    }
    // Procurement: goods + works + services against the total, and against a procurement table.
    if (a && f.kind === 'procurement' && f.parts) {
      const parts = Object.values(f.parts).map((p) => toFigure(p, WAN))
      addSumCheck(out, 'prose', null, `${f.subject}: ${Object.keys(f.parts).join(' + ')} vs total`, parts, a, f.at)
      const t = doc.tables.find((x) => x.kind === 'procurement')
      const total = t?.rows.find((r) => r.role === 'total')
      const b = t && total ? fig(total.cells.value1, unitOf(t)) : null
      if (t && b) out.push(result('prose', doc.tables.indexOf(t), `${f.subject}: prose vs ${t.title.value}`, a, b, compareSame(a, b), f.at))
    }
    // Percentages: from the stated prior figure, or from the stated change.
    const change = f.change
    const pct = change?.percent
    if (a && f.amount && change && pct && change.direction !== 'flat') {
      const current = interval(a)
      if (f.prior) {
        const prior = interval(toFigure(f.prior.amount, WAN))
        const check = percentCheck(f, `${f.prior.amount.text} → ${f.amount.text}`, pct, [prior, current], ([p = 0, c = 0]) => ((c - p) / p) * 100)
        if (check) out.push(check)
      } else if (change.amount) {
        const sign = change.direction === 'up' ? -1 : 1
        const delta = interval(toFigure(change.amount, WAN))
        const check = percentCheck(f, `${f.amount.text} ${sign < 0 ? '−' : '+'} ${change.amount.text}`, pct, [current, delta], ([c = 0, d = 0]) => (d / (c + sign * d)) * 100)
        if (check) out.push(check)
      }
    }
  }
  return out
}

/** Every check of a parsed document, table by table, then across tables, then the prose. */
export function computeChecks(doc: ParsedDocument): CheckResult[] {
  return [...doc.tables.flatMap((t, i) => tableChecks(t, i)), ...crossChecks(doc), ...proseChecks(doc)]
}

