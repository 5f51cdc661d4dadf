/**
 * What the document reader returns: a faithful, typed picture of one published departmental
 * budget (部门预算) or final accounts (部门决算), figures exactly as printed, plus what it could
 * not read. Nothing here depends on the dataset format (`src/domain/schema.ts`): a later step
 * maps a `ParsedDocument` onto a dataset.
 */
import type { TableKind } from './registry'
import type { FactKind } from './facts'
import type { ContentsEntry } from './contents'

/** Where something was read: 1-based line of the input text, and the PDF page when the text marks pages (`--- page N ---`). */
export interface Where {
  line: number
  /** `null` when the text has no page marks (the Yantian Markdown text). */
  page: number | null
}

/** A value with the place it was read from. */
export interface Located<T> {
  value: T
  at: Where
}

/**
 * An exact published amount: `{ text: '2,940.05', minor: 294005, decimals: 2 }`. `minor` is the
 * integer count of the smallest printed unit (here 0.01), so sums never drift as floats would.
 */
export interface Amount {
  /** As printed, thousands separators kept: "2,940.05", "3.8", "-0.57". */
  text: string
  /** The figure × 10^decimals, as an integer: 2,940.05 → 294005. */
  minor: number
  /** Digits printed after the point: "3.8" → 1, "2,211" → 0. */
  decimals: number
}

/** A cell printed as a dash ("-", "—"): stated as nothing, distinct from 0 and from blank. */
export interface Dash {
  text: string
  dash: true
}

/** One table cell: an amount, a dash, or `null` for a blank cell (not stated — never read as 0). */
export type Cell = Amount | Dash | null

/** Amount unit as printed in a table's or a sentence's unit. */
export type MoneyUnit = '元' | '万元'

/** Phase of the document: 预算 (budget) or 决算 (final accounts). */
export type Phase = 'budget' | 'final'

/** Who the document is about and for which year, each with where it was read. */
export interface DocumentMeta {
  /** Department name (zh), internal PDF spacing removed: "上海市普陀区财政局". */
  department: Located<string> | null
  /** Budget or accounts year: 2024. */
  year: Located<number> | null
  phase: Located<Phase> | null
}

/** A 类 / 款 / 项 level, from the code's length (3 / 5 / 7 digits; economic codes stop at 款). */
export type CodeLevel = '类' | '款' | '项'

/**
 * A row's role: `item` an ordinary row; `total` a 合计 / 总计 row; `subtotal` a 小计 row (e.g.
 * 当年收入小计); `unit` the 预算单位 row that some documents print first with the unit's totals.
 */
export type RowRole = 'item' | 'total' | 'subtotal' | 'unit'

/** One column of a table. */
export interface Column {
  /** Key of this column in `ParsedRow.cells`: the header path, made unique ("支出/2023年预算数"). */
  key: string
  /** Header cells from the top header line down, spaces inside Chinese removed: ["一般公共预算支出", "合计"]. */
  path: string[]
  /** Which side-by-side group the column belongs to (0 unless the table prints groups side by side). */
  group: number
}

/** One row as read. */
export interface ParsedRow {
  /** Code normalised to one string: `201 05 07` → "2010507", `301 2` → "30102"; `null` when none printed. */
  code: string | null
  /** The code cells as printed, space-joined: "201 05 07". */
  codeAsPrinted: string | null
  /** Name as printed (spacing inside Chinese removed); cells of a wrapped name are joined. */
  name: string
  level: CodeLevel | null
  role: RowRole
  /** Side-by-side group (收入 = 0, 支出 = 1 in a 收支总表; 0 in single tables). */
  group: number
  /** Amount cells keyed by `Column.key`; a column the row does not reach is `null` (blank). */
  cells: Record<string, Cell>
  /** Text cells of a free-form (text-layout) table row, in order. */
  texts?: string[]
  /** Where the row was read; `lines` lists every line a wrapped row was joined from. */
  at: Where
  lines: number[]
}

/** Layout of a table: `grid` (names, optional codes, amount columns), `plain` (amounts only), `text` (free-form rows). */
export type TableLayout = 'grid' | 'plain' | 'text'

/** One standard table, found by its title and merged across the pages it spans. */
export interface ParsedTable {
  kind: TableKind
  /** Title as printed (Markdown marks dropped): "一般公共预算支出表（按功能分类）". */
  title: Located<string>
  /** Number as printed, when printed: "表 7", "公开05表"; `null` otherwise. */
  number: string | null
  /** Unit as printed for this table; `null` if no unit line was found. */
  unit: Located<MoneyUnit> | null
  layout: TableLayout
  columns: Column[]
  rows: ParsedRow[]
  /** PDF pages the table spans (empty when the text has no page marks). */
  pages: number[]
  /** How many printed parts were merged (a header repeated after a page break starts a part). */
  parts: number
  /** Set when the document says the table is empty (本表为空表 / 本表无数据 / 本年无发生额…). */
  empty: Located<string> | null
  /** Notes printed under the table (注：…). */
  notes: Located<string>[]
  /** Lines of the table that were read as title, number, unit, department or header. */
  headerLines: number[]
  /** True when a row's amounts could not all be placed by column and were assigned in order. */
  compacted: boolean
}

/** A change against a prior figure, as stated. */
export interface StatedChange {
  direction: 'up' | 'down' | 'flat'
  /** Amount of the change, when stated. */
  amount: Amount | null
  /** Percentage as printed (10.06 → `{ text: '10.06', … }`), when stated. */
  percent: Amount | null
}

/** One figure stated in the prose, with where. Amounts are in `unit` (万元 unless said). */
export interface Fact {
  kind: FactKind
  /** What the figure is of, as printed: "部门预算收入", "住房保障支出（类）住房改革支出（款）住房公积金（项）". */
  subject: string
  /** The figure. `null` only for facts that are counts of something else (see `count`). */
  amount: Amount | null
  unit: string
  /** A count stated with the figure: 3 projects, 1 vehicle, 32 staff posts. */
  count?: number
  /** `final` where the figure is an actual (决算) a final-accounts prose states; absent for a budget figure. */
  basis?: 'final'
  /** The prior figure the sentence compares with: 当年预算执行数 / 年初预算 / last year's. */
  prior?: { label: string; amount: Amount }
  change?: StatedChange
  /** The same figure stated a second time in the sentence (Shanghai "2024年预算安排 352.67万元"). */
  restated?: Amount
  /** Named parts: procurement goods / works / services; 编制 / 实有. */
  parts?: Record<string, Amount>
  reason?: string
  at: Where
  /** The sentence as matched, whitespace removed. */
  text: string
}

/** A line nothing was read from, or a run of narrative lines summarised as one entry. */
export interface UnreadEntry {
  /** `narrative`: a run of prose lines with no fact read; `tableLine`: a line inside or like a table that could not be parsed; `line`: anything else. */
  kind: 'narrative' | 'tableLine' | 'line'
  at: Where
  /** Last line of a narrative run (same as `at.line` otherwise). */
  toLine: number
  /** The line (or the first line of the run), trimmed and cut at 80 characters. */
  text: string
  /** Why it was not read, in one sentence. */
  reason: string
}

/** Lines that are page furniture, counted rather than listed: page marks, page numbers, provenance comments, Markdown rules. */
export interface LayoutCounts {
  pageMarks: number
  pageNumbers: number
  provenance: number
  rules: number
}

export interface ParsedDocument {
  meta: DocumentMeta
  tables: ParsedTable[]
  /** The cover's title as printed ("2023 年深圳市盐田区投资推广和企业 服务中心 部门预算"), `null` when none was found. */
  title: Located<string> | null
  /** The tables the document's contents list (before its first table), by number and kind; empty when it has none. */
  contents: ContentsEntry[]
  facts: Fact[]
  unread: UnreadEntry[]
  layout: LayoutCounts
  /** Number of lines in the input. */
  lineCount: number
}
