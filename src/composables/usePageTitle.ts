import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { useBudgetStore } from '@/stores/budget'
import { isLocale } from '@/domain/languages'
import { localize } from '@/domain/types'

/** Keeps `document.title` as "the view · the site's name from the catalogue" ("Flows · Yantian District open budget"). */
export function usePageTitle(): void {
  const { t, locale } = useI18n()
  const route = useRoute()
  const store = useBudgetStore()
  // Pre-rendered at build time there is no document: the pre-render writes its own head.
  if (import.meta.env.SSR) return
  watch(
    [() => route.meta.titleKey, () => route.params.part, () => store.catalogue, locale],
    () => {
      const site = store.catalogue?.site
      // The district's comparison shares the landing's route (`district/compare`) but not its title.
      const key = route.meta.district && route.params.part === 'compare' ? 'district.compareTitle' : typeof route.meta.titleKey === 'string' ? route.meta.titleKey : 'nav.overview'
      const name = site && isLocale(locale.value) ? localize(site.name, locale.value) : ''
      document.title = name ? `${t(key)} · ${name}` : t(key)
    },
    { immediate: true },
  )
}
