import type { Router } from 'vue-router'
import { ensureMessages, isLocale, type AppI18n } from '@/i18n'
import type { Locale } from '@/domain/types'

/** Routes that render with the core messages only (shell, overview, not-found). */
const CORE_ROUTES = new Set(['overview', 'notFound'])

/**
 * Keeps the UI language, `<html lang>` and the page title in step with the URL's first
 * segment, so a shared link opens in the sender's language; loads the messages a route needs
 * before it renders.
 */
export function installLocaleSync(router: Router, i18n: AppI18n): void {
  const localeOf = (params: Record<string, unknown>): Locale => {
    const current = i18n.global.locale.value
    return isLocale(params.locale) ? params.locale : isLocale(current) ? current : 'zh-CN'
  }
  router.beforeResolve(async (to) => {
    await ensureMessages(i18n, localeOf(to.params), typeof to.name === 'string' && CORE_ROUTES.has(to.name) ? 'core' : 'all')
  })
  router.afterEach((to) => {
    const locale = localeOf(to.params)
    i18n.global.locale.value = locale
    document.documentElement.lang = locale
    const titleKey = typeof to.meta.titleKey === 'string' ? to.meta.titleKey : 'nav.overview'
    document.title = `${i18n.global.t(titleKey)} · ${i18n.global.t('app.siteTitle')}`
  })
}

/** Loads every message of both languages in the background, so later views and the language switch are instant. */
export function prefetchAllMessages(i18n: AppI18n): void {
  const run = (): void => {
    for (const l of ['zh-CN', 'en'] as const) void ensureMessages(i18n, l, 'all')
  }
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 4000 })
  else setTimeout(run, 2000)
}
