/**
 * The departments of one year and phase compared, from the catalogue's summaries: figures, ranks
 * over the departments that state each, outliers by Tukey's fences (`outliers.ts`), and the CSV.
 * A figure a summary lacks is absent: "not stated", sorted last, never ranked, never fenced.
 */
import type { Phase } from './catalogue'
import type { CsvValue } from './csv'
import { compareFigures, share, type SortDir } from './district'
import { convertAmount, unitName, type ExportContext } from './export'
import { computeFences, classifyOutlier, type Fences } from './outliers'
import { parseSummary, type StaffKind, type Summary } from './summary'
import { localize, type Catalogue, type CatalogueEntry, type Text } from './types'

/** The comparison's figures, in column order. `derived`: computed by this site from stated figures (labelled so). */
export const COMPARE_METRICS = [
  { id: 'total', derived: false, kind: 'amount' },
  { id: 'basicShare', derived: true, kind: 'percent' },
  { id: 'classShare', derived: true, kind: 'percent' },
  { id: 'threePublic', derived: false, kind: 'amount' },
  { id: 'staff', derived: false, kind: 'count' },
  { id: 'threePublicPerStaff', derived: true, kind: 'amount' },
  { id: 'operatingPerStaff', derived: true, kind: 'amount' },
  { id: 'mismatch', derived: false, kind: 'count' },
  { id: 'rounding', derived: false, kind: 'count' },
] as const
export type CompareMetric = (typeof COMPARE_METRICS)[number]['id']
export const COMPARE_SORTS = ['name', ...COMPARE_METRICS.map((m) => m.id)] as const
export type CompareSort = (typeof COMPARE_SORTS)[number]

/** One figure of one department in the comparison. */
export interface CompareCell {
  /** Absent: the document does not state it (or what it is derived from). */
  value?: number
  /** 1 for the largest among the departments that state it; absent when the value is. */
  rank?: number
  outlier?: 'high' | 'low'
}

/** One department of the compared year. */
export interface CompareRow {
  entry: CatalogueEntry
  summary?: Summary
  /** Which staff count the per-staff figures divide by. */
  staffKind?: StaffKind
  cells: Record<CompareMetric, CompareCell>
}

export interface Comparison {
  year: number
  phase: Phase
  /** The 类 whose share is compared, with its name as the first department stating it publishes it. */
  classCode?: string
  /** The 类 any compared department publishes, by code. */
  classes: { code: string; name: Text }[]
  rows: CompareRow[]
  /** The fences of each figure, when enough departments state it. */
  fences: Partial<Record<CompareMetric, Fences>>
  /** How many departments state each figure: what a rank is out of ("2 / 5"). */
  stating: Record<CompareMetric, number>
}

function metricValue(s: Summary | undefined, m: CompareMetric, classCode: string | undefined): number | undefined {
  if (!s) return undefined
  const perStaff = (x: number | undefined) => (x === undefined || !s.staff || s.staff.count === 0 ? undefined : x / s.staff.count)
  switch (m) {
    case 'total':
      return s.total
    case 'basicShare':
      return share(s.basic, s.total)
    case 'classShare':
      return share(s.classes.find((c) => c.code === classCode)?.total, s.total)
    case 'threePublic':
      return s.threePublic
    case 'staff':
      return s.staff?.count
    case 'threePublicPerStaff':
      return perStaff(s.threePublic)
    case 'operatingPerStaff':
      return perStaff(s.operatingCosts)
    case 'mismatch':
      return s.checks.mismatch
    case 'rounding':
      return s.checks.rounding
  }
}

/** Ranks (1 = largest; equal values share a rank) over the stated values only. */
function rankStated(values: (number | undefined)[]): (number | undefined)[] {
  const stated = values.filter((x): x is number => x !== undefined).sort((a, z) => z - a)
  return values.map((x) => (x === undefined ? undefined : stated.indexOf(x) + 1))
}

/** The departments of a year and phase side by side: figures, ranks among those stating them, outliers by Tukey's fences. */
export function computeComparison(catalogue: Catalogue, year: number, phase: Phase, classCode?: string): Comparison {
  const entries = catalogue.datasets.filter((d) => d.year === year && d.phase === phase)
  const summaries = entries.map((e) => parseSummary(e))
  const classes = new Map<string, Text>()
  for (const s of summaries) for (const c of s?.classes ?? []) if (!classes.has(c.code)) classes.set(c.code, c.name)
  const classList = [...classes].sort(([a], [z]) => a.localeCompare(z)).map(([code, name]) => ({ code, name }))
  const chosen = classCode !== undefined && classes.has(classCode) ? classCode : classList[0]?.code
  const fences: Partial<Record<CompareMetric, Fences>> = {}
  const columns = COMPARE_METRICS.map((m) => {
    const values = summaries.map((s) => metricValue(s, m.id, chosen))
    const f = computeFences(values)
    if (f) fences[m.id] = f
    return { id: m.id, values, ranks: rankStated(values), fences: f }
  })
  const rows = entries.map((entry, i) => {
    const summary = summaries[i]
    const cells = Object.fromEntries(
      columns.map((c) => {
        const value = c.values[i]
        const outlier = classifyOutlier(value, c.fences)
        return [c.id, value === undefined ? {} : { value, rank: c.ranks[i] as number, ...(outlier ? { outlier } : {}) }]
      }),
    ) as Record<CompareMetric, CompareCell>
    return { entry, ...(summary ? { summary } : {}), ...(summary?.staff ? { staffKind: summary.staff.kind } : {}), cells }
  })
  const stating = Object.fromEntries(columns.map((c) => [c.id, c.values.filter((v) => v !== undefined).length])) as Record<CompareMetric, number>
  return { year, phase, ...(chosen !== undefined ? { classCode: chosen } : {}), classes: classList, rows, fences, stating }
}

/** The comparison's rows by a column: "not stated" always last; ties by name. */
export function sortCompareRows(rows: readonly CompareRow[], key: CompareSort, dir: SortDir, nameOf: (t: Text) => string, collator: Intl.Collator): CompareRow[] {
  const byName = (a: CompareRow, z: CompareRow) => collator.compare(nameOf(a.entry.department), nameOf(z.entry.department))
  return [...rows].sort((a, z) => {
    if (key === 'name') return dir === 'asc' ? byName(a, z) : byName(z, a)
    return compareFigures(a.cells[key].value, z.cells[key].value, dir) || byName(a, z)
  })
}

/** What the comparison's CSV needs from the UI: the export context, names and the words for staff kinds and flags. */
export interface ComparisonCsvContext extends ExportContext {
  /** A column's heading in the reader's language ("三公经费", "机关运行经费 / 人（本站计算）"). */
  heading: (metric: CompareMetric) => string
  phase: (phase: Phase) => string
  staffKind: (kind: StaffKind) => string
  outlier: (direction: 'high' | 'low') => string
}

/**
 * The comparison as CSV rows: department, year, phase, then each figure (amounts in the reader's unit,
 * exactly; shares and counts as numbers; not stated: an empty field, never 0), the staff kind and the flags.
 */
export function buildComparisonCsvRows(rows: readonly CompareRow[], ctx: ComparisonCsvContext): CsvValue[][] {
  const unit = unitName(ctx)
  const header: CsvValue[] = [
    ctx.t('district.col.department'),
    ctx.t('district.col.year'),
    ctx.t('district.col.phase'),
    ...COMPARE_METRICS.map((m) => (m.kind === 'amount' ? ctx.t('export.withUnit', { label: ctx.heading(m.id), unit }) : ctx.heading(m.id))),
    ctx.t('district.col.staffKind'),
    ctx.t('district.col.flags'),
  ]
  const body = rows.map((r) => [
    localize(r.entry.department, ctx.locale),
    r.entry.year,
    ctx.phase(r.entry.phase),
    ...COMPARE_METRICS.map((m) => {
      const v = r.cells[m.id].value
      return v === undefined ? null : m.kind === 'amount' ? convertAmount(v, ctx.unit) : v
    }),
    r.staffKind ? ctx.staffKind(r.staffKind) : null,
    COMPARE_METRICS.flatMap((m) => {
      const o = r.cells[m.id].outlier
      return o ? [`${ctx.heading(m.id)}: ${ctx.outlier(o)}`] : []
    }).join('; ') || null,
  ])
  return [header, ...body]
}
