/**
 * The document's twelve tables as table models: published order, codes, names and amounts as
 * published (万元). Tables 2, 4 and 5 are listed in the document's contents but their pages are
 * not in it; they are rebuilt from figures other tables state, marked `derived`, with a note on
 * what the original would show that we cannot know. Nothing here adds figures up.
 */
import { EDITORIAL_PATHS } from './editorial'
import type { Check } from './checks'
import { flattenTree } from './tree'
import type { Budget, ClassNode, ClassTree, Measure, Text } from './types'
import { CLASS_LEVELS } from './types'

/** Words in a table: data text as published, or a message key (under `tables.`) the UI translates. */
export type TableText = { text: Text } | { key: string; params?: Record<string, string | number> }

/** A value cell: an amount in 万元 as published, text, or nothing. */
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

/** A table of the document: `{ number: 8, title, derived: false, sections, notes }`. */
export interface TableModel {
  id: string
  number: TableNumber
  title: TableText
  /** true for tables rebuilt by this site (2, 4, 5). */
  derived: boolean
  /** How a derived table was rebuilt and what it cannot show. */
  derivedNote?: TableText[]
  sections: TableSection[]
  /** The table's published notes (注), then ours. */
  notes: TableText[]
}

export const TABLE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const
export type TableNumber = (typeof TABLE_NUMBERS)[number]

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const

const k = (key: string, params?: Record<string, string | number>): TableText => ({ key: `tables.${key}`, ...(params ? { params } : {}) })
/** An indicator level's label: the performance view's own message, so table 12 and the view say the same words. */
const level = (key: string): TableText => ({ key: `performance.${key}` })
const d = (text: Text): TableText => ({ text })
const amount = (value: number): TableCell => ({ kind: 'amount', value })
const text = (t: TableText, repeated = false): TableCell => ({ kind: 'text', text: t, ...(repeated ? { repeated } : {}) })
const EMPTY: TableCell = { kind: 'empty' }
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
    .filter((n) => !only || n[only] !== 0)
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
  const lines = b.incomeStatement.lines.filter((l) => keep(l.id, l.parent))
  const tops = lines.filter((l) => !l.parent)
  return lines.map((l) => {
    const siblings = l.parent ? lines.filter((s) => s.parent === l.parent) : tops
    const i = siblings.indexOf(l)
    const marker = numbered ? (l.parent ? arabicMarker(i) : classMarker(i)) : undefined
    return { id: l.id, kind: 'data' as const, ...(marker ? { marker } : {}), name: d(l.name), level: l.parent ? 1 : 0, cells: [amount(l.amount)] }
  })
}

function totalRow(id: string, value: number, kind: TableRowKind = 'total'): TableRow {
  return { id, kind, name: k(`row.${id}`), level: 0, cells: [amount(value)] }
}

function incomeSection(b: Budget, numbered: boolean, keep: (id: string, parent?: string) => boolean): TableSection {
  const s = b.incomeStatement
  return {
    id: 'income',
    title: k('section.income'),
    columns: [nameCol('item'), { id: 'amount', label: k('col.budgetYear', { year: b.year }), kind: 'amount' }],
    rows: [
      ...incomeRows(b, numbered, keep),
      totalRow('currentYearIncome', s.currentYearIncome),
      totalRow('carriedOver', s.carriedOver, 'data'),
      totalRow('incomeGrandTotal', s.incomeGrandTotal),
    ],
  }
}

/** The expenditure side of tables 1 and 6: functional rows by name, 类 numbered 一、二、. */
function expenditureSection(b: Budget): TableSection {
  const s = b.incomeStatement
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
      totalRow('currentYearExpenditure', s.currentYearExpenditure),
      totalRow('carryForward', s.carryForward, 'data'),
      totalRow('expenditureGrandTotal', s.expenditureGrandTotal),
    ],
  }
}

function table(number: TableNumber, sections: TableSection[], notes: TableText[] = [], derivedNote?: TableText[]): TableModel {
  return { id: `table-${number}`, number, title: k(`title.${number}`), derived: !!derivedNote, ...(derivedNote ? { derivedNote } : {}), sections, notes }
}

/** Our note on tables that print the unit row twice (department, then the unit itself). */
function unitRowNote(b: Budget): TableText[] {
  return b.profile.subordinateUnits === 0 ? [k('noteOwn.unitRowOnce')] : []
}

function buildTable3(b: Budget): TableModel {
  const group = k('col.procurementGroup', { year: b.year })
  const procurement = new Map(b.functional.rows.map((r) => [r.code, r.procurement]))
  const p = (x: { total: number; sme: number; smallMicro: number } | undefined): TableCell[] =>
    x ? [amount(x.total), amount(x.sme), amount(x.smallMicro)] : [EMPTY, EMPTY, EMPTY]
  const measures = ['total', 'basic', 'project'] as const
  const f = b.functionalTree
  return table(3, [
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

function buildTable9(b: Budget): TableModel {
  const tp = b.threePublic
  const group = k('col.vehiclesGroup')
  const items = ['total', 'abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation'] as const
  const cells = (row: Record<(typeof items)[number], number>): TableCell[] => items.map((i) => amount(row[i]))
  return table(
    9,
    [
      {
        id: 'threePublic',
        columns: [
          nameCol('year'),
          amountCol('tpTotal'),
          amountCol('abroad'),
          amountCol('reception'),
          amountCol('vehicles', group),
          amountCol('vehiclePurchase', group),
          amountCol('vehicleOperation', group),
        ],
        rows: [
          ...tp.years.map((y) => ({ id: `year-${y.year}`, kind: 'data' as const, name: k('row.year', { year: y.year }), level: 0, cells: cells(y) })),
          { id: 'change', kind: 'total', name: k('row.change'), level: 0, cells: cells(tp.change) },
        ],
      },
    ],
    tp.note ? [d(tp.note)] : [],
  )
}

function buildTable12(b: Budget): TableModel {
  const perf = b.performance
  const group = k('col.budgetGroup')
  let prev: { l1: string; l2: string } | undefined
  const indicatorRows: TableRow[] = perf.dimensions.flatMap((dim, di) => {
    const rows = dim.applicable ? dim.indicators.map((ind) => ({ id: ind.id, name: d(ind.name), target: d({ zh: ind.target.written, en: ind.target.writtenEn }) })) : [{ id: `na-${di}`, name: k('notApplicable'), target: k('notApplicable') }]
    return rows.map((r) => {
      const same1 = prev?.l1 === dim.level1
      const same2 = same1 && prev?.l2 === dim.level2
      prev = { l1: dim.level1, l2: dim.level2 }
      const row: TableRow = { id: r.id, kind: 'data', name: r.name, level: 0, cells: [text(level(`level1.${dim.level1}`), same1), text(level(`level2.${dim.level2}`), same2), text(r.target)] }
      return dim.applicable ? { ...row, editorial: EDITORIAL_PATHS.indicator(r.id) } : row
    })
  })
  return table(12, [
    {
      id: 'info',
      columns: [nameCol('item'), textCol('value')],
      rows: [
        { id: 'department', kind: 'data', name: k('row.department'), level: 0, cells: [text(d(b.department))] },
        { id: 'supervisor', kind: 'data', name: k('row.supervisor'), level: 0, cells: [text(d(perf.supervisor))] },
      ],
    },
    {
      id: 'tasks',
      title: k('section.tasks'),
      columns: [nameCol('taskName'), textCol('taskContent'), amountCol('taskTotal', group, 2), amountCol('fiscal', group, 2), amountCol('other', group)],
      rows: [
        ...perf.tasks.map((t) => ({ id: t.id, kind: 'data' as const, name: d(t.name), level: 0, cells: [text(d(t.content)), amount(t.total), amount(t.fiscal), amount(t.other)] })),
        { id: 'tasksTotal', kind: 'total', name: k('row.tasksTotal'), level: 0, cells: [EMPTY, amount(perf.tasksTotal.total), amount(perf.tasksTotal.fiscal), amount(perf.tasksTotal.other)] },
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

/** Table 2 收入总表, rebuilt exactly from the income side of table 1. */
function buildTable2(b: Budget): TableModel {
  return table(2, [incomeSection(b, true, () => true)], [], [k('derived.t2')])
}

/** Table 4 基本支出总表: table 8's basic column, then part three's groups (人员支出, 公用支出…). */
function buildTable4(b: Budget): TableModel {
  const groups: TableRow[] = b.basicBreakdown.flatMap((g) => [
    { id: g.id, kind: 'group' as const, name: d(g.name), level: 0, cells: [amount(g.amount)] },
    ...g.items.map((i, n) => ({ id: `${g.id}-${n}`, kind: 'data' as const, code: i.economicCode, name: d(i.name), level: 1, cells: [amount(i.amount)] })),
  ])
  return table(
    4,
    [
      { ...classSection(b, b.economicTree, ['basic'], 'basic'), title: k('section.byEconomicBasic') },
      { id: 'groups', title: k('section.basicGroups'), codeLabel: k('col.code'), columns: [nameCol('name'), amountCol('amount')], rows: groups },
    ],
    [],
    [k('derived.t4'), k('derived.t4Unknown'), k('derived.nonZeroBasic')],
  )
}

/** Table 5 项目支出总表: the project columns of tables 3 and 8, then part three's categories and table 12's tasks. */
function buildTable5(b: Budget): TableModel {
  const pe = b.projectExpenditure
  const tasks = new Map(b.performance.tasks.map((t) => [t.id, t]))
  const placed = new Set(pe.categories.flatMap((c) => c.taskIds))
  const taskRow = (t: Budget['performance']['tasks'][number], level: number): TableRow => ({ id: t.id, kind: 'data', name: d(t.name), level, cells: [amount(t.total)] })
  const unplaced = b.performance.tasks.filter((t) => !placed.has(t.id))
  const rows: TableRow[] = [
    { id: 'projectTotal', kind: 'total', name: k('row.projectTotal'), level: 0, cells: [amount(pe.amount)] },
    ...pe.categories.flatMap((c) => [
      { id: c.id, kind: 'group' as const, name: d(c.name), level: 0, cells: [amount(c.amount)], editorial: EDITORIAL_PATHS.categoryTasks(c.id) },
      ...c.taskIds.flatMap((id) => {
        const t = tasks.get(id)
        return t ? [taskRow(t, 1)] : []
      }),
    ]),
    ...(unplaced.length ? [{ id: 'unplaced', kind: 'group' as const, name: k('row.unplacedTasks'), level: 0, cells: [EMPTY] }, ...unplaced.map((t) => taskRow(t, 1))] : []),
  ]
  return table(
    5,
    [
      { ...classSection(b, b.functionalTree, ['project'], 'project'), title: k('section.byFunctionalProject') },
      { ...classSection(b, b.economicTree, ['project'], 'project'), title: k('section.byEconomicProject') },
      { id: 'categories', title: k('section.categories'), columns: [nameCol('item'), amountCol('amount')], rows },
    ],
    [],
    [k('derived.t5'), k('derived.t5Unknown'), k('derived.nonZeroProject')],
  )
}

/** One table of the document by number. */
export function buildTable(b: Budget, number: TableNumber): TableModel {
  const all = ['total', 'basic', 'project'] as const
  switch (number) {
    case 1:
      return table(1, [incomeSection(b, true, () => true), expenditureSection(b)], b.incomeStatement.notes.map(d))
    case 2:
      return buildTable2(b)
    case 3:
      return buildTable3(b)
    case 4:
      return buildTable4(b)
    case 5:
      return buildTable5(b)
    case 6:
      return table(6, [incomeSection(b, false, (id, parent) => id === 'governmentBudget' || parent === 'governmentBudget'), expenditureSection(b)])
    case 7:
      return table(7, [classSection(b, b.functionalTree, all)], unitRowNote(b))
    case 8:
      return table(8, [classSection(b, b.economicTree, all)], unitRowNote(b))
    case 9:
      return buildTable9(b)
    case 10:
      return table(10, [{ id: 'governmentFund', codeLabel: k('col.code'), columns: [nameCol('name'), ...all.map((m) => amountCol(m))], rows: [unitRow(b, all.map((m) => amount(b.governmentFund.unit[m])))] }], [d(b.governmentFund.note), ...unitRowNote(b)])
    case 11:
      return table(11, [{ id: 'stateCapital', codeLabel: k('col.code'), columns: [nameCol('name'), ...all.map((m) => amountCol(m))], rows: [unitRow(b, all.map((m) => amount(b.stateCapital.unit[m])))] }], [d(b.stateCapital.note), ...unitRowNote(b)])
    case 12:
      return buildTable12(b)
  }
}

/** All twelve tables in published order. */
export function buildTables(b: Budget): TableModel[] {
  return TABLE_NUMBERS.map((n) => buildTable(b, n))
}

/** Tables that print the same classification rows as table 3 (so share its rounding gaps). */
const SAME_ROWS_AS_TABLE_3: readonly TableNumber[] = [1, 6, 7]

/**
 * Rows that a check found off (within rounding or beyond), by table number and row id:
 * table 8 → {'unit', '301'} when 301's 款 do not add up exactly to 301.
 */
export function computeGapRows(checks: readonly Check[]): Map<number, Set<string>> {
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
      const id = code ?? (key === 'unitRow' ? 'unit' : table === 9 ? (year !== undefined ? `year-${year}` : 'change') : undefined)
      if (!id) continue
      add(table, id)
      if (table === 3 && id !== 'unit') for (const t of SAME_ROWS_AS_TABLE_3) add(t, id)
      if (table === 3 && id === 'unit') add(7, id)
    }
  }
  return out
}
