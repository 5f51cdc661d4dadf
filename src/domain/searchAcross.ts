/**
 * Search across the district: the site search (`search.ts`) over the other datasets of the catalogue,
 * each hit kept with the dataset it belongs to, so the list can say its department, year and phase.
 * The current dataset's hits are listed before these (by the search box), never mixed in.
 */
import { listDepartments } from './catalogue'
import { MATCH_RANKS, searchIndex, type SearchEntry, type SearchResult } from './search'
import type { Catalogue, CatalogueEntry } from './types'

/** One dataset's search index, with the catalogue entry that names it. */
export interface DatasetIndex {
  dataset: CatalogueEntry
  index: readonly SearchEntry[]
}

/** The hits in one dataset: the first few, best first, and how many there are in all. */
export interface DatasetHits {
  dataset: CatalogueEntry
  results: SearchResult[]
  total: number
}

/** What the other datasets hold for a query: the groups to show, and the hits and datasets beyond them. */
export interface AcrossResults {
  /** At most `groups` datasets, best hit first (catalogue search order among equals). */
  groups: DatasetHits[]
  /** Hits in every dataset searched, shown or not. */
  total: number
  /** Datasets with at least one hit, shown or not. */
  datasets: number
}

/** How much of the other datasets' hits a list shows. */
export interface AcrossLimits {
  /** Datasets listed. */
  groups: number
  /** Hits listed per dataset. */
  perGroup: number
}

export const ACROSS_LIMITS: AcrossLimits = { groups: 5, perGroup: 3 }

/**
 * The catalogue's datasets other than `currentId`, in the order their hits are listed: the current
 * department's other years first, then the other departments as the catalogue lists them; latest
 * year first within a department, a budget before the final accounts of its year.
 */
export function otherDatasetsInSearchOrder(catalogue: Catalogue, currentId: string | undefined): CatalogueEntry[] {
  const departments = listDepartments(catalogue)
  const currentDept = catalogue.datasets.find((d) => d.id === currentId)?.departmentId
  const ordered = [...departments.filter((d) => d.departmentId === currentDept), ...departments.filter((d) => d.departmentId !== currentDept)]
  return ordered.flatMap((d) => d.datasets).filter((d) => d.id !== currentId)
}

const bestRank = (hits: DatasetHits): number => MATCH_RANKS.indexOf((hits.results[0] as SearchResult).rank)

/**
 * Searches each dataset's index (given in search order) for `query`: the datasets with hits, those
 * with the best match first and, among equals, in the order given; within each, its first hits.
 */
export function searchAcross(indexes: readonly DatasetIndex[], query: string, limits: AcrossLimits = ACROSS_LIMITS): AcrossResults {
  const found: DatasetHits[] = []
  let total = 0
  for (const { dataset, index } of indexes) {
    const results = searchIndex(index, query, Number.MAX_SAFE_INTEGER)
    if (!results.length) continue
    total += results.length
    found.push({ dataset, results: results.slice(0, limits.perGroup), total: results.length })
  }
  // Array sort is stable: equals keep the search order.
  const groups = found.sort((a, z) => bestRank(a) - bestRank(z)).slice(0, limits.groups)
  return { groups, total, datasets: found.length }
}
