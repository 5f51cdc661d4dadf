/**
 * The district at a glance: every department's dataset as one row of the landing, from the
 * catalogue's summaries (`summary.ts`); the comparison of departments is `districtCompare.ts`.
 * A figure a summary lacks is absent: shown "not stated" and sorted last.
 */
import { byRecency, type Phase } from './catalogue'
export { hasDistrict } from './catalogue'
import { parseSummary, type Summary } from './summary'
import type { Catalogue, CatalogueEntry, Text } from './types'

export type SortDir = 'asc' | 'desc'

/** A change against the prior year: as the document states it, or derived from the prior year's dataset in the catalogue. */
export interface DistrictChange {
  amount: number
  /** Percent of the prior year (derived), when the prior is not 0. */
  percent?: number
  /** 'stated': the document's own change; 'catalogue': this total minus the prior year's dataset's total. */
  source: 'stated' | 'catalogue'
}

/** One dataset on the landing: "上海市普陀区财政局 · 2024 · 决算 · 2,940.05 万元 · basic 2,336.91 (79.5%)". */
export interface LandingRow {
  entry: CatalogueEntry
  /** Absent when the entry carries no valid summary (its figures then all read "not stated"). */
  summary?: Summary
  change?: DistrictChange
  /** Basic spending's share of the total (derived), when split. */
  basicShare?: number
}

/** Part of a whole in percent (derived); absent when either is, or the whole is 0. */
export const share = (part: number | undefined, whole: number | undefined): number | undefined =>
  part === undefined || whole === undefined || whole === 0 ? undefined : (part / whole) * 100

/** Every dataset of the catalogue as a landing row, each department's latest first within catalogue order. */
export function computeLandingRows(catalogue: Catalogue): LandingRow[] {
  const summaries = new Map(catalogue.datasets.map((e) => [e, parseSummary(e)]))
  const find = (e: CatalogueEntry, year: number) => catalogue.datasets.find((x) => x.departmentId === e.departmentId && x.phase === e.phase && x.year === year)
  return catalogue.datasets.map((entry) => {
    const summary = summaries.get(entry)
    const prior = find(entry, entry.year - 1)
    const priorTotal = prior ? summaries.get(prior)?.total : undefined
    const stated = summary?.change
    const change: DistrictChange | undefined = stated
      ? { amount: stated.amount, source: 'stated', ...(stated.expenditure !== stated.amount ? { percent: (stated.amount / (stated.expenditure - stated.amount)) * 100 } : {}) }
      : summary && priorTotal !== undefined
        ? { amount: summary.total - priorTotal, source: 'catalogue', ...(priorTotal !== 0 ? { percent: ((summary.total - priorTotal) / priorTotal) * 100 } : {}) }
        : undefined
    const basicShare = share(summary?.basic, summary?.total)
    return { entry, ...(summary ? { summary } : {}), ...(change ? { change } : {}), ...(basicShare !== undefined ? { basicShare } : {}) }
  })
}

/** The landing's filter: a year (or each department's latest dataset), a phase (or both), a search text. */
export interface LandingFilter {
  year: number | 'latest'
  phase?: Phase
  /** Matched, case-insensitively, against the department's Chinese and English names. */
  query?: string
}

/** True when a name in either language contains the search text ("财政" or "finance"). */
export function matchesName(department: Text, query: string | undefined): boolean {
  const q = (query ?? '').trim().toLowerCase()
  if (!q) return true
  return department.zh.toLowerCase().includes(q) || (department.en ?? '').toLowerCase().includes(q)
}

/** The rows the filter keeps; 'latest' keeps each department's latest dataset of the phase (budget first within a year). */
export function filterLandingRows(rows: readonly LandingRow[], filter: LandingFilter): LandingRow[] {
  const kept = rows.filter((r) => (filter.phase === undefined || r.entry.phase === filter.phase) && matchesName(r.entry.department, filter.query))
  if (filter.year !== 'latest') return kept.filter((r) => r.entry.year === filter.year)
  const latest = new Map<string, LandingRow>()
  for (const r of kept) {
    const best = latest.get(r.entry.departmentId)
    if (!best || byRecency(r.entry, best.entry) < 0) latest.set(r.entry.departmentId, r)
  }
  return kept.filter((r) => latest.get(r.entry.departmentId) === r)
}

/** The landing's sortable columns. */
export const LANDING_SORTS = ['name', 'year', 'phase', 'total', 'change', 'basic', 'project'] as const
export type LandingSort = (typeof LANDING_SORTS)[number]

function landingKey(r: LandingRow, key: LandingSort): number | undefined {
  switch (key) {
    case 'year':
      return r.entry.year
    case 'phase':
      return r.entry.phase === 'budget' ? 0 : 1
    case 'total':
      return r.summary?.total
    case 'change':
      return r.change?.amount
    case 'basic':
      return r.summary?.basic
    case 'project':
      return r.summary?.project
    default:
      return undefined
  }
}

/** Compares two possibly absent numbers: absent after any figure whatever the direction. */
export function compareFigures(a: number | undefined, z: number | undefined, dir: SortDir): number {
  if (a === undefined || z === undefined) return a === z ? 0 : a === undefined ? 1 : -1
  return dir === 'asc' ? a - z : z - a
}

/** Sorted by a column: names by the locale's collation; figures with "not stated" always last; ties by name. */
export function sortLandingRows(rows: readonly LandingRow[], key: LandingSort, dir: SortDir, nameOf: (t: Text) => string, collator: Intl.Collator): LandingRow[] {
  const byName = (a: LandingRow, z: LandingRow) => collator.compare(nameOf(a.entry.department), nameOf(z.entry.department))
  return [...rows].sort((a, z) => {
    if (key === 'name') return dir === 'asc' ? byName(a, z) : byName(z, a)
    return compareFigures(landingKey(a, key), landingKey(z, key), dir) || byName(a, z) || byRecency(a.entry, z.entry)
  })
}

/** The years the catalogue holds, latest first. */
export function listYears(catalogue: Catalogue): number[] {
  return [...new Set(catalogue.datasets.map((d) => d.year))].sort((a, z) => z - a)
}
