/**
 * The dataset a page shows lives in its URL: `#/en/classification?dept=<departmentId>&year=2023`
 * (+ `&phase=final` for final accounts; budget is the default). Every link and every navigation
 * carries these parameters forward from the current page, in this one place, so views, the nav and
 * the language switch never handle them. The old form `?d=<dataset id>` still opens its dataset
 * (the app then rewrites it to dept/year).
 */
import type { LocationQuery, LocationQueryRaw, RouteLocationRaw, RouteLocationNormalizedLoaded, Router } from 'vue-router'
import type { DatasetRequest } from '@/domain/catalogue'
import { DEFAULT_LOCALE, isLocale } from '@/domain/languages'
import type { CatalogueEntry } from '@/domain/types'

/** The query parameters that name a dataset, in the order links write them. */
export const DATASET_PARAMS = ['dept', 'year', 'phase'] as const
/** The old parameter: a dataset id. */
export const LEGACY_DATASET_PARAM = 'd'

type Query = LocationQuery | LocationQueryRaw

const first = (value: Query[string]): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
}

/** True when the query names a dataset (by `dept` or the old `d`). */
export function namesDataset(query: Query): boolean {
  return first(query.dept) !== undefined || first(query[LEGACY_DATASET_PARAM]) !== undefined
}

/** The dataset parameters of a query alone: `{ dept: 'x', year: '2023' }`. */
export function datasetQueryOf(query: Query): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of [...DATASET_PARAMS, LEGACY_DATASET_PARAM]) {
    const v = first(query[key])
    if (v !== undefined) out[key] = v
  }
  return out
}

/** The query without its dataset parameters (the view's own state). */
export function viewQueryOf<Q extends Query>(query: Q): Q {
  const dataset: readonly string[] = [...DATASET_PARAMS, LEGACY_DATASET_PARAM]
  return Object.fromEntries(Object.entries(query).filter(([key]) => !dataset.includes(key))) as Q
}

/** What the URL asks the store to load. */
export function requestOf(query: Query): DatasetRequest {
  const request: DatasetRequest = {}
  const dept = first(query.dept)
  const year = first(query.year)
  const phase = first(query.phase)
  const id = first(query[LEGACY_DATASET_PARAM])
  if (dept !== undefined) request.departmentId = dept
  if (year !== undefined) request.year = year
  if (phase !== undefined) request.phase = phase
  if (id !== undefined) request.id = id
  return request
}

/** The canonical parameters of a dataset: `{ dept, year }`, plus `phase: 'final'` for final accounts. */
export function entryQuery(entry: Pick<CatalogueEntry, 'departmentId' | 'year' | 'phase'>): Record<string, string> {
  return { dept: entry.departmentId, year: String(entry.year), ...(entry.phase === 'final' ? { phase: 'final' } : {}) }
}

/** True when the query names `entry` exactly as its canonical parameters do (and not by the old `d`). */
export function isCanonicalFor(query: Query, entry: CatalogueEntry): boolean {
  const have = datasetQueryOf(query)
  const want = entryQuery(entry)
  return Object.keys(have).length === Object.keys(want).length && Object.entries(want).every(([k, v]) => have[k] === v)
}

/**
 * A link to another dataset from the current page: same view and language, the dataset's
 * parameters, and none of the view's own state (a selected node or item belongs to the old dataset).
 */
export function datasetLocation(route: Pick<RouteLocationNormalizedLoaded, 'name' | 'params'>, entry: CatalogueEntry): RouteLocationRaw {
  if (route.name && route.name !== 'notFound') return { name: route.name, params: { ...route.params }, query: entryQuery(entry) }
  // From a page that is no view: the overview, in the page's language when its path names one.
  const locale = isLocale(route.params.locale) ? route.params.locale : DEFAULT_LOCALE
  return { name: 'overview', params: { locale }, query: entryQuery(entry) }
}

/** `query` with the dataset parameters of `from` put first, when it names none itself. */
function carry(query: Query, from: Query): Query | null {
  if (namesDataset(query) || !namesDataset(from)) return null
  return { ...datasetQueryOf(from), ...query }
}

/**
 * Carries the dataset parameters forward in one place: a navigation whose target names no dataset
 * is redirected to the same target with the current page's (push stays push, replace stays replace),
 * and every link resolved by the router (`RouterLink` hrefs, shared URLs) gets them too.
 */
export function installDatasetParams(router: Router): void {
  router.beforeEach((to, from) => {
    // District pages (`meta.district`) are about no one dataset: nothing is carried into them.
    const query = to.meta.district ? null : carry(to.query, from.query)
    return query ? { path: to.path, query, hash: to.hash } : true
  })
  const resolve = router.resolve.bind(router)
  const resolveCarrying = (raw: Parameters<Router['resolve']>[0], current?: RouteLocationNormalizedLoaded) => {
    const resolved = resolve(raw, current)
    const query = resolved.meta.district ? null : carry(resolved.query, (current ?? router.currentRoute.value).query)
    return query ? resolve({ path: resolved.path, query, hash: resolved.hash }, current) : resolved
  }
  router.resolve = resolveCarrying as Router['resolve']
}
