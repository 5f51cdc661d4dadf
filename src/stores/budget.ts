/**
 * The budget store: fetches the catalogue and one dataset relative to the app's base URL,
 * validates them, and exposes derived figures. States: idle → loading → ready | error.
 */
import { createDatasetLoader, fetchJson, stepsFor, type LoadError } from './datasetLoader'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { whenIdle } from '@/composables/useAfterFirstPaint'
import type { Check, Verdict } from '@/domain/checks'
import { computeOverview } from '@/domain/derive'
import { parseCatalogue } from '@/domain/parse'
import { opensLanding, resolveEntry, type DatasetRequest } from '@/domain/catalogue'
import type { Budget, Catalogue, CatalogueEntry } from '@/domain/types'

export type { LoadError } from './datasetLoader'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/**
 * What a request that names no department asks for: `'landing'` (the default), the district landing
 * when the catalogue has two or more departments, which needs the catalogue alone (no dataset is
 * loaded: status `ready` with no `budget`); `'dataset'`, the default dataset all the same (a view or
 * an embed that shows one). With one department both load its dataset.
 */
export type Unnamed = 'landing' | 'dataset'

/** The data folder, resolved against the page so the app works under any sub-path. */
export function resolveDataBase(): string {
  return new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href
}

/** A request as one line, for comparing requests and for the error's technical details: "dept=x year=2023". */
function describeRequest(request: DatasetRequest | undefined): string {
  const r = request ?? {}
  return [
    r.id !== undefined ? `d=${r.id}` : '',
    r.departmentId !== undefined ? `dept=${r.departmentId}` : '',
    r.year !== undefined ? `year=${r.year}` : '',
    r.phase !== undefined ? `phase=${r.phase}` : '',
  ]
    .filter(Boolean)
    .join(' ')
}

export const useBudgetStore = defineStore('budget', () => {
  const status = ref<LoadStatus>('idle')
  const error = ref<LoadError | null>(null)
  const catalogue = shallowRef<Catalogue | null>(null)
  const budget = shallowRef<Budget | null>(null)
  /** Other years of the same department that loaded and validated, by year. */
  const otherYears = shallowRef<ReadonlyMap<number, Budget>>(new Map())
  const requested = shallowRef<DatasetRequest | undefined>(undefined)
  /** The catalogue entry being loaded or shown (set as soon as the catalogue names it). */
  const selected = shallowRef<CatalogueEntry | undefined>(undefined)
  const dataBase = ref<string | null>(null)
  let generation = 0
  /** What the last request asked for if it names no department. */
  let requestedUnnamed: Unnamed = 'dataset'

  /**
   * The reconciliation checks load after the first screen (they never block showing a document: a
   * contradiction is a finding), then are computed once per budget.
   */
  const checkFamilies = shallowRef<typeof import('@/domain/checks') | null>(null)
  const checksByBudget = new WeakMap<Budget, Check[]>()
  function checksOf(b: Budget, m: typeof import('@/domain/checks')): Check[] {
    let c = checksByBudget.get(b)
    if (!c) checksByBudget.set(b, (c = m.computeChecks(b)))
    return c
  }
  const checks = computed(() => (budget.value && checkFamilies.value ? checksOf(budget.value, checkFamilies.value) : []))
  const verdictCounts = computed(() => {
    const counts: Record<Verdict, number> = { ok: 0, rounding: 0, mismatch: 0 }
    for (const c of checks.value) counts[c.verdict]++
    return counts
  })
  function loadChecks(): void {
    // Pre-rendered at build time, the page shows what the app's first render shows: no checks yet.
    if (checkFamilies.value || import.meta.env.SSR) return
    // After the first figures are painted and the browser is idle: the checks never decide what is shown.
    void whenIdle()
      .then(() => import('@/domain/checks'))
      .then((m) => (checkFamilies.value = m))
  }
  // However a budget arrives (loaded, or set by a test or an embed), its checks follow.
  watch(budget, (b) => {
    if (b) loadChecks()
  })
  const overview = computed(() => (budget.value ? computeOverview(budget.value) : null))
  const entry = computed(() => (catalogue.value && budget.value ? catalogue.value.datasets.find((d) => d.id === budget.value?.id) : undefined))

  function fail(e: LoadError): void {
    error.value = e
    budget.value = null
    status.value = 'error'
  }

  /** The one parse path of dataset files (`datasetLoader.ts`), with its own cache of the English names dictionary. */
  const loadBudget = createDatasetLoader()

  /**
   * Loads the catalogue and the dataset a request names (a dataset id, or department, year and
   * phase), or the default one; for a request naming no department, see `Unnamed`. Safe to call again.
   */
  async function load(request?: string | DatasetRequest, unnamed: Unnamed = 'dataset'): Promise<void> {
    const mine = ++generation
    requested.value = typeof request === 'string' ? { id: request } : request
    requestedUnnamed = unnamed
    status.value = 'loading'
    error.value = null
    const base = dataBase.value ?? resolveDataBase()
    const fetched = await fetchJson(base, 'index.json')
    if (mine !== generation) return
    if (!fetched.ok) return fail(fetched.error)
    const cat = parseCatalogue(fetched.data, await stepsFor(fetched.data))
    if (!cat.ok) return fail({ ...cat.problem, file: 'index.json' })
    catalogue.value = cat.value
    if (unnamed === 'landing' && opensLanding(cat.value, requested.value)) {
      selected.value = undefined
      budget.value = null
      otherYears.value = new Map()
      status.value = 'ready'
      return
    }
    const selection = resolveEntry(cat.value, requested.value)
    if (!selection.ok) {
      selected.value = undefined
      return fail({ kind: 'unknownDataset', file: 'index.json', details: [describeRequest(requested.value)], missing: selection.missing })
    }
    const chosen = selection.entry
    selected.value = chosen
    const result = await loadBudget(base, chosen.file)
    // Let the browser paint between validating the file and rendering it (two short tasks, not one long one).
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
    if (mine !== generation) return
    if (!result.ok) return fail(result.error)
    budget.value = result.budget
    otherYears.value = new Map()
    status.value = 'ready'
    void loadOtherYears(base, cat.value, result.budget, mine)
  }

  /** Fetches the department's other years in the background; a broken one is skipped, not fatal. */
  async function loadOtherYears(base: string, cat: Catalogue, current: Budget, mine: number): Promise<void> {
    // Other years of the same department and phase (a budget compares with budgets, final accounts with final accounts).
    const others = cat.datasets.filter((d) => d.departmentId === current.departmentId && d.phase === current.phase && d.id !== current.id)
    const loaded = new Map<number, Budget>()
    for (const other of others) {
      const result = await loadBudget(base, other.file)
      if (mine !== generation) return
      if (result.ok) loaded.set(result.budget.year, result.budget)
    }
    if (loaded.size) otherYears.value = loaded
  }

  /**
   * Loads another catalogue entry's dataset through the same fetch and parse path, without selecting
   * it (the execution view's second document).
   */
  const loadEntry = (other: CatalogueEntry) => loadBudget(dataBase.value ?? resolveDataBase(), other.file)

  /** Tries the last request again (the error panel's retry button). */
  function retry(): Promise<void> {
    return load(requested.value, requestedUnnamed)
  }

  /**
   * Loads unless the request is already loading, already failed, or names the dataset already
   * shown (`{}` and `{ departmentId, year }` may name the same one), or, naming no department, opens
   * the district landing of the catalogue already read (`unnamed`: see `Unnamed`; the dataset shown
   * before, if any, stays loaded).
   */
  function ensureLoaded(request?: string | DatasetRequest, unnamed: Unnamed = 'landing'): Promise<void> | undefined {
    const wanted = typeof request === 'string' ? { id: request } : (request ?? {})
    const same = describeRequest(wanted) === describeRequest(requested.value) && unnamed === requestedUnnamed
    if (status.value !== 'idle' && status.value !== 'ready' && same) return undefined
    if (status.value === 'ready' && catalogue.value) {
      if (unnamed === 'landing' && opensLanding(catalogue.value, wanted)) {
        requested.value = wanted
        return undefined
      }
      const selection = resolveEntry(catalogue.value, wanted)
      if (selection.ok && selection.entry.id === selected.value?.id) {
        requested.value = wanted
        return undefined
      }
    }
    return load(wanted, unnamed)
  }

  return { status, error, catalogue, budget, selected, otherYears, dataBase, checks, verdictCounts, overview, entry, load, loadEntry, retry, ensureLoaded }
})
