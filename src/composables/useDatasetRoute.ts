import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { hasDistrict, resolveEntry } from '@/domain/catalogue'
import { useBudgetStore } from '@/stores/budget'
import { datasetQueryOf, entryQuery, isCanonicalFor, namesDataset, requestOf, viewQueryOf } from '@/router/datasetParams'

/**
 * Keeps the store on the dataset the URL names (`dept`, `year`, `phase`, or the old `d`), and the
 * URL naming it: a link without them, or with the old `d`, is completed with the loaded dataset's
 * department and year in place (replace, no history entry). Called once, by the app shell.
 */
export function useDatasetRoute(): void {
  const route = useRoute()
  const router = useRouter()
  const store = useBudgetStore()

  watch(
    () => JSON.stringify(datasetQueryOf(route.query)),
    () => void store.ensureLoaded(requestOf(route.query)),
    { immediate: true },
  )

  watch(
    [() => store.status, () => store.selected, () => route.fullPath],
    () => {
      const entry = store.selected
      // District pages are about no one dataset: their links name none and are left as they are.
      if (store.status !== 'ready' || !entry || !store.catalogue || route.name === 'notFound' || route.meta.district) return
      // A district of two or more departments opens on its landing when the link names no dataset.
      if (route.name === 'overview' && !namesDataset(route.query) && hasDistrict(store.catalogue)) {
        void router.replace({ name: 'district', params: route.params })
        return
      }
      if (isCanonicalFor(route.query, entry)) return
      // Only complete a URL that asks for this very dataset; one that has moved on loads its own.
      const selection = resolveEntry(store.catalogue, requestOf(route.query))
      if (!selection.ok || selection.entry.id !== entry.id) return
      void router.replace({ path: route.path, query: { ...entryQuery(entry), ...viewQueryOf(route.query) }, hash: route.hash })
    },
    { immediate: true },
  )
}
