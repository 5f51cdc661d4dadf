/**
 * Exports: a table model or the checks as CSV rows in the reader's unit and language, and the
 * file names (the dataset's JSON is its published file, linked as it is). Amounts stay numbers; 元 are the exact conversion of the
 * published 万元 (`toYuan`), never rounded. Labels come in through a context, as for charts.
 */
import type { Check, CheckGroup, Verdict } from './checks'
import type { CsvValue } from './csv'
import { toYuan, type AmountUnit } from './format'
import type { TableCell, TableColumn, TableModel, TableRow, TableSection, TableText } from './tables'
import { localize, type Locale, type Text } from './types'

/** What an export needs from the UI: language, unit and a translator for message keys. */
export interface ExportContext {
  locale: Locale
  unit: AmountUnit
  t: (key: string, params?: Record<string, string | number>) => string
}

/** What a checks export also needs: words for each side, verdict and group. */
export interface CheckExportContext extends ExportContext {
  /** "表 8" and "301 工资福利支出（支出总计）" for one side of a check. */
  describe: (check: Check, side: 'left' | 'right') => { source: string; label: string }
  verdict: (verdict: Verdict) => string
  group: (group: CheckGroup) => string
}

/** A table word in the context's language: data text, or a translated message key. */
export function resolveTableText(x: TableText, ctx: Pick<ExportContext, 't' | 'locale'>): string {
  return 'text' in x ? localize(x.text, ctx.locale) : ctx.t(x.key, x.params)
}

/** A published 万元 amount in the chosen unit, exactly: 94.68 → 946800 元. */
export function convertAmount(value: number, unit: AmountUnit): number {
  return unit === 'yuan' ? toYuan(value) : value
}

/** The unit's name for headers: "万元" / "元". */
export function unitName(ctx: Pick<ExportContext, 't' | 'unit'>): string {
  return ctx.t(ctx.unit === 'yuan' ? 'units.yuan' : 'units.wan')
}

function headerRow(section: TableSection, ctx: ExportContext): string[] {
  return section.columns.flatMap((c: TableColumn) => {
    const label = resolveTableText(c.label, ctx)
    const full = c.group ? `${resolveTableText(c.group, ctx)} · ${label}` : label
    if (c.kind === 'name') return section.codeLabel ? [resolveTableText(section.codeLabel, ctx), full] : [full]
    return [c.kind === 'amount' ? ctx.t('export.withUnit', { label: full, unit: unitName(ctx) }) : full]
  })
}

function cellValue(cell: TableCell | undefined, ctx: ExportContext): CsvValue {
  if (!cell || cell.kind === 'empty') return null
  if (cell.kind === 'amount') return convertAmount(cell.value, ctx.unit)
  return resolveTableText(cell.text, ctx)
}

/** A row's name as printed, with its numbering and two spaces per level of indentation. */
function rowName(row: TableRow, ctx: ExportContext): string {
  const marker = row.marker ? localize(row.marker, ctx.locale) : ''
  return `${'  '.repeat(row.level)}${marker}${resolveTableText(row.name, ctx)}`
}

function dataRow(section: TableSection, row: TableRow, ctx: ExportContext): CsvValue[] {
  let next = 0
  return section.columns.flatMap((c) => {
    if (c.kind === 'name') return section.codeLabel ? [row.code ?? null, rowName(row, ctx)] : [rowName(row, ctx)]
    return [cellValue(row.cells[next++], ctx)]
  })
}

/**
 * A table as CSV rows: title, department, unit and (when derived) how it was rebuilt; then each
 * section with its header; then the notes. Every text cell is complete (merged cells repeated).
 */
export function buildTableCsvRows(table: TableModel, ctx: ExportContext, department: Text): CsvValue[][] {
  const title = `${ctx.t('tables.number', { n: table.number })} ${resolveTableText(table.title, ctx)}`
  const rows: CsvValue[][] = [
    table.derived ? [title, ctx.t('app.derived')] : [title],
    [ctx.t('export.department'), localize(department, ctx.locale)],
    [ctx.t('export.unit'), unitName(ctx)],
    ...(table.derivedNote ?? []).map((n) => [ctx.t('export.derivedNote'), resolveTableText(n, ctx)]),
  ]
  for (const section of table.sections) {
    rows.push([])
    if (section.title) rows.push([resolveTableText(section.title, ctx)])
    rows.push(headerRow(section, ctx))
    for (const row of section.rows) rows.push(dataRow(section, row, ctx))
  }
  if (table.notes.length) rows.push([], ...table.notes.map((n) => [ctx.t('export.note'), resolveTableText(n, ctx)]))
  return rows
}

const CHECK_COLUMNS = ['id', 'group', 'leftSource', 'leftLabel', 'leftValue', 'rightSource', 'rightLabel', 'rightValue', 'difference', 'tolerance', 'unit', 'verdict'] as const

/** The checks as CSV rows, one per check; percentages stay in percent, amounts follow the unit. */
export function buildChecksCsvRows(checks: readonly Check[], ctx: CheckExportContext): CsvValue[][] {
  const rows: CsvValue[][] = [CHECK_COLUMNS.map((c) => ctx.t(`export.checkColumns.${c}`))]
  for (const c of checks) {
    const percent = c.group === 'percent'
    const value = (x: number): number => (percent ? x : convertAmount(x, ctx.unit))
    const left = ctx.describe(c, 'left')
    const right = ctx.describe(c, 'right')
    rows.push([
      c.id,
      ctx.group(c.group),
      left.source,
      left.label,
      value(c.left.value),
      right.source,
      right.label,
      value(c.right.value),
      value(c.difference),
      value(c.tolerance),
      percent ? '%' : unitName(ctx),
      ctx.verdict(c.verdict),
    ])
  }
  return rows
}

/** A safe, descriptive file name: "yantian-investment-center-2023_table-08_zh-CN_wan.csv". */
export function formatExportFileName(parts: { datasetId: string; subject: string; locale?: Locale; unit?: AmountUnit }, extension: 'csv' | 'json'): string {
  const words = [parts.datasetId, parts.subject, parts.locale, parts.unit].filter((w): w is string => !!w)
  return `${words.map((w) => w.replace(/[^\w.-]+/g, '-')).join('_')}.${extension}`
}

/** The subject of a table's file name: 8 → "table-08". */
export function tableFileSubject(number: number): string {
  return `table-${String(number).padStart(2, '0')}`
}
