/**
 * Table 12 (部门整体支出绩效目标表) made checkable: targets parsed from their written form,
 * judged against actuals when a later self-evaluation supplies them, counted, filtered and
 * searched; the nine tasks tied to the project budget and its three categories of part three.
 */
import { makeCheckContext } from './checks/context'
import { judgeAmounts, sumAmounts, type Verdict } from './numeric'
import { computeShare, numberFormat } from './format'
import type { LEVEL1_IDS, RawDataset, RawParsedTarget, TargetOperator } from './schema'
import { LEVEL2_IDS } from './schema'
import type { IndicatorActual } from './actuals'
import type { Budget, Locale, Text } from './types'
import { localize } from './types'
import { languageOf } from './languages'

export type Performance = NonNullable<RawDataset['performance']>
export type Level1Id = (typeof LEVEL1_IDS)[number]
export type Level2Id = (typeof LEVEL2_IDS)[number]
export type ParsedTarget = RawParsedTarget

/** Kinds of target, in display order. */
export const TARGET_KINDS = ['quantitative', 'qualitative', 'deadline'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]

/** What `parseTarget` reads from a written target: a parsed target, or 不适用. */
export type TargetReading = ParsedTarget | { kind: 'notApplicable' }

/** Judgement of one indicator: met / not met against an actual, or pending (no actual yet). */
export const INDICATOR_STATUSES = ['met', 'notMet', 'pending'] as const
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number]

/** English names of common Chinese measure words, used when no English written form is given. */
const UNIT_EN: Readonly<Record<string, string>> = {
  '%': '%', 次: 'times', 本: 'copies', 份: 'copies', 个: 'units', 人: 'people', 家: 'entities',
  场: 'events', 项: 'items', 天: 'days', 个月: 'months', 年: 'years', 元: 'yuan', 万元: '10,000 yuan',
}
const PREFIXES: readonly [RegExp, TargetOperator][] = [
  [/^(≥|>=|≧|不低于|不少于|大于等于|至少|at least)\s*/i, '>='],
  [/^(≤|<=|≦|不高于|不超过|不多于|小于等于|至多|at most|no more than)\s*/i, '<='],
  [/^=\s*/, '='],
]
const SUFFIXES: readonly [RegExp, TargetOperator][] = [
  [/\s*(以上|及以上)$/, '>='],
  [/\s*(以下|以内|及以下)$/, '<='],
]
const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?)`
const QUANTITY = new RegExp(String.raw`^${NUMBER}(?:\s*[-–—~～至到]\s*${NUMBER})?\s*([^\d\s][^\d]*)?$`)
const CN_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:前|之前)?$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const EN_DATE = /^(?:by\s+)?(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i

function normalize(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim()
}

/** An ISO date from year, month, day, or undefined when no such day exists (2023-02-30). */
function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function readDate(s: string): string | undefined {
  const cn = CN_DATE.exec(s) ?? ISO_DATE.exec(s)
  if (cn) return isoDate(Number(cn[1]), Number(cn[2]), Number(cn[3]))
  const en = EN_DATE.exec(s)
  const month = en ? EN_MONTHS.indexOf((en[2] ?? '').toLowerCase()) : -1
  return en && month >= 0 ? isoDate(Number(en[3]), month + 1, Number(en[1])) : undefined
}

interface Quantity {
  operator: TargetOperator
  value: number
  max?: number
  unit: string
}

/** "≥4 次" → { '>=', 4, '次' }; "5-7 家" → range; "20 家以上" → '>='; anything else → undefined. */
function readQuantity(s: string): Quantity | undefined {
  let rest = s
  let operator: TargetOperator | undefined
  for (const [re, op] of PREFIXES) if (re.test(rest)) [operator, rest] = [op, rest.replace(re, '')]
  for (const [re, op] of SUFFIXES)
    if (re.test(rest)) {
      if (operator) return undefined
      ;[operator, rest] = [op, rest.replace(re, '')]
    }
  const m = QUANTITY.exec(rest)
  const unit = m?.[3]?.trim()
  if (!m || !unit) return undefined
  const value = Number((m[1] ?? '').replace(/,/g, ''))
  if (m[2] === undefined) return { operator: operator ?? '=', value, unit }
  if (operator) return undefined
  return { operator: 'range', value, max: Number(m[2].replace(/,/g, '')), unit }
}

/**
 * Reads a written 目标值: "≥4 次" → at least 4 次; "1000 本" → exactly 1000 本; "≤100%";
 * "5-7 家" → range; "2023年12月31日" → deadline 2023-12-31; "不适用" → not applicable; any
 * other text ("有效提升") → qualitative. The English unit comes from `writtenEn` when it
 * states the same figure ("≥ 4 times" → "times"), else from a short list of measure words.
 */
export function parseTarget(written: string, writtenEn?: string): TargetReading {
  const s = normalize(written)
  if (/^(不适用|n\/?a)$/i.test(s)) return { kind: 'notApplicable' }
  const date = readDate(s)
  if (date) return { kind: 'deadline', date }
  const q = readQuantity(s)
  if (!q) return { kind: 'qualitative' }
  const en = writtenEn === undefined ? undefined : readQuantity(normalize(writtenEn))
  const sameFigure = en && en.value === q.value && en.max === q.max
  const unit: Text = { zh: q.unit, en: sameFigure ? en.unit : (UNIT_EN[q.unit] ?? q.unit) }
  return { kind: 'quantitative', operator: q.operator, value: q.value, ...(q.max !== undefined ? { max: q.max } : {}), unit }
}

/** A stored parsed target that disagrees with a fresh reading of its written form. */
export interface TargetMismatch {
  indicatorId: string
  written: string
  stored: ParsedTarget
  parsed: TargetReading
  /** What disagrees: 'zh' (the Chinese reading) or 'en' (the English written form states another figure or date). */
  side: 'zh' | 'en'
}

function sameReading(a: TargetReading, b: TargetReading): boolean {
  const key = (t: TargetReading): string =>
    t.kind === 'quantitative' ? JSON.stringify([t.kind, t.operator, t.value, t.max ?? null, t.unit.zh, t.unit.en]) : t.kind === 'deadline' ? `${t.kind}:${t.date}` : t.kind
  return key(a) === key(b)
}

/** Compares every indicator's stored parsed target with `parseTarget(written, writtenEn)`; [] when all agree. */
export function checkParsedTargets(performance: Performance): TargetMismatch[] {
  const out: TargetMismatch[] = []
  for (const dim of performance.dimensions)
    for (const ind of dim.indicators) {
      const { written, writtenEn, parsed: stored } = ind.target
      const parsed = parseTarget(written, writtenEn)
      if (!sameReading(parsed, stored)) {
        out.push({ indicatorId: ind.id, written, stored, parsed, side: 'zh' })
        continue
      }
      if (writtenEn === undefined) continue
      const en = normalize(writtenEn)
      const enQuantity = stored.kind === 'quantitative' ? readQuantity(en) : undefined
      const enOk =
        stored.kind === 'quantitative' ? enQuantity?.value === stored.value && enQuantity.max === stored.max : stored.kind === 'deadline' ? readDate(en) === stored.date : true
      if (!enOk) out.push({ indicatorId: ind.id, written: writtenEn, stored, parsed: parseTarget(writtenEn), side: 'en' })
    }
  return out
}

const EPSILON = 1e-9

/** Met / not met from the target's operator and value (or deadline, or achieved flag); pending without a usable actual. */
export function judgeIndicator(target: ParsedTarget, actual: IndicatorActual | undefined): IndicatorStatus {
  if (!actual) return 'pending'
  if (target.kind === 'qualitative') return actual.achieved === undefined ? 'pending' : actual.achieved ? 'met' : 'notMet'
  if (target.kind === 'deadline') return actual.date === undefined ? 'pending' : actual.date <= target.date ? 'met' : 'notMet'
  const x = actual.value
  if (x === undefined) return 'pending'
  const ok = {
    '>=': x >= target.value - EPSILON,
    '<=': x <= target.value + EPSILON,
    '=': Math.abs(x - target.value) <= EPSILON,
    range: x >= target.value - EPSILON && x <= (target.max ?? target.value) + EPSILON,
  }[target.operator]
  return ok ? 'met' : 'notMet'
}

/** "95%", "4 次", "1,000 copies": a target figure with its unit in the reader's language. */
export function formatQuantity(value: number, unit: Text, locale: Locale): string {
  const n = numberFormat(locale, 0, 2).format(value)
  const u = localize(unit, locale)
  return u === '%' ? `${n}%` : `${n} ${u}`
}

/** "2023年12月31日" / "31 December 2023" from an ISO date. */
export function formatIsoDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Intl.DateTimeFormat(languageOf(locale).dateLocale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)),
  )
}

/** One 三级指标 ready for display, with where it sits and how it stands. */
export interface IndicatorRow {
  id: string
  /** Position in table 12, from 1. */
  order: number
  level1: Level1Id
  level2: Level2Id
  name: Text
  written: string
  /** English rendering of the target; absent when untranslated. */
  writtenEn?: string
  target: ParsedTarget
  actual?: IndicatorActual
  status: IndicatorStatus
}

/** Flattens table 12's indicators in published order and judges each against `actuals` (pending without). */
export function computeIndicatorRows(performance: Performance, actuals: ReadonlyMap<string, IndicatorActual> = new Map()): IndicatorRow[] {
  return performance.dimensions.flatMap((dim) => dim.indicators.map((ind) => ({ dim, ind }))).map(({ dim, ind }, i) => {
    const actual = actuals.get(ind.id)
    return {
      id: ind.id, order: i + 1, level1: dim.level1, level2: dim.level2, name: ind.name,
      written: ind.target.written, ...(ind.target.writtenEn ? { writtenEn: ind.target.writtenEn } : {}), target: ind.target.parsed,
      ...(actual ? { actual } : {}),
      status: judgeIndicator(ind.target.parsed, actual),
    }
  })
}

/** The indicators judged not met, in published order: the misses the deputy brief lists. */
export function selectMissedIndicators(rows: readonly IndicatorRow[]): IndicatorRow[] {
  return rows.filter((r) => r.status === 'notMet')
}

/** Counts of a set of indicators by kind and by status. */
export interface IndicatorCounts {
  total: number
  byKind: Record<TargetKind, number>
  byStatus: Record<IndicatorStatus, number>
}

/** Counts indicators by kind (quantitative / qualitative / deadline) and status. */
export function computeIndicatorCounts(rows: readonly IndicatorRow[]): IndicatorCounts {
  const byKind = { quantitative: 0, qualitative: 0, deadline: 0 }
  const byStatus = { met: 0, notMet: 0, pending: 0 }
  for (const r of rows) {
    byKind[r.target.kind] += 1
    byStatus[r.status] += 1
  }
  return { total: rows.length, byKind, byStatus }
}

/** One 二级指标 of table 12 with its counts; `applicable: false` for the 不适用 ones. */
export interface DimensionSummary extends IndicatorCounts {
  level1: Level1Id
  level2: Level2Id
  applicable: boolean
}

/** Counts by dimension, in published order, including the not-applicable ones (0 indicators). */
export function computeDimensionSummaries(performance: Performance, rows: readonly IndicatorRow[]): DimensionSummary[] {
  return performance.dimensions.map((d) => ({
    level1: d.level1,
    level2: d.level2,
    applicable: d.applicable,
    ...computeIndicatorCounts(rows.filter((r) => r.level2 === d.level2)),
  }))
}

/** Indicators grouped 一级 → 二级, keeping published order (for the phone cards). */
export function groupIndicatorRows(rows: readonly IndicatorRow[]): { level1: Level1Id; dimensions: { level2: Level2Id; rows: IndicatorRow[] }[] }[] {
  const out: { level1: Level1Id; dimensions: { level2: Level2Id; rows: IndicatorRow[] }[] }[] = []
  for (const r of rows) {
    let g1 = out.find((g) => g.level1 === r.level1)
    if (!g1) out.push((g1 = { level1: r.level1, dimensions: [] }))
    let g2 = g1.dimensions.find((g) => g.level2 === r.level2)
    if (!g2) g1.dimensions.push((g2 = { level2: r.level2, rows: [] }))
    g2.rows.push(r)
  }
  return out
}

/** true for a 二级指标 id ("quality"), e.g. to accept `?dim=` from a URL. */
export function isLevel2Id(value: unknown): value is Level2Id {
  return typeof value === 'string' && (LEVEL2_IDS as readonly string[]).includes(value)
}

/** Case- and width-insensitive form for search: "ＡＢ ％" → "ab %". */
export function normalizeSearch(s: string): string {
  return normalize(s).toLowerCase()
}

/**
 * true when every space-separated term of `query` occurs in the indicator's id, name (both
 * languages), written targets, or `extra` (e.g. the dimension's label in the reader's language).
 */
export function matchesSearch(row: IndicatorRow, query: string, extra = ''): boolean {
  const terms = normalizeSearch(query).split(' ').filter(Boolean)
  const hay = normalizeSearch([row.id, row.name.zh, row.name.en, row.written, row.writtenEn, extra].join(' '))
  return terms.every((t) => hay.includes(t))
}

/** The indicators of dimension `dim` (all when absent) that match `q`. */
export function filterIndicatorRows(
  rows: readonly IndicatorRow[],
  filter: { dim?: Level2Id; q?: string },
  extraText: (row: IndicatorRow) => string = () => '',
): IndicatorRow[] {
  return rows.filter((r) => (!filter.dim || r.level2 === filter.dim) && (!filter.q || matchesSearch(r, filter.q, extraText(r))))
}

/** One task of table 12 with its derived share of the project budget. */
export interface TaskRow {
  id: string
  name: Text
  content?: Text
  total: number
  fiscal?: number
  other?: number
  /** Percent of the project budget (derived, unrounded); absent when the document states none. */
  share?: number
}

/** A project category (part three) with the table 12 tasks grouped under it and the rounding gap. */
export interface TaskGroup {
  /** Category id; undefined for tasks no category names. */
  categoryId?: string
  name?: Text
  /** The category amount as stated in part three (whole 万元). */
  stated?: number
  /** Stated amount's share of the project budget (derived). */
  share?: number
  tasks: TaskRow[]
  /** Sum of the tasks' totals (derived). */
  tasksSum: number
  /** stated − tasksSum (292 − 291.52 = +0.48); 0 without a stated amount. */
  gap: number
  /** Largest gap the published rounding explains. */
  tolerance: number
  verdict: Verdict
}

/** The performance table's tasks against the project budget. */
export interface TaskSummary {
  /** The prose's 项目支出 (万元), when stated. */
  projectBudget?: number
  /** The table's 金额合计 (stated), when printed. */
  tasksTotal?: number
  /** Sum of all tasks (derived). */
  tasksSum: number
  /** Number of tasks in table 12. */
  taskCount: number
  groups: TaskGroup[]
}

/**
 * Groups the tasks by the categories' `taskIds` (a grouping the document does not state: this site's
 * reading), with shares, sums and rounding gaps judged by the one numeric policy. Undefined when the
 * document has no performance tasks.
 */
export function computeTaskSummary(b: Budget): TaskSummary | undefined {
  const perf = b.performance
  if (!perf?.tasks.length) return undefined
  const ctx = makeCheckContext(b)
  const projectBudget = b.projectExpenditure?.amount
  const shareOf = (x: number): { share?: number } => (projectBudget !== undefined ? { share: computeShare(x, projectBudget) } : {})
  const tasks: TaskRow[] = perf.tasks.map((t) => ({ ...t, ...shareOf(t.total) }))
  const categories = (b.projectExpenditure?.categories ?? []).filter((c) => c.taskIds?.length)
  const claimed = new Set(categories.flatMap((c) => c.taskIds ?? []))
  const groups: TaskGroup[] = categories.map((c) => {
    const ids = c.taskIds ?? []
    const own = tasks.filter((t) => ids.includes(t.id))
    const tasksSum = sumAmounts(own.map((t) => t.total))
    const j = judgeAmounts(c.amount, tasksSum, [ctx.step(c.amount, 'prose'), ...own.map((t) => ctx.step(t.total, 'performance'))])
    return {
      categoryId: c.id, name: c.name, stated: c.amount, ...shareOf(c.amount),
      tasks: own, tasksSum, gap: j.difference, tolerance: j.tolerance, verdict: j.verdict,
    }
  })
  const loose = tasks.filter((t) => !claimed.has(t.id))
  if (loose.length) groups.push({ tasks: loose, tasksSum: sumAmounts(loose.map((t) => t.total)), gap: 0, tolerance: 0, verdict: categories.length ? 'mismatch' : 'ok' })
  return {
    ...(projectBudget !== undefined ? { projectBudget } : {}),
    ...(perf.tasksTotal ? { tasksTotal: perf.tasksTotal.total } : {}),
    tasksSum: sumAmounts(tasks.map((t) => t.total)),
    taskCount: tasks.length,
    groups,
  }
}

export const SORT_KEYS = ['order', 'name', 'dimension', 'kind', 'status'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/** Sorts indicator rows by a column; ties keep published order. Names sort by the locale's collation. */
export function sortIndicatorRows(rows: readonly IndicatorRow[], key: SortKey, direction: 'ascending' | 'descending', locale: Locale): IndicatorRow[] {
  const collator = new Intl.Collator(languageOf(locale).numberLocale)
  const rank: Record<SortKey, (a: IndicatorRow, b: IndicatorRow) => number> = {
    order: (a, b) => a.order - b.order,
    name: (a, b) => collator.compare(localize(a.name, locale), localize(b.name, locale)),
    dimension: (a, b) => LEVEL2_IDS.indexOf(a.level2) - LEVEL2_IDS.indexOf(b.level2),
    kind: (a, b) => TARGET_KINDS.indexOf(a.target.kind) - TARGET_KINDS.indexOf(b.target.kind),
    status: (a, b) => INDICATOR_STATUSES.indexOf(a.status) - INDICATOR_STATUSES.indexOf(b.status),
  }
  const sign = direction === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => (key === 'order' ? sign * (a.order - b.order) : sign * rank[key](a, b) || a.order - b.order))
}
