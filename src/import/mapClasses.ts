/**
 * The functional and economic tables of a parsed document as dataset rows: which table holds each,
 * which column is the total, basic and project amount, and the table's own total (unit) row.
 */
import type { RawDataset } from '../domain/schema'
import { cellValue, codeName, note, type MapContext } from './mapContext'
import type { TableKind } from './registry'
import type { Column, MoneyUnit, ParsedRow, ParsedTable } from './types'

type Split = { total: number; basic?: number; project?: number }
type Procurement = { total: number; sme: number; smallMicro: number }

const leaf = (c: Column): string => c.path.at(-1) ?? ''
const TOTAL_LEAF = /^(合计|支出总计|本年支出合计|总计|小计|金额|决算数|预算数)$/

/** The total, basic and project columns of one side-by-side group of a table. */
function splitColumns(t: ParsedTable, group: number): { total?: Column; basic?: Column; project?: Column; procurement?: { total: Column; sme: Column; smallMicro: Column } } {
  const cols = t.columns.filter((c) => c.group === group)
  const plain = cols.filter((c) => !c.path.some((p) => /政府采购/.test(p)))
  const total = plain.find((c) => TOTAL_LEAF.test(leaf(c))) ?? plain[0]
  const basic = plain.find((c) => leaf(c) === '基本支出')
  const project = plain.find((c) => leaf(c) === '项目支出')
  const pTotal = cols.find((c) => c.path.some((p) => /政府采购/.test(p)) && /^(小计|合计)$/.test(leaf(c)))
  const sme = cols.find((c) => /面向中小企业/.test(leaf(c)))
  const smallMicro = cols.find((c) => /小型、微型/.test(leaf(c)))
  return { total, basic, project, ...(pTotal && sme && smallMicro ? { procurement: { total: pTotal, sme, smallMicro } } : {}) }
}

function unitOf(t: ParsedTable): MoneyUnit {
  return t.unit?.value ?? '万元'
}

function splitOf(t: ParsedTable, r: ParsedRow, ctx: MapContext): (Split & { procurement?: Procurement }) | undefined {
  const cols = splitColumns(t, r.group)
  const v = (c: Column | undefined) => (c ? cellValue(r.cells[c.key], unitOf(t), ctx) : undefined)
  const total = v(cols.total)
  if (total === undefined) return undefined
  const basic = v(cols.basic)
  const project = v(cols.project)
  const out: Split & { procurement?: Procurement } = { total, ...(basic !== undefined ? { basic } : {}), ...(project !== undefined ? { project } : {}) }
  if (cols.procurement) {
    const [pt, ps, pm] = [v(cols.procurement.total), v(cols.procurement.sme), v(cols.procurement.smallMicro)]
    if (pt !== undefined && ps !== undefined && pm !== undefined) out.procurement = { total: pt, sme: ps, smallMicro: pm }
  }
  return out
}

/** Functional tables in order of preference: the one covering all funds first, one amount column last. */
const FUNCTIONAL_KINDS: readonly TableKind[] = ['expenditureSummary', 'generalPublicFunctional', 'fiscalFunctional']
const ECONOMIC_KINDS: readonly { kind: TableKind; scope: 'all' | 'basic' }[] = [
  { kind: 'generalPublicEconomic', scope: 'all' },
  { kind: 'generalPublicBasicEconomic', scope: 'basic' },
  { kind: 'fiscalBasicEconomic', scope: 'basic' },
]

const hasClasses = (t: ParsedTable, digits: number) => t.rows.some((r) => r.level === '类' && r.code?.length === 3 && r.code.startsWith(digits === 2 ? '2' : '3'))
const hasSplit = (t: ParsedTable) => t.columns.some((c) => leaf(c) === '基本支出') && t.columns.some((c) => leaf(c) === '项目支出')

/** The functional table: the one with a basic/project split where there is one, else one amount column. */
export function pickFunctional(tables: readonly ParsedTable[]): ParsedTable | undefined {
  const candidates = FUNCTIONAL_KINDS.flatMap((k) => tables.filter((t) => t.kind === k && hasClasses(t, 2)))
  return candidates.find(hasSplit) ?? candidates[0]
}

export function pickEconomic(tables: readonly ParsedTable[]): { table: ParsedTable; scope: 'all' | 'basic' } | undefined {
  for (const { kind, scope } of ECONOMIC_KINDS) {
    const table = tables.find((t) => t.kind === kind && hasClasses(t, 3))
    if (table) return { table, scope }
  }
  return undefined
}

type Classified = { unit: Split & { procurement?: Procurement }; rows: (Split & { code: string; name: RawDataset['functional']['rows'][number]['name']; procurement?: Procurement })[] }

/**
 * A classification table's coded rows and its total row. A row printed blank is not stored (a
 * blank is not 0) and is listed; where the table prints one total per side-by-side group (人员经费合计
 * | 公用经费合计) the unit total is their exact sum, listed as derived.
 */
export function classRows(t: ParsedTable, classification: 'functional' | 'economic', ctx: MapContext): Classified | null {
  const maxDigits = classification === 'functional' ? 7 : 5
  const rows: Classified['rows'] = []
  for (const r of t.rows) {
    if (!r.code || r.code.length > maxDigits) continue
    const split = splitOf(t, r, ctx)
    if (!split) {
      note(ctx, 'notPlaced', `${t.title.value}: row ${r.codeAsPrinted ?? r.code} ${r.name} is printed blank, so it is not stored`, r.at)
      continue
    }
    rows.push({ code: r.code, name: codeName(ctx, classification, r.code, r.name), ...split })
  }
  const own = t.rows.filter((r) => r.role === 'unit' || r.role === 'total')
  const first = own.find((r) => r.role === 'unit') ?? own[0]
  const groups = [...new Set(t.rows.filter((r) => r.code).map((r) => r.group))]
  const groupTotals = groups.map((g) => own.find((r) => r.group === g && r.role === 'total')).filter((r): r is ParsedRow => r !== undefined)
  let unit: Classified['unit'] | undefined
  if (groups.length > 1 && groupTotals.length === groups.length) {
    const parts = groupTotals.map((r) => splitOf(t, r, ctx)?.total)
    if (parts.every((x): x is number => x !== undefined)) {
      const exact = parts.reduce((a, x) => a + Math.round(x * 10_000), 0) / 10_000
      unit = { total: exact }
      note(ctx, 'derived', `${t.title.value}: the table prints one total per group (${groupTotals.map((r) => r.name).join(' + ')}); the dataset's total row is their sum, ${exact} ${ctx.unit}`, groupTotals[0]?.at ?? null)
    }
  } else if (first) unit = splitOf(t, first, ctx)
  if (!unit) {
    note(ctx, 'notPlaced', `${t.title.value}: no total row with figures was found, so the table is not used as the ${classification} table`, t.title.at)
    return null
  }
  return { unit, rows }
}
