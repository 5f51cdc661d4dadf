import type { Router } from 'vue-router'
import { isLocale, type AppI18n } from '@/i18n'
import type { Locale } from '@/domain/types'

/**
 * Keeps the UI language, `<html lang>` and the page title in step with the URL's first
 * segment, so a shared link opens in the sender's language.
 */
export function installLocaleSync(router: Router, i18n: AppI18n): void {
  router.afterEach((to) => {
    const current = i18n.global.locale.value
    const locale: Locale = isLocale(to.params.locale) ? to.params.locale : isLocale(current) ? current : 'zh-CN'
    i18n.global.locale.value = locale
    document.documentElement.lang = locale
    const titleKey = typeof to.meta.titleKey === 'string' ? to.meta.titleKey : 'nav.overview'
    document.title = `${i18n.global.t(titleKey)} · ${i18n.global.t('app.siteTitle')}`
  })
}
