/**
 * A table's header: the printed header lines turned into columns, and the side-by-side groups a
 * table prints (收入 | 支出 in a 收支总表; two economic column groups in some 决算 tables).
 */
import type { Column } from './types'

/** One group of columns: the name column (or `null` in a plain table) and the amount columns after it. */
export interface ColumnGroup {
  start: number
  /** Exclusive; `Infinity` for the last group. */
  end: number
  nameCol: number | null
  amountCols: { col: number; column: Column }[]
}

export interface Header {
  columns: Column[]
  groups: ColumnGroup[]
  /** Column positions that carry a printed header cell. */
  printed: Set<number>
  /** `true` when the header names no column (plain tables: amounts only). */
  plain: boolean
}

interface Span {
  label: string
  from: number
  to: number
}

/**
 * Builds the columns from header lines (cells already normalised). A label in an upper line spans
 * the empty cells to its right, within the span of the label above it; the last line's labels
 * span one column each. A column exists where some header line prints a cell.
 */
export function buildHeader(headerRows: readonly string[][]): Header {
  const width = Math.max(0, ...headerRows.map((r) => r.length))
  const spansByRow: Span[][] = []
  headerRows.forEach((row, r) => {
    const last = r === headerRows.length - 1
    const parents = spansByRow[r - 1] ?? []
    const spans: Span[] = []
    row.forEach((cell, c) => {
      if (cell === '') return
      const parent = parents.find((p) => p.from <= c && c < p.to)
      const limit = parent ? parent.to : width
      let to = c + 1
      if (!last) while (to < limit && (row[to] ?? '') === '') to++
      spans.push({ label: cell, from: c, to })
    })
    // A row's spans are also the parents of the next row where this row prints nothing.
    for (const p of parents) if (!spans.some((s) => s.from < p.to && p.from < s.to)) spans.push(p)
    spansByRow.push(spans)
  })
  const printed = new Set<number>()
  headerRows.forEach((row) => row.forEach((cell, c) => cell !== '' && printed.add(c)))

  const paths = new Map<number, string[]>()
  for (const c of [...printed].sort((a, b) => a - b)) {
    const path: string[] = []
    for (const spans of spansByRow) {
      const s = spans.find((x) => x.from <= c && c < x.to)
      if (s && path[path.length - 1] !== s.label) path.push(s.label)
    }
    paths.set(c, path)
  }

  const cols = [...paths.keys()]
  const hasName = cols.filter((c) => (paths.get(c) ?? []).some((p) => p.includes('名称')))
  const nameCols = hasName.length > 0 ? hasName : cols.filter((c) => (paths.get(c) ?? []).some((p) => /^项目(名称)?$/.test(p)))
  const plain = nameCols.length === 0

  // Each group starts as far before its name column as the first group does.
  const offset = nameCols[0] ?? 0
  const groups: ColumnGroup[] = plain
    ? [{ start: 0, end: Infinity, nameCol: null, amountCols: [] }]
    : nameCols.map((n, g) => ({ start: n - offset, end: (nameCols[g + 1] ?? Infinity) - offset, nameCol: n, amountCols: [] }))

  const used = new Map<string, number>()
  const columns: Column[] = []
  groups.forEach((group, g) => {
    for (const c of cols) {
      if (c < group.start || c >= group.end) continue
      if (group.nameCol !== null && c <= group.nameCol) continue
      const path = paths.get(c) ?? []
      // In a plain table the columns that hold text (预算单位, 年度) are not amount columns.
      if (plain && /^(预算单位|单位名称|年度)$/.test(path[path.length - 1] ?? '')) continue
      const base = path.join('/')
      const n = (used.get(base) ?? 0) + 1
      used.set(base, n)
      const column: Column = { key: n === 1 ? base : `${base} #${n}`, path, group: g }
      columns.push(column)
      group.amountCols.push({ col: c, column })
    }
  })
  return { columns, groups, printed, plain }
}
