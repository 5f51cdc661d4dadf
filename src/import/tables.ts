/**
 * Finds the standard tables by their titles and reads their rows. A table runs from its title to
 * the first line that is neither a row, a repeated header, a note nor page furniture; a title of
 * the same kind repeated after a page break continues it.
 */
import { isAmount, looksNumeric, parseCell } from './amount'
import { buildHeader, type ColumnGroup, type Header } from './header'
import { nextContent, whereOf, type SourceLine } from './lines'
import { kindOfTitle, layoutOfKind, normaliseTitle, type TableKind } from './registry'
import type { Cell, CodeLevel, Column, Located, MoneyUnit, ParsedRow, ParsedTable, RowRole, UnreadEntry } from './types'

const NUMBER_RE = /^(?:表\s*\d+|公开\d+表)$/
const UNIT_RE = /单\s*位\s*[:：]\s*(万元|元)/g
const DEPT_LINE_RE = /^(?:部门名称|编制部门|预算主管部门|部门)\s*[:：]/
const YEAR_LINE_RE = /^\d{4}\s*年度?$/
const NOTE_RE = /^(?:注|备注)?\s*[:：]|^注\s*\d/
const EMPTY_RE = /本表为空|此表为空|本表无数据|故本表无数据|本年无发生额|本表为空表/
const CJK_RE = /[\u3400-\u9fff]/
const CODE_RE = /^\d{1,7}$/
const CODE_TOKEN_RE = /^[类款项]$/
const ENUM_TOP_RE = /^[一二三四五六七八九十]+、/
const ENUM_ANY_RE = /^(?:[一二三四五六七八九十]+、|\d+[.．、]|[(（][一二三四五六七八九十\d]+[)）])/

export interface TablesResult {
  tables: ParsedTable[]
  /** Lines read by the tables (titles, preambles, headers, rows, notes). */
  consumed: Set<number>
  unread: UnreadEntry[]
}

/** Is line `i` a table title: a registered kind followed, within four lines, by a unit line? */
function titleAt(lines: readonly SourceLine[], i: number): TableKind | null {
  const line = lines[i]
  if (!line || line.layout || line.blank || line.cells.filter((c) => c !== '').length !== 1) return null
  const kind = kindOfTitle(line.text)
  if (!kind) return null
  return nextContent(lines, i, 4).some((l) => /单\s*位\s*[:：]/.test(l.text)) ? kind : null
}

function unitOf(text: string): MoneyUnit | null {
  const all = [...text.matchAll(UNIT_RE)]
  const last = all[all.length - 1]
  return last ? (last[1] as MoneyUnit) : null
}

function isPreamble(line: SourceLine): boolean {
  const t = line.text
  return unitOf(t) !== null || DEPT_LINE_RE.test(t) || YEAR_LINE_RE.test(t) || /^[“”"\s]+$/.test(t) || NUMBER_RE.test(t)
}

function isNote(line: SourceLine): boolean {
  return line.cells.filter((c) => c !== '').length === 1 && NOTE_RE.test(line.text)
}

/** A row of a grid table: it prints a figure, starts with a code, or is a 合计 / 总计 line. */
function isDataLine(line: SourceLine): boolean {
  const cells = line.cells.filter((c) => c !== '')
  if (cells.some((c) => parseCell(c) !== undefined && c !== '' && !/^[-—－–]+$/.test(c))) return true
  const first = cells[0] ?? ''
  if (CODE_RE.test(first) && first.length >= 3 && cells.length > 1) return true
  if (/^(合计|总计)$/.test(first) && cells.slice(1).every((c) => !CJK_RE.test(c))) return true
  return cells.some((c) => looksNumeric(c) && /\d/.test(c) && !CODE_RE.test(c))
}

function levelOf(code: string): CodeLevel | null {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : null
}

/** `['201', '05', '07']` → "2010507"; `['301', '2']` → "30102"; `['2011308']` → "2011308". */
function joinCode(parts: readonly string[]): string | null {
  if (parts.length === 0) return null
  const [first = '', ...rest] = parts
  return first + rest.map((p) => p.padStart(2, '0')).join('')
}

function roleOf(name: string, department: string | null): RowRole {
  if (/(合计|总计)$/.test(name)) return 'total'
  if (/小计$/.test(name)) return 'subtotal'
  if (department !== null && name === department) return 'unit'
  return 'item'
}

/** Cuts the cells after the name down to the column count: blanks first from the left, then from the right. */
function reconcile(after: string[], n: number): string[] | null {
  const a = [...after]
  while (a.length > n) {
    if (a[0] === '') a.shift()
    else if (a[a.length - 1] === '') a.pop()
    else return null
  }
  return a
}

interface GroupRead {
  kind: 'empty' | 'row' | 'amountsOnly' | 'fragment'
  name: string
  code: string | null
  codeAsPrinted: string | null
  cells: Record<string, Cell>
  hasFigures: boolean
}

type GroupResult = GroupRead | { kind: 'problem'; reason: string }

function readGroup(slice: string[], group: ColumnGroup): GroupResult {
  const n = group.amountCols.length
  const empty: Record<string, Cell> = Object.fromEntries(group.amountCols.map((a) => [a.column.key, null]))
  if (slice.every((c) => c === '')) return { kind: 'empty', name: '', code: null, codeAsPrinted: null, cells: empty, hasFigures: false }
  let nameAt = slice.findIndex((c) => CJK_RE.test(c) && !CODE_TOKEN_RE.test(c))
  let nameEnd = nameAt + 1
  if (nameAt >= 0) while (CJK_RE.test(slice[nameEnd] ?? '') && !CODE_TOKEN_RE.test(slice[nameEnd] ?? '')) nameEnd++
  const before = nameAt >= 0 ? slice.slice(0, nameAt) : []
  const codes = before.filter((c) => c !== '' && !CODE_TOKEN_RE.test(c))
  if (codes.some((c) => !CODE_RE.test(c))) return { kind: 'problem', reason: `「${codes.find((c) => !CODE_RE.test(c))}」 is neither a code nor a name` }
  if (nameAt < 0) {
    // No name: figures continuing the row above (a wrapped cell), placed from the name column on.
    nameAt = group.nameCol === null ? -1 : group.nameCol - group.start
    nameEnd = nameAt + 1
  }
  const after = reconcile(slice.slice(Math.max(nameEnd, 0)), n)
  if (after === null) return { kind: 'problem', reason: `more figures than the ${n} amount column(s) of the header` }
  const cells = { ...empty }
  let hasFigures = false
  for (const [j, text] of after.entries()) {
    const cell = parseCell(text)
    if (cell === undefined) return { kind: 'problem', reason: `「${text}」 is not an amount` }
    const key = group.amountCols[j]?.column.key
    if (key !== undefined) cells[key] = cell
    if (cell !== null) hasFigures = true
  }
  const name = nameAt >= 0 && CJK_RE.test(slice[nameAt] ?? '') ? slice.slice(nameAt, nameEnd).join(' / ') : ''
  const kind = name === '' ? 'amountsOnly' : codes.length === 0 && !hasFigures && name.length <= 3 && !ENUM_ANY_RE.test(name) && !/计$/.test(name) ? 'fragment' : 'row'
  return { kind, name, code: joinCode(codes), codeAsPrinted: codes.length ? codes.join(' ') : null, cells, hasFigures }
}

interface Builder {
  table: ParsedTable
  header: Header | null
  headerRows: string[][]
  headerTexts: Set<string>
  state: 'preamble' | 'header' | 'rows' | 'note'
  /** Per group, the last row that printed a name but no figure yet (a wrapped cell may follow). */
  open: (ParsedRow | null)[]
}

/** Reads every standard table of the text. `department` lets the 预算单位 row be told apart. */
export function readTables(lines: readonly SourceLine[], department: string | null): TablesResult {
  const tables: ParsedTable[] = []
  const consumed = new Set<number>()
  const unread: UnreadEntry[] = []
  let current: Builder | null = null
  let pendingNumber: SourceLine | null = null

  const unreadLine = (line: SourceLine, reason: string) =>
    unread.push({ kind: 'tableLine', at: whereOf(line), toLine: line.no, text: line.text.slice(0, 80), reason })

  const touch = (b: Builder, line: SourceLine) => {
    consumed.add(line.no)
    if (line.page !== null && !b.table.pages.includes(line.page)) b.table.pages.push(line.page)
  }

  const close = () => {
    if (current) tables.push(current.table)
    current = null
  }

  for (const [i, line] of lines.entries()) {
    if (line.layout === 'pageMark' && current?.state === 'note') current.state = 'rows'
    if (line.blank || line.layout) continue

    const kind = titleAt(lines, i)
    if (kind) {
      const b: Builder | null = current
      if (b && b.table.kind === kind && normaliseTitle(b.table.title.value) === normaliseTitle(line.text)) {
        b.table.parts++
        b.state = 'preamble'
        touch(b, line)
        if (pendingNumber) touch(b, pendingNumber)
      } else {
        close()
        const table: ParsedTable = {
          kind,
          title: { value: line.text.replace(/^#+\s*/, '').replace(/\*/g, ''), at: whereOf(line) },
          number: pendingNumber?.text ?? null,
          unit: null,
          layout: layoutOfKind(kind),
          columns: [],
          rows: [],
          pages: [],
          parts: 1,
          empty: null,
          notes: [],
          headerLines: [],
          compacted: false,
        }
        current = { table, header: null, headerRows: [], headerTexts: new Set(), state: 'preamble', open: [] }
        if (pendingNumber) {
          touch(current, pendingNumber)
          table.headerLines.push(pendingNumber.no)
        }
        touch(current, line)
        table.headerLines.push(line.no)
      }
      pendingNumber = null
      continue
    }
    if (NUMBER_RE.test(line.text)) {
      pendingNumber = line
      continue
    }
    if (pendingNumber) {
      unreadLine(pendingNumber, 'a table number with no table title after it')
      pendingNumber = null
    }
    const b: Builder | null = current
    if (!b) continue
    const t = b.table

    if (b.state === 'preamble' && isPreamble(line)) {
      const unit = unitOf(line.text)
      if (unit && !t.unit) t.unit = { value: unit, at: whereOf(line) }
      touch(b, line)
      t.headerLines.push(line.no)
      continue
    }
    if (b.state === 'preamble') b.state = b.header ? 'rows' : 'header'

    if (isNote(line)) {
      t.notes.push({ value: line.text, at: whereOf(line) })
      if (EMPTY_RE.test(line.text) && !t.empty) t.empty = { value: line.text, at: whereOf(line) }
      b.state = 'note'
      touch(b, line)
      continue
    }
    if (b.state === 'note') {
      // A note runs on over the following single-cell lines until a page break, a title or a row.
      if (line.cells.filter((c) => c !== '').length === 1 && !isDataLine(line)) {
        const note = t.notes.at(-1)
        if (note) {
          note.value += line.text
          if (EMPTY_RE.test(line.text) && !t.empty) t.empty = { value: note.value, at: note.at }
        }
        touch(b, line)
        continue
      }
      close()
      continue
    }
    if (EMPTY_RE.test(line.text)) {
      t.empty ??= { value: line.text, at: whereOf(line) }
      touch(b, line)
      continue
    }

    if (b.state === 'header') {
      const isData = t.layout === 'text' ? line.cells.some((c) => isAmount(parseCell(c))) : isDataLine(line)
      if (!isData) {
        b.headerRows.push(line.cells)
        b.headerTexts.add(line.text)
        touch(b, line)
        t.headerLines.push(line.no)
        continue
      }
      b.header = buildHeader(b.headerRows)
      t.columns = b.header.columns
      if (t.layout === 'grid' && b.header.plain) t.layout = 'plain'
      b.state = 'rows'
    }

    if (b.headerTexts.has(line.text) || (isPreamble(line) && t.rows.length > 0)) {
      touch(b, line)
      continue
    }
    if (line.unterminated) {
      unreadLine(line, 'the text ends inside this line, so its figures may be cut off')
      touch(b, line)
      continue
    }
    if (t.layout === 'text') {
      if (line.cells.length > 1 || line.raw.startsWith('\t')) {
        readTextRow(b, line, department)
        touch(b, line)
        continue
      }
      close()
      continue
    }
    if (isDataLine(line) || line.cells.length > 1) {
      const problem = t.layout === 'plain' ? readPlainRow(b, line, department) : readGridRow(b, line, department)
      if (problem) unreadLine(line, problem)
      touch(b, line)
      continue
    }
    close()
  }
  close()
  if (pendingNumber) unreadLine(pendingNumber, 'a table number with no table title after it')
  return { tables, consumed, unread }
}

function newRow(line: SourceLine, group: number, read: { name: string; code: string | null; codeAsPrinted: string | null; cells: Record<string, Cell> }, department: string | null): ParsedRow {
  return {
    code: read.code,
    codeAsPrinted: read.codeAsPrinted,
    name: read.name,
    level: read.code ? levelOf(read.code) : null,
    role: roleOf(read.name, department),
    group,
    cells: read.cells,
    at: whereOf(line),
    lines: [line.no],
  }
}

/** Reads a line of a grid table, group by group; joins cells a PDF wrapped onto the next line. Returns a problem sentence or `null`. */
function readGridRow(b: Builder, line: SourceLine, department: string | null): string | null {
  const header = b.header
  if (!header) return 'a row before the table header'
  const reads: GroupRead[] = []
  for (const group of header.groups) {
    const end = Number.isFinite(group.end) ? group.end : line.cells.length
    const r = readGroup(line.cells.slice(group.start, end), group)
    if (r.kind === 'problem') return r.reason
    reads.push(r)
  }
  if (reads.some((r) => r.kind === 'row' && /计$/.test(r.name))) b.open = []
  const fresh: ParsedRow[] = []
  reads.forEach((r, g) => {
    const open = b.open[g] ?? null
    if (r.kind === 'empty') return
    if (r.kind === 'fragment' && open) {
      open.name += r.name
      if (!open.lines.includes(line.no)) open.lines.push(line.no)
      return
    }
    if (r.kind === 'amountsOnly') {
      const left = fresh[g - 1]
      const target = open ?? (left && left.group === g - 1 && !hasFigures(left) ? left : null)
      if (target) {
        const values = Object.values(r.cells).filter((c) => c !== null)
        const keys = Object.keys(target.cells).filter((k) => target.cells[k] === null)
        values.forEach((v, j) => {
          const key = keys[j]
          if (key !== undefined) target.cells[key] = v
        })
        if (!target.lines.includes(line.no)) target.lines.push(line.no)
        return
      }
      const row = newRow(line, g, r, department)
      b.table.rows.push(row)
      fresh[g] = row
      return
    }
    const row = newRow(line, g, r, department)
    b.table.rows.push(row)
    fresh[g] = row
    b.open[g] = r.hasFigures ? null : row
  })
  return null
}

function hasFigures(row: ParsedRow): boolean {
  return Object.values(row.cells).some((c) => c !== null)
}

/** Reads a line of a table with no name column: by position where every figure sits under a header cell, else in order. */
function readPlainRow(b: Builder, line: SourceLine, department: string | null): string | null {
  const header = b.header
  if (!header) return 'a row before the table header'
  const cols = header.groups[0]?.amountCols ?? []
  const cells: Record<string, Cell> = Object.fromEntries(cols.map((a) => [a.column.key, null]))
  const texts: string[] = []
  const positional = line.cells.every((c, i) => c === '' || header.printed.has(i))
  const figures: Cell[] = []
  for (const [i, text] of line.cells.entries()) {
    if (text === '') continue
    const cell = parseCell(text)
    if (cell === undefined) {
      if (!CJK_RE.test(text)) return `「${text}」 is not an amount`
      texts.push(text)
      continue
    }
    if (positional) {
      const col = cols.find((a) => a.col === i)
      if (col) cells[col.column.key] = cell
    } else figures.push(cell)
  }
  if (!positional) {
    if (figures.length > cols.length) return `more figures than the ${cols.length} amount column(s) of the header`
    figures.forEach((f, j) => {
      const key = cols[j]?.column.key
      if (key !== undefined) cells[key] = f
    })
    b.table.compacted = true
  }
  const name = texts[texts.length - 1] ?? ''
  const row = newRow(line, 0, { name, code: null, codeAsPrinted: null, cells }, department)
  if (texts.length > 1) row.texts = texts
  b.table.rows.push(row)
  return null
}

/** Reads a line of a free-form table: its text cells and any figures, in order (`value1`, `value2`…). */
function readTextRow(b: Builder, line: SourceLine, department: string | null): void {
  const texts: string[] = []
  const cells: Record<string, Cell> = {}
  let n = 0
  for (const text of line.cells) {
    if (text === '') continue
    const cell = parseCell(text)
    if (cell && isAmount(cell) && !CJK_RE.test(text)) cells[`value${++n}`] = cell
    else texts.push(text)
  }
  const name = texts[0] ?? ''
  const row = newRow(line, 0, { name, code: null, codeAsPrinted: null, cells }, department)
  row.texts = texts
  b.table.rows.push(row)
}

/** Columns of a text-layout table's figures, named by position. */
export function textColumns(rows: readonly ParsedRow[]): Column[] {
  const n = Math.max(0, ...rows.map((r) => Object.keys(r.cells).length))
  return Array.from({ length: n }, (_, j) => ({ key: `value${j + 1}`, path: [`value${j + 1}`], group: 0 }))
}

export { ENUM_TOP_RE, ENUM_ANY_RE }
export type { Located }
