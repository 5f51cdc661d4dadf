import { watch } from 'vue'
import { useRoute, useRouter, type RouteLocationNormalizedLoaded } from 'vue-router'
import type { Catalogue } from '@/domain/types'
import { hasDistrict, resolveEntry } from '@/domain/catalogue'
import { useBudgetStore, type Unnamed } from '@/stores/budget'
import { datasetQueryOf, entryQuery, isCanonicalFor, namesDataset, requestOf, viewQueryOf } from '@/router/datasetParams'

/** True while a link naming no dataset is on its way to the district landing (the shell waits rather than draw the overview's header). */
export function opensDistrict(route: RouteLocationNormalizedLoaded, catalogue: Catalogue | null): boolean {
  return !!catalogue && route.name === 'overview' && !namesDataset(route.query) && hasDistrict(catalogue)
}

/**
 * Keeps the store on the dataset the URL names (`dept`, `year`, `phase`, or the old `d`), and the
 * URL naming it: a link without them, or with the old `d`, is completed with the loaded dataset's
 * department and year in place (replace, no history entry). Called once, by the app shell.
 */
export function useDatasetRoute(): void {
  const route = useRoute()
  const router = useRouter()
  const store = useBudgetStore()

  // A link naming no department opens the district landing (for two or more departments) from the
  // overview or a district page: the catalogue alone is read then; any other view needs a dataset.
  const unnamed = (): Unnamed => (route.name === 'overview' || route.meta.district ? 'landing' : 'dataset')
  watch(
    () => `${unnamed()} ${JSON.stringify(datasetQueryOf(route.query))}`,
    () => void store.ensureLoaded(requestOf(route.query), unnamed()),
    { immediate: true },
  )

  watch(
    [() => store.status, () => store.selected, () => store.catalogue, () => route.fullPath],
    () => {
      const entry = store.selected
      const catalogue = store.catalogue
      // A district of two or more departments opens on its landing when the link names no dataset:
      // as soon as the catalogue is read, so the overview is never drawn and then replaced.
      if (opensDistrict(route, catalogue)) {
        void router.replace({ name: 'district', params: route.params })
        return
      }
      // District pages are about no one dataset: their links name none and are left as they are.
      if (store.status !== 'ready' || !entry || !catalogue || route.name === 'notFound' || route.meta.district) return
      if (isCanonicalFor(route.query, entry)) return
      // Only complete a URL that asks for this very dataset; one that has moved on loads its own.
      const selection = resolveEntry(catalogue, requestOf(route.query))
      if (!selection.ok || selection.entry.id !== entry.id) return
      void router.replace({ path: route.path, query: { ...entryQuery(entry), ...viewQueryOf(route.query) }, hash: route.hash })
    },
    { immediate: true },
  )
}
