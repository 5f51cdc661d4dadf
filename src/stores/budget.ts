/**
 * The budget store: fetches the catalogue and one dataset relative to the app's base URL,
 * validates them, and exposes derived figures. States: idle → loading → ready | error.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { whenIdle } from '@/composables/useAfterFirstPaint'
import type { Check, Verdict } from '@/domain/checks'
import { computeOverview } from '@/domain/derive'
import { parseCatalogue, parseDataset } from '@/domain/parse'
import { resolveEntry, type DatasetRequest, type MissingDataset } from '@/domain/catalogue'
import type { ClassificationNames } from '@/domain/classificationNames'
import { stepsNeeded, type ParseSteps } from '@/domain/version'
import { needsClassificationNames } from '@/domain/untranslated'
import type { Budget, Catalogue, CatalogueEntry } from '@/domain/types'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** What went wrong while loading, in terms the error panel can explain. */
export interface LoadError {
  /** network: no answer; http: an error status (404…); json: not JSON; schema / structure: not a valid file;
   *  version: a newer format than this site reads; unknownDataset: the URL names no listed dataset
   *  (`missing` says which part: the id, the department, or the year/phase, with what exists instead).
   *  (Figures that contradict each other are the document's finding, shown and flagged, never an error.) */
  kind: 'network' | 'http' | 'json' | 'schema' | 'structure' | 'version' | 'unknownDataset'
  /** The file concerned, relative to the data folder ("index.json"). */
  file: string
  status?: number
  /** Technical details, one per line (field paths, failed checks). */
  details: string[]
  /** unknownDataset: what the link named that the catalogue lacks, and what it holds instead. */
  missing?: MissingDataset
}

type Fetched = { ok: true; data: unknown } | { ok: false; error: LoadError }

/** The data folder, resolved against the page so the app works under any sub-path. */
export function resolveDataBase(): string {
  return new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href
}

async function fetchJson(base: string, file: string): Promise<Fetched> {
  let response: Response
  try {
    // Plain GET, same mode and credentials as the <link rel=preload> in index.html, so the preload is reused.
    response = await fetch(new URL(file, base))
  } catch (e) {
    return { ok: false, error: { kind: 'network', file, details: [String(e)] } }
  }
  if (!response.ok) return { ok: false, error: { kind: 'http', file, status: response.status, details: [`HTTP ${response.status}`] } }
  try {
    return { ok: true, data: JSON.parse(await response.text()) as unknown }
  } catch (e) {
    return { ok: false, error: { kind: 'json', file, details: [String(e)] } }
  }
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
  /** true once the checks of the current budget are computed. */
  const checksReady = computed(() => checkFamilies.value !== null && budget.value !== null)
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
  /** The parse steps a file needs (an older format's upgrade, a 元 file's conversion), loaded only then. */
  async function stepsFor(raw: unknown): Promise<ParseSteps> {
    const need = stepsNeeded(raw)
    const [upgrade, units] = await Promise.all([need.upgrader ? import('@/domain/upgrade') : null, need.toWan ? import('@/domain/units') : null])
    return { ...(upgrade ? { upgrader: upgrade.UPGRADER } : {}), ...(units ? { toWan: units.toWanDataset } : {}) }
  }
  const overview = computed(() => (budget.value ? computeOverview(budget.value) : null))
  const entry = computed(() => (catalogue.value && budget.value ? catalogue.value.datasets.find((d) => d.id === budget.value?.id) : undefined))

  function fail(e: LoadError): void {
    error.value = e
    budget.value = null
    status.value = 'error'
  }

  /** The shared English names of classification codes, fetched once and only for a dataset that lacks some. */
  let names: Promise<ClassificationNames | null> | null = null
  function classificationNames(base: string): Promise<ClassificationNames | null> {
    names ??= import('@/domain/classificationNames').then(async ({ CLASSIFICATION_NAMES_FILE, parseClassificationNames }) => {
      const f = await fetchJson(base, CLASSIFICATION_NAMES_FILE)
      const parsed = f.ok ? parseClassificationNames(f.data) : null
      return parsed?.ok ? parsed.value : null
    })
    return names
  }

  async function loadBudget(base: string, file: string): Promise<{ ok: true; budget: Budget } | { ok: false; error: LoadError }> {
    const fetched = await fetchJson(base, file)
    if (!fetched.ok) return fetched
    const parsed = parseDataset(fetched.data, await stepsFor(fetched.data))
    if (!parsed.ok) return { ok: false, error: { kind: parsed.problem.kind, file, details: parsed.problem.details } }
    let budget = parsed.value
    // Without the dictionary (missing or broken) the names stay Chinese, marked: never an error.
    if (needsClassificationNames(budget)) {
      const [dict, { withClassificationNames }] = await Promise.all([classificationNames(base), import('@/domain/englishNames')])
      if (dict) budget = withClassificationNames(budget, dict)
    }
    return { ok: true, budget }
  }

  /**
   * Loads the catalogue and the dataset a request names (a dataset id, or department, year and
   * phase), or the default one. Safe to call again.
   */
  async function load(request?: string | DatasetRequest): Promise<void> {
    const mine = ++generation
    requested.value = typeof request === 'string' ? { id: request } : request
    status.value = 'loading'
    error.value = null
    const base = dataBase.value ?? resolveDataBase()
    const fetched = await fetchJson(base, 'index.json')
    if (mine !== generation) return
    if (!fetched.ok) return fail(fetched.error)
    const cat = parseCatalogue(fetched.data, await stepsFor(fetched.data))
    if (!cat.ok) return fail({ kind: cat.problem.kind, file: 'index.json', details: cat.problem.details })
    catalogue.value = cat.value
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

  /** Tries the last request again (the error panel's retry button). */
  function retry(): Promise<void> {
    return load(requested.value)
  }

  /**
   * Loads unless the request is already loading, already failed, or names the dataset already
   * shown (`{}` and `{ departmentId, year }` may name the same one).
   */
  function ensureLoaded(request?: string | DatasetRequest): Promise<void> | undefined {
    const wanted = typeof request === 'string' ? { id: request } : (request ?? {})
    const same = describeRequest(wanted) === describeRequest(requested.value)
    if (status.value !== 'idle' && status.value !== 'ready' && same) return undefined
    if (status.value === 'ready' && catalogue.value) {
      const selection = resolveEntry(catalogue.value, wanted)
      if (selection.ok && selection.entry.id === selected.value?.id) {
        requested.value = wanted
        return undefined
      }
    }
    return load(wanted)
  }

  return { status, error, catalogue, budget, selected, otherYears, dataBase, checks, checksReady, verdictCounts, overview, entry, load, retry, ensureLoaded }
})
