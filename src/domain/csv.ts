/**
 * CSV as RFC 4180 describes it, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * Chinese correctly), CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
 *
 * Text from the data that a spreadsheet would run as a formula (it starts with = + - @, a tab or
 * a carriage return) gets a leading apostrophe. Numbers are never touched: −0.57 stays the number −0.57.
 */

/** One field: text from the data or the UI, a number, or nothing (an empty field). */
export type CsvValue = string | number | null | undefined

/** The UTF-8 byte-order mark, first in every file we write. */
export const CSV_BOM = '\uFEFF'

/** The line end RFC 4180 asks for. */
export const CSV_EOL = '\r\n'

/** First characters that make a spreadsheet treat a text field as a formula. */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const

/** true when a text field would be run as a formula by Excel, LibreOffice or Sheets: "=1+1", "@SUM(A1)". */
export function isFormulaLike(text: string): boolean {
  return FORMULA_STARTS.some((c) => text.startsWith(c))
}

/** A number as plain digits a spreadsheet reads back as the same number: 946800, -0.57; NaN → "". */
export function formatCsvNumber(value: number): string {
  if (!Number.isFinite(value)) return ''
  if (Object.is(value, -0)) return '0'
  return String(value)
}

/** One field, neutralised and quoted as needed: 'a,b' → '"a,b"', 'say "hi"' → '"say ""hi"""', '=1+1' → "'=1+1". */
export function formatCsvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return formatCsvNumber(value)
  const safe = isFormulaLike(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A whole file: BOM, then each row's fields joined by commas, each row ended by CRLF. */
export function formatCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(formatCsvField).join(',') + CSV_EOL).join('')
}
