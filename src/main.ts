import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { DEFAULT_LOCALE, isLocale } from './domain/languages'
import { createAppRouter } from './router'
import { prepareNumberFormats } from './domain/format'
import { installLocaleSync, prefetchAllMessages } from './router/locale'
import { useSettingsStore } from './stores/settings'
import './styles/base.css'
import './styles/print.css'
import './styles/themes.css'

const app = createApp(App)
const i18n = createAppI18n()
const router = createAppRouter()
installLocaleSync(router, i18n)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)
useSettingsStore(pinia).applyToDocument()
// Mount once the first route (and its messages) are ready, so a shared English link never flashes Chinese.
void router.isReady().then(() => {
  app.mount('#app')
  // A task of its own while the data is on its way, not part of the one that renders the figures.
  setTimeout(() => {
    const locale = i18n.global.locale.value
    prepareNumberFormats(isLocale(locale) ? locale : DEFAULT_LOCALE)
  }, 0)
})
prefetchAllMessages(i18n)
