import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { DEFAULT_LOCALE, isLocale } from './domain/languages'
import { createAppRouter } from './router'
import { prepareNumberFormats } from './domain/format'
import { installLocaleSync, prefetchAllMessages } from './router/locale'
import { useSettingsStore } from './stores/settings'
import { useBudgetStore } from './stores/budget'
import { requestOf } from './router/datasetParams'
import { opensDistrict } from './composables/useDatasetRoute'
import { HIDDEN_CLASS, PAGE_STATE_ID } from './prerenderPage'
import './styles/base.css'
import './styles/print.css'
import './styles/themes.css'

/**
 * The page shows pre-rendered figures (scripts/prerender.ts): the gate script, run before this one, did not
 * hide them for a deep link (and gave a page opened with no hash its own route).
 */
const prerendered = document.getElementById(PAGE_STATE_ID) !== null && !document.documentElement.classList.contains(HIDDEN_CLASS)

const app = createApp(App)
const i18n = createAppI18n()
const router = createAppRouter()
installLocaleSync(router, i18n)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)
useSettingsStore(pinia).applyToDocument()
// Mount once the first route (and its messages) are ready, so a shared English link never flashes Chinese;
// over pre-rendered figures, once the data is there too, so the first render replaces them with the same
// markup (the loading line never covers them). If the served data says otherwise, the app shows what it says.
void router.isReady().then(async () => {
  if (prerendered) {
    const store = useBudgetStore(pinia)
    await store.ensureLoaded(requestOf(router.currentRoute.value.query))
    // The pre-rendered district landing: go on to its route before the first render, as the shell would after it.
    const route = router.currentRoute.value
    if (opensDistrict(route, store.catalogue)) await router.replace({ name: 'district', params: route.params })
  }
  document.documentElement.classList.remove(HIDDEN_CLASS)
  app.mount('#app')
  // A task of its own while the data is on its way, not part of the one that renders the figures.
  setTimeout(() => {
    const locale = i18n.global.locale.value
    prepareNumberFormats(isLocale(locale) ? locale : DEFAULT_LOCALE)
  }, 0)
})
prefetchAllMessages(i18n)
