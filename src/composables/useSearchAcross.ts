import { computed, onBeforeUnmount, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import type { AcrossResults } from '@/domain/searchAcross'
import type { SearchIndexContext } from '@/domain/search'
import type { CatalogueEntry } from '@/domain/types'
import { useBudgetStore } from '@/stores/budget'
import type { SearchFailure } from '@/stores/districtSearch'

/** Typing pauses this long before the other datasets are searched (the current one answers at once). */
const SETTLE_MS = 150

/**
 * The site search across the district: with more than one dataset in the catalogue, the other
 * datasets are read once the reader starts searching (`start`, on input; never on page load) and
 * searched for `query`. The code loads with the first search. With one dataset it does nothing.
 */
export function useSearchAcross(
  query: Ref<string>,
  /** The index context; the other datasets are indexed once it is there (the code glossary loaded or failed). */
  ctx: Ref<SearchIndexContext | null>,
): {
  /** True when the catalogue holds more than one dataset. */
  enabled: ComputedRef<boolean>
  /** The other datasets' hits for the (settled) query; null before any. */
  results: ComputedRef<AcrossResults | null>
  /** Datasets read so far of those asked for, while some are still being read; null when none are. */
  progress: ComputedRef<{ done: number; total: number } | null>
  failures: ComputedRef<readonly SearchFailure[]>
  /** Starts reading the other datasets (once; later calls read only what is missing). */
  start: () => void
} {
  const { catalogue, budget } = storeToRefs(useBudgetStore())
  const enabled = computed(() => (catalogue.value?.datasets.length ?? 0) > 1)
  const mod = shallowRef<typeof import('@/domain/searchAcross') | null>(null)
  const store = shallowRef<ReturnType<typeof import('@/stores/districtSearch').useDistrictSearchStore> | null>(null)
  let loading: Promise<void> | null = null

  const others = computed<CatalogueEntry[]>(() => (mod.value && catalogue.value ? mod.value.otherDatasetsInSearchOrder(catalogue.value, budget.value?.id) : []))

  function ensure(): void {
    const s = store.value
    if (s && ctx.value && catalogue.value) void s.ensure(catalogue.value, others.value, ctx.value)
  }
  function start(): void {
    if (!enabled.value || !query.value.trim()) return
    loading ??= Promise.all([import('@/domain/searchAcross'), import('@/stores/districtSearch')]).then(([m, s]) => {
      mod.value = m
      store.value = s.useDistrictSearchStore()
    })
    void loading.then(ensure)
  }
  // The context arrives after the first keystroke (the glossary loads on focus); a new dataset opened needs the old one read.
  watch([ctx, others], () => {
    if (loading) ensure()
  })

  const settled = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(query, (q) => {
    clearTimeout(timer)
    if (!q.trim()) settled.value = ''
    else timer = setTimeout(() => (settled.value = q), SETTLE_MS)
  })
  onBeforeUnmount(() => clearTimeout(timer))

  const results = computed(() => {
    const m = mod.value
    const s = store.value
    if (!enabled.value || !m || !s || !settled.value.trim()) return null
    const indexes = others.value.flatMap((dataset) => {
      const index = s.indexes.get(dataset.id)
      return index ? [{ dataset, index }] : []
    })
    return m.searchAcross(indexes, settled.value)
  })
  const progress = computed(() => (store.value?.searching ? { done: store.value.done, total: store.value.wanted } : null))
  const failures = computed(() => store.value?.failures ?? [])
  return { enabled, results, progress, failures, start }
}
