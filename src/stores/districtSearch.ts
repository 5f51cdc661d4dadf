/**
 * The district search's data: the search indexes of the catalogue's other datasets, fetched only once
 * the reader starts searching (never on page load), a few at a time, each through the one parse path
 * (`datasetLoader.ts`) without changing the selected dataset. Only the indexes are kept, not the
 * budgets. A dataset that cannot be read is listed as a failure; the others are searched all the same.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { buildSearchIndex, type SearchEntry, type SearchIndexContext } from '@/domain/search'
import type { Catalogue, CatalogueEntry } from '@/domain/types'
import { resolveDataBase, useBudgetStore } from './budget'
import { createDatasetLoader, type LoadError } from './datasetLoader'

/** Datasets fetched and parsed at once: enough to fill a connection, few enough for a phone's main thread. */
export const SEARCH_CONCURRENCY = 4

/** A dataset the search could not read, and why. */
export interface SearchFailure {
  dataset: CatalogueEntry
  error: LoadError
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export const useDistrictSearchStore = defineStore('districtSearch', () => {
  /** Search indexes by dataset id, for every dataset read so far. */
  const indexes = shallowRef<ReadonlyMap<string, readonly SearchEntry[]>>(new Map())
  const failures = shallowRef<readonly SearchFailure[]>([])
  /** Datasets asked for by the last `ensure` and not yet read or failed. */
  const pending = ref(0)
  /** Datasets the last `ensure` asked for, read or not. */
  const wanted = ref(0)
  const searching = computed(() => pending.value > 0)
  /** Read or failed, of `wanted`. */
  const done = computed(() => wanted.value - pending.value)

  const load = createDatasetLoader()
  const inFlight = new Set<string>()
  /** The catalogue's datasets and files, as one string: the budget store reloads the catalogue with each dataset opened. */
  let forCatalogue = ''

  function reset(signature: string): void {
    forCatalogue = signature
    indexes.value = new Map()
    failures.value = []
    inFlight.clear()
    pending.value = 0
    wanted.value = 0
  }

  async function readOne(base: string, dataset: CatalogueEntry, ctx: SearchIndexContext, signature: string): Promise<void> {
    let index: readonly SearchEntry[] | null = null
    let error: LoadError | null = null
    try {
      const result = await load(base, dataset.file)
      if (result.ok) index = buildSearchIndex(result.budget, ctx)
      else error = result.error
    } catch (e) {
      error = { kind: 'structure', file: dataset.file, details: [String(e)] }
    }
    if (signature !== forCatalogue) return
    if (index) indexes.value = new Map(indexes.value).set(dataset.id, index)
    if (error) failures.value = [...failures.value, { dataset, error }]
    inFlight.delete(dataset.id)
    pending.value--
    // One dataset per task: typing in the search box stays responsive while the rest load.
    await nextTask()
  }

  /**
   * Reads the datasets of `datasets` not read, failed or in flight yet, `SEARCH_CONCURRENCY` at a time;
   * resolves when they are all read or failed. Safe to call on every keystroke.
   */
  async function ensure(catalogue: Catalogue, datasets: readonly CatalogueEntry[], ctx: SearchIndexContext): Promise<void> {
    const signature = catalogue.datasets.map((d) => `${d.id} ${d.file}`).join('\n')
    if (signature !== forCatalogue) reset(signature)
    const failed = new Set(failures.value.map((f) => f.dataset.id))
    const queue = datasets.filter((d) => !indexes.value.has(d.id) && !failed.has(d.id) && !inFlight.has(d.id))
    if (!queue.length) return
    if (!pending.value) wanted.value = 0
    wanted.value += queue.length
    pending.value += queue.length
    for (const d of queue) inFlight.add(d.id)
    const base = useBudgetStore().dataBase ?? resolveDataBase()
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) await readOne(base, next, ctx, signature)
    }
    await Promise.all(Array.from({ length: Math.min(SEARCH_CONCURRENCY, queue.length) }, worker))
  }

  return { indexes, failures, pending, wanted, done, searching, ensure }
})
