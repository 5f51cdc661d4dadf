import { useRouter } from 'vue-router'
import { entryQuery } from '@/router/datasetParams'
import type { CatalogueEntry, Locale } from '@/domain/types'

/**
 * The link to a dataset's overview, resolved once per dataset and language: the district's lists
 * hold 60 or more of them, and plain links re-render faster on every sort than a RouterLink each.
 */
export function useDatasetHref(): (entry: CatalogueEntry, locale: Locale) => string {
  const router = useRouter()
  const cache = new Map<string, string>()
  return (entry, locale) => {
    const key = `${locale} ${entry.id}`
    let href = cache.get(key)
    if (href === undefined) {
      href = router.resolve({ name: 'overview', params: { locale }, query: entryQuery(entry) }).href
      cache.set(key, href)
    }
    return href
  }
}
