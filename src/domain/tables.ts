/**
 * The document's tables as table models, from the dataset's own list of tables (`tables`): its
 * numbers, titles and order, codes, names and amounts as published (万元). A table of a kind we
 * know is built from the dataset's sections; a table held as printed (`grid`, an imported document)
 * is shown as printed; a table the contents list but whose pages are not in the text is rebuilt
 * where other tables state its figures, marked `derived` with a note on what we cannot know, and
 * otherwise said to be missing. Nothing here adds figures up.
 */
import { EDITORIAL_PATHS } from './editorialPaths'
import type { Check } from './checks'
import type { RawTableEntry, TableKind } from './schema'
import { amountOf, flattenTree } from './tree'
import type { Budget, ClassNode, ClassTree, Measure, Text } from './types'
import { CLASS_LEVELS } from './types'

/** Words in a table: data text as published, or a message key (under `tables.`) the UI translates. */
export type TableText = { text: Text } | { key: string; params?: Record<string, string | number> }

/** A value cell: an amount in 万元 as published, text, or nothing (a blank cell: not 0). */
export type TableCell =
  | { kind: 'amount'; value: number }
  /** `repeated`: same as the row above (a merged cell in the original); screens may show it once. */
  | { kind: 'text'; text: TableText; repeated?: boolean }
  | { kind: 'empty' }

/** A column. The `name` column holds each row's header (and its code, when the section has codes). */
export interface TableColumn {
  id: string
  label: TableText
  kind: 'name' | 'amount' | 'text'
  /** Heading spanning consecutive columns (2023 年政府采购项目 over 小计 and the two 其中). */
  group?: TableText
  /** Decimals the document prints in an amount column whatever the figure (table 12: "30.00"); else the figure's own. */
  decimals?: number
}

/** unit: the 预算单位 row; group: a heading row with its own figure; total: a 合计 row. */
export type TableRowKind = 'unit' | 'data' | 'group' | 'total'

export interface TableRow {
  /** Stable within its section: a classification code, 'unit', 'year-2023', a line id. */
  id: string
  kind: TableRowKind
  /** Classification code, shown when the section has codes. */
  code?: string
  /** Published numbering before the name: 一、/ 1. */
  marker?: Text
  name: TableText
  /** Depth for indentation: 0 for a 类, 1 for a 款, 2 for a 项. */
  level: number
  /** One cell per column other than `name`, in column order. */
  cells: TableCell[]
  /** The dataset path of what the row shows, when the data may carry an editorial note on it (see `editorial.ts`). */
  editorial?: string
}

/** One grid of a table (table 1 has income and expenditure; table 12 has four). */
export interface TableSection {
  id: string
  title?: TableText
  /** Heading of the code column when rows carry codes (科目编码). */
  codeLabel?: TableText
  columns: TableColumn[]
  rows: TableRow[]
}

/** A table of the document: `{ number: 8, kind, title, derived: false, sections, notes }`. */
export interface TableModel {
  id: string
  /** The table's number in this document. */
  number: number
  kind: TableKind
  title: TableText
  /** The document says the table is empty (本表无数据), or its pages are missing and cannot be rebuilt. */
  status: 'published' | 'empty' | 'missing'
  /** true for tables rebuilt by this site (2, 4, 5). */
  derived: boolean
  /** How a derived table was rebuilt and what it cannot show. */
  derivedNote?: TableText[]
  sections: TableSection[]
  /** The table's published notes (注), then ours. */
  notes: TableText[]
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const

const EMPTY_CELL: TableCell = { kind: 'empty' }
const k = (key: string, params?: Record<string, string | number>): TableText => ({ key: `tables.${key}`, ...(params ? { params } : {}) })
/** An indicator level's label: the performance view's own message, so table 12 and the view say the same words. */
const level = (key: string): TableText => ({ key: `performance.${key}` })
const d = (text: Text): TableText => ({ text })
const amount = (value: number | undefined): TableCell => (value === undefined ? EMPTY_CELL : { kind: 'amount', value })
const text = (t: TableText, repeated = false): TableCell => ({ kind: 'text', text: t, ...(repeated ? { repeated } : {}) })
const EMPTY: TableCell = EMPTY_CELL
const nameCol = (label: string): TableColumn => ({ id: 'name', label: k(`col.${label}`), kind: 'name' })
const amountCol = (id: string, group?: TableText, decimals?: number): TableColumn => ({
  id,
  label: k(`col.${id}`),
  kind: 'amount',
  ...(group ? { group } : {}),
  ...(decimals !== undefined ? { decimals } : {}),
})
const textCol = (id: string): TableColumn => ({ id, label: k(`col.${id}`), kind: 'text' })

/** 一、 / "1. " for the n-th (0-based) 类 line, as tables 1 and 6 number them. */
function classMarker(i: number): Text {
  return { zh: `${CN_NUMERALS[i] ?? String(i + 1)}、`, en: `${i + 1}. ` }
}
/** "1. " (English "(1) ", apart from the 类 numbering) for the n-th (0-based) line under a heading. */
function arabicMarker(i: number): Text {
  return { zh: `${i + 1}. `, en: `(${i + 1}) ` }
}

function unitRow(b: Budget, cells: TableCell[]): TableRow {
  return { id: 'unit', kind: 'unit', name: d(b.department), level: 0, cells }
}

/** Classification rows with the chosen measures; `only` keeps rows whose measure is not 0. */
function classRows(tree: ClassTree, measures: readonly Measure[], only?: Measure, extra?: (n: ClassNode) => TableCell[]): TableRow[] {
  return flattenTree(tree)
    .filter((n) => !only || amountOf(n, only) !== 0)
    .map((n) => ({
      id: n.code,
      kind: 'data' as const,
      code: n.code,
      name: d(n.name),
      level: CLASS_LEVELS.indexOf(n.level),
      cells: [...measures.map((m) => amount(n[m])), ...(extra ? extra(n) : [])],
    }))
}

/** A classification table (3, 7, 8, 10, 11): unit row, then 类/款/项 rows. */
function classSection(b: Budget, tree: ClassTree, measures: readonly Measure[], only?: Measure): TableSection {
  return {
    id: tree.classification,
    codeLabel: k('col.code'),
    columns: [nameCol('name'), ...measures.map((m) => amountCol(m))],
    rows: [unitRow(b, measures.map((m) => amount(tree[m]))), ...classRows(tree, measures, only)],
  }
}

/** The income lines of table 1 with their published numbering (一、 and 1.). */
function incomeRows(b: Budget, numbered: boolean, keep: (id: string, parent?: string) => boolean): TableRow[] {
  const lines = (b.incomeStatement?.lines ?? []).filter((l) => keep(l.id, l.parent))
  const tops = lines.filter((l) => !l.parent)
  return lines.map((l) => {
    const siblings = l.parent ? lines.filter((s) => s.parent === l.parent) : tops
    const i = siblings.indexOf(l)
    const marker = numbered ? (l.parent ? arabicMarker(i) : classMarker(i)) : undefined
    return { id: l.id, kind: 'data' as const, ...(marker ? { marker } : {}), name: d(l.name), level: l.parent ? 1 : 0, cells: [amount(l.amount)] }
  })
}

function totalRow(id: string, value: number | undefined, kind: TableRowKind = 'total'): TableRow[] {
  return value === undefined ? [] : [{ id, kind, name: k(`row.${id}`), level: 0, cells: [amount(value)] }]
}

type IncomeStatement = NonNullable<Budget['incomeStatement']>

function incomeSection(b: Budget, s: IncomeStatement, numbered: boolean, keep: (id: string, parent?: string) => boolean): TableSection {
  return {
    id: 'income',
    title: k('section.income'),
    columns: [nameCol('item'), { id: 'amount', label: k('col.budgetYear', { year: b.year }), kind: 'amount' }],
    rows: [
      ...incomeRows(b, numbered, keep),
      ...totalRow('currentYearIncome', s.currentYearIncome),
      ...totalRow('carriedOver', s.carriedOver, 'data'),
      ...totalRow('incomeGrandTotal', s.incomeGrandTotal),
    ],
  }
}

/** The expenditure side of tables 1 and 6: functional rows by name, 类 numbered 一、二、. */
function expenditureSection(b: Budget, s: IncomeStatement): TableSection {
  const roots = b.functionalTree.roots
  return {
    id: 'expenditure',
    title: k('section.expenditure'),
    columns: [nameCol('item'), { id: 'amount', label: k('col.budgetYear', { year: b.year }), kind: 'amount' }],
    rows: [
      ...flattenTree(b.functionalTree).map((n) => {
        const i = roots.indexOf(n)
        return { id: n.code, kind: 'data' as const, ...(i >= 0 ? { marker: classMarker(i) } : {}), name: d(n.name), level: CLASS_LEVELS.indexOf(n.level), cells: [amount(n.total)] }
      }),
      ...totalRow('currentYearExpenditure', s.currentYearExpenditure),
      ...totalRow('carryForward', s.carryForward, 'data'),
      ...totalRow('expenditureGrandTotal', s.expenditureGrandTotal),
    ],
  }
}

/** What a builder returns: the table's sections and notes; the entry supplies number, title and status. */
interface Built {
  sections: TableSection[]
  notes?: TableText[]
  derivedNote?: TableText[]
}

function table(sections: TableSection[], notes: TableText[] = [], derivedNote?: TableText[]): Built {
  return { sections, notes, ...(derivedNote ? { derivedNote } : {}) }
}

/** Our note on tables that print the unit row twice (department, then the unit itself). */
function unitRowNote(b: Budget): TableText[] {
  return b.profile?.subordinateUnits === 0 ? [k('noteOwn.unitRowOnce')] : []
}

/** The functional table, with its procurement columns when it prints them (Shenzhen's 支出总表). */
function buildFunctional(b: Budget): Built {
  const f = b.functionalTree
  if (!b.functional.unit.procurement) return table([classSection(b, f, f.measures)], unitRowNote(b))
  const group = k('col.procurementGroup', { year: b.year })
  const procurement = new Map(b.functional.rows.map((r) => [r.code, r.procurement]))
  const p = (x: { total: number; sme: number; smallMicro: number } | undefined): TableCell[] =>
    x ? [amount(x.total), amount(x.sme), amount(x.smallMicro)] : [EMPTY, EMPTY, EMPTY]
  const measures = f.measures
  return table([
    {
      id: 'functional',
      codeLabel: k('col.code'),
      columns: [nameCol('name'), ...measures.map((m) => amountCol(m)), amountCol('procurementTotal', group), amountCol('sme', group), amountCol('smallMicro', group)],
      rows: [
        unitRow(b, [...measures.map((m) => amount(f[m])), ...p(b.functional.unit.procurement)]),
        ...classRows(f, measures, undefined, (n) => p(procurement.get(n.code))),
      ],
    },
  ])
}

function buildThreePublic(b: Budget): Built | undefined {
  const tp = b.threePublic
  if (!tp) return undefined
  const group = k('col.vehiclesGroup')
  const statedFinal = tp.stated?.final
  const printed = (['total', 'abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation', 'meetings', 'training'] as const).filter(
    (i) => tp.years.some((y) => y[i] !== undefined) || tp.change?.[i] !== undefined || statedFinal?.[i] !== undefined,
  )
  const cells = (row: Partial<Record<(typeof printed)[number], number>>): TableCell[] => printed.map((i) => amount(row[i]))
  const colId = (i: (typeof printed)[number]): string => (i === 'total' ? 'tpTotal' : i)
  return table(
    [
      {
        id: 'threePublic',
        columns: [nameCol('year'), ...printed.map((i) => amountCol(colId(i), i.startsWith('vehicle') ? group : undefined))],
        rows: [
          ...tp.years.map((y) => ({
            id: y.basis === 'final' ? `final-${y.year}` : `year-${y.year}`,
            kind: 'data' as const,
            name: k(y.basis === 'final' ? 'row.finalYear' : y.basis === 'budget' ? 'row.budgetYear' : 'row.year', { year: y.year }),
            level: 0,
            cells: cells(y),
          })),
          ...(tp.change ? [{ id: 'change', kind: 'total' as const, name: k('row.change'), level: 0, cells: cells(tp.change) }] : []),
          // The prose's actuals, in a row of their own: the table may print those cells blank.
          ...(statedFinal ? [{ id: `stated-final-${b.year}`, kind: 'data' as const, name: k('row.statedFinalYear', { year: b.year }), level: 0, cells: cells(statedFinal) }] : []),
        ],
      },
    ],
    [...(tp.note ? [d(tp.note)] : []), ...(statedFinal ? [k('noteOwn.threePublicStated', { year: b.year })] : [])],
  )
}

function buildPerformance(b: Budget): Built | undefined {
  const perf = b.performance
  if (!perf) return undefined
  const group = k('col.budgetGroup')
  let prev: { l1: string; l2: string } | undefined
  const indicatorRows: TableRow[] = perf.dimensions.flatMap((dim, di) => {
    const written = (t: { written: string; writtenEn?: string }): Text => (t.writtenEn ? { zh: t.written, en: t.writtenEn } : { zh: t.written })
    const rows = dim.applicable ? dim.indicators.map((ind) => ({ id: ind.id, name: d(ind.name), target: d(written(ind.target)) })) : [{ id: `na-${di}`, name: k('notApplicable'), target: k('notApplicable') }]
    return rows.map((r) => {
      const same1 = prev?.l1 === dim.level1
      const same2 = same1 && prev?.l2 === dim.level2
      prev = { l1: dim.level1, l2: dim.level2 }
      const row: TableRow = { id: r.id, kind: 'data', name: r.name, level: 0, cells: [text(level(`level1.${dim.level1}`), same1), text(level(`level2.${dim.level2}`), same2), text(r.target)] }
      return dim.applicable ? { ...row, editorial: EDITORIAL_PATHS.indicator(r.id) } : row
    })
  })
  const tt = perf.tasksTotal
  return table([
    {
      id: 'info',
      columns: [nameCol('item'), textCol('value')],
      rows: [
        { id: 'department', kind: 'data', name: k('row.department'), level: 0, cells: [text(d(b.department))] },
        ...(perf.supervisor ? [{ id: 'supervisor', kind: 'data' as const, name: k('row.supervisor'), level: 0, cells: [text(d(perf.supervisor))] }] : []),
      ],
    },
    {
      id: 'tasks',
      title: k('section.tasks'),
      columns: [nameCol('taskName'), textCol('taskContent'), amountCol('taskTotal', group, 2), amountCol('fiscal', group, 2), amountCol('other', group)],
      rows: [
        ...perf.tasks.map((t) => ({ id: t.id, kind: 'data' as const, name: d(t.name), level: 0, cells: [t.content ? text(d(t.content)) : EMPTY, amount(t.total), amount(t.fiscal), amount(t.other)] })),
        ...(tt ? [{ id: 'tasksTotal', kind: 'total' as const, name: k('row.tasksTotal'), level: 0, cells: [EMPTY, amount(tt.total), amount(tt.fiscal), amount(tt.other)] }] : []),
      ],
    },
    {
      id: 'goals',
      title: k('section.goals'),
      columns: [nameCol('goalNo'), textCol('goal')],
      rows: perf.goals.map((g, i) => ({ id: `goal-${i + 1}`, kind: 'data' as const, name: k('row.goal', { n: i + 1 }), level: 0, cells: [text(d(g))], editorial: EDITORIAL_PATHS.goal(i) })),
    },
    {
      id: 'indicators',
      title: k('section.indicators'),
      columns: [textCol('level1'), textCol('level2'), nameCol('level3'), textCol('target')],
      rows: indicatorRows,
    },
  ])
}

/** 收入总表, rebuilt exactly from the income side of the summary table. */
function buildIncomeSummary(b: Budget): Built | undefined {
  const s = b.incomeStatement
  return s ? table([incomeSection(b, s, true, () => true)], [], [k('derived.t2')]) : undefined
}

/** 基本支出总表: the economic table's basic column, then the prose's groups (人员支出, 公用支出…). */
function buildBasicSummary(b: Budget): Built | undefined {
  const e = b.economicTree
  if (!e || !b.basicBreakdown || !e.measures.includes('basic')) return undefined
  const groups: TableRow[] = b.basicBreakdown.flatMap((g) => [
    { id: g.id, kind: 'group' as const, name: d(g.name), level: 0, cells: [amount(g.amount)] },
    ...g.items.map((i, n) => ({ id: `${g.id}-${n}`, kind: 'data' as const, code: i.economicCode, name: d(i.name), level: 1, cells: [amount(i.amount)] })),
  ])
  return table(
    [
      { ...classSection(b, e, ['basic'], 'basic'), title: k('section.byEconomicBasic') },
      { id: 'groups', title: k('section.basicGroups'), codeLabel: k('col.code'), columns: [nameCol('name'), amountCol('amount')], rows: groups },
    ],
    [],
    [k('derived.t4'), k('derived.t4Unknown'), k('derived.nonZeroBasic')],
  )
}

/** 项目支出总表: the project columns of the functional and economic tables, then the prose's categories and the performance tasks. */
function buildProjectSummary(b: Budget): Built | undefined {
  const pe = b.projectExpenditure
  const e = b.economicTree
  if (!pe || !e || !b.functionalTree.measures.includes('project') || !e.measures.includes('project')) return undefined
  const allTasks = b.performance?.tasks ?? []
  const tasks = new Map(allTasks.map((t) => [t.id, t]))
  const placed = new Set(pe.categories.flatMap((c) => c.taskIds ?? []))
  const taskRow = (t: (typeof allTasks)[number], level: number): TableRow => ({ id: t.id, kind: 'data', name: d(t.name), level, cells: [amount(t.total)] })
  const unplaced = allTasks.filter((t) => !placed.has(t.id))
  const rows: TableRow[] = [
    { id: 'projectTotal', kind: 'total', name: k('row.projectTotal'), level: 0, cells: [amount(pe.amount)] },
    ...pe.categories.flatMap((c) => [
      { id: c.id, kind: 'group' as const, name: d(c.name), level: 0, cells: [amount(c.amount)], editorial: EDITORIAL_PATHS.categoryTasks(c.id) },
      ...(c.taskIds ?? []).flatMap((id) => {
        const t = tasks.get(id)
        return t ? [taskRow(t, 1)] : []
      }),
    ]),
    ...(unplaced.length ? [{ id: 'unplaced', kind: 'group' as const, name: k('row.unplacedTasks'), level: 0, cells: [EMPTY] }, ...unplaced.map((t) => taskRow(t, 1))] : []),
  ]
  return table(
    [
      { ...classSection(b, b.functionalTree, ['project'], 'project'), title: k('section.byFunctionalProject') },
      { ...classSection(b, e, ['project'], 'project'), title: k('section.byEconomicProject') },
      { id: 'categories', title: k('section.categories'), columns: [nameCol('item'), amountCol('amount')], rows },
    ],
    [],
    [k('derived.t5'), k('derived.t5Unknown'), k('derived.nonZeroProject')],
  )
}

/** An empty table (政府性基金, 国有资本经营): its unit row where printed, and the document's note. */
function buildEmpty(b: Budget, data: NonNullable<Budget['governmentFund']> | undefined, id: string): Built | undefined {
  if (!data) return undefined
  const all = ['total', 'basic', 'project'] as const
  const rows = data.unit ? [unitRow(b, all.map((m) => amount(data.unit?.[m])))] : []
  return table([{ id, codeLabel: k('col.code'), columns: [nameCol('name'), ...all.map((m) => amountCol(m))], rows }], [d(data.note), ...unitRowNote(b)])
}

/** A table held as printed: its columns and rows, codes and blanks as the document has them. */
function buildGrid(entry: RawTableEntry): Built | undefined {
  const g = entry.grid
  if (!g) return undefined
  const columns: TableColumn[] = [nameCol('name'), ...g.columns.map((c, i) => ({ id: `c${i}`, label: d(c), kind: 'amount' as const }))]
  const rows: TableRow[] = g.rows.map((r, i) => ({
    id: r.code ?? `row-${i + 1}`,
    kind: r.total ? ('total' as const) : ('data' as const),
    ...(r.code ? { code: r.code } : {}),
    name: d(r.name),
    level: r.code ? Math.max(0, (r.code.length - 3) / 2) : 0,
    cells: r.cells.map((c) => (c === null ? EMPTY : amount(c))),
  }))
  return table([{ id: 'grid', ...(g.rows.some((r) => r.code) ? { codeLabel: k('col.code') } : {}), columns, rows }], entry.note ? [d(entry.note)] : [])
}

/** How each kind of table is built from the dataset's sections (undefined: the dataset does not hold its figures). */
const BUILDERS: Partial<Record<TableKind, (b: Budget) => Built | undefined>> = {
  incomeExpenditureSummary: (b) => (b.incomeStatement ? table([incomeSection(b, b.incomeStatement, true, () => true), expenditureSection(b, b.incomeStatement)], b.incomeStatement.notes.map(d)) : undefined),
  incomeSummary: buildIncomeSummary,
  basicSummary: buildBasicSummary,
  projectSummary: buildProjectSummary,
  fiscalSummary: (b) =>
    b.incomeStatement
      ? table([incomeSection(b, b.incomeStatement, false, (id, parent) => id === 'governmentBudget' || parent === 'governmentBudget'), expenditureSection(b, b.incomeStatement)])
      : undefined,
  threePublic: buildThreePublic,
  governmentFund: (b) => buildEmpty(b, b.governmentFund, 'governmentFund'),
  stateCapital: (b) => buildEmpty(b, b.stateCapital, 'stateCapital'),
  performanceTargets: buildPerformance,
}

/** The builder of the table that holds the functional or economic rows, whatever its kind in this document. */
function classificationBuilder(b: Budget, kind: TableKind): ((b: Budget) => Built | undefined) | undefined {
  if (kind === b.functional.table) return buildFunctional
  if (kind === 'generalPublicFunctional') return (x) => table([classSection(x, x.functionalTree, x.functionalTree.measures)], unitRowNote(x))
  const e = b.economicTree
  if (e && kind === b.economic?.table) return (x) => table([classSection(x, e, e.measures)], unitRowNote(x))
  return undefined
}

/** One table of the document, from its entry in the dataset's list. */
export function buildTable(b: Budget, entry: RawTableEntry): TableModel {
  const base = { id: `table-${entry.number}`, number: entry.number, kind: entry.kind, title: d(entry.title) }
  const builder = classificationBuilder(b, entry.kind) ?? BUILDERS[entry.kind]
  // A table held as printed wins; a missing table is rebuilt only when the dataset holds its figures.
  const built = buildGrid(entry) ?? builder?.(b)
  if (!built) {
    const note = entry.status === 'empty' ? k('emptyTable') : entry.status === 'missing' ? k('missingTable') : k('notHeld')
    return { ...base, status: entry.status === 'published' ? 'missing' : entry.status, derived: false, sections: [], notes: [...(entry.note ? [d(entry.note)] : []), note] }
  }
  const derived = entry.status === 'missing'
  return {
    ...base,
    status: entry.status,
    derived,
    ...(derived && built.derivedNote ? { derivedNote: built.derivedNote } : {}),
    sections: built.sections,
    notes: built.notes ?? [],
  }
}

/** Every table of the document, in its order. */
export function buildTables(b: Budget): TableModel[] {
  return b.tables.map((entry) => buildTable(b, entry))
}

/** Kinds of table that print the functional table's rows again (so share its rounding gaps). */
const SAME_ROWS_AS_FUNCTIONAL: readonly TableKind[] = ['incomeExpenditureSummary', 'fiscalSummary', 'generalPublicFunctional']

/**
 * Rows that a check found off (within rounding or beyond), by table number and row id:
 * table 8 → {'unit', '301'} when 301's 款 do not add up exactly to 301.
 */
export function computeGapRows(b: Budget, checks: readonly Check[]): Map<number, Set<string>> {
  const numberOf = (kind: TableKind): number | undefined => b.tables.find((t) => t.kind === kind)?.number
  const functional = numberOf(b.functional.table)
  const threePublic = numberOf('threePublic')
  const sameRows = SAME_ROWS_AS_FUNCTIONAL.filter((kind) => kind !== b.functional.table).flatMap((kind) => numberOf(kind) ?? [])
  const out = new Map<number, Set<string>>()
  const add = (table: number, id: string): void => {
    out.set(table, (out.get(table) ?? new Set()).add(id))
  }
  for (const c of checks) {
    if (c.verdict === 'ok') continue
    for (const side of [c.left, c.right]) {
      const table = side.ref.table
      if (table === undefined) continue
      const { code, key, year } = side.label
      const id = code ?? (key === 'unitRow' ? 'unit' : table === threePublic ? (year !== undefined ? `year-${year}` : 'change') : undefined)
      if (!id) continue
      add(table, id)
      if (table !== functional) continue
      // The summary tables print the functional rows without a unit row; the other functional table prints both.
      const generalPublic = numberOf('generalPublicFunctional')
      if (id !== 'unit') for (const t of sameRows) add(t, id)
      else if (generalPublic !== undefined && generalPublic !== functional) add(generalPublic, id)
    }
  }
  return out
}
