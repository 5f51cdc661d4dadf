import type { RouteLocationNormalized, Router } from 'vue-router'
import { ensureMessages, type AppI18n } from '@/i18n'
import { DEFAULT_LOCALE, LOCALES, isLocale, languageOf, type Locale } from '@/domain/languages'

/** Routes that render with the core messages only (shell, overview, not-found). */
const CORE_ROUTES = new Set(['overview', 'notFound'])

/**
 * Keeps the UI language and `<html lang>` in step with the URL's first segment (the page title,
 * which names the site from the catalogue, is the app shell's), so a shared link opens in the sender's language; loads the messages a route needs
 * (core, its `meta.messages`, or all) before it renders.
 */
export function installLocaleSync(router: Router, i18n: AppI18n): void {
  const localeOf = (params: Record<string, unknown>): Locale => {
    const current = i18n.global.locale.value
    return isLocale(params.locale) ? params.locale : isLocale(current) ? current : DEFAULT_LOCALE
  }
  const scopeOf = (to: RouteLocationNormalized) => (typeof to.name === 'string' && CORE_ROUTES.has(to.name) ? 'core' : (to.meta.messages ?? 'all'))
  // Started before the route's lazy component loads, not after it: both download at once.
  router.beforeEach((to) => {
    void ensureMessages(i18n, localeOf(to.params), scopeOf(to))
  })
  router.beforeResolve(async (to) => {
    await ensureMessages(i18n, localeOf(to.params), scopeOf(to))
  })
  router.afterEach((to) => {
    const locale = localeOf(to.params)
    i18n.global.locale.value = locale
    document.documentElement.lang = languageOf(locale).htmlLang
  })
}

/**
 * Loads every message of both languages in the background once the reader first interacts (or
 * after 8 s), so later views and the language switch are instant, without competing with the
 * first screen for the main thread.
 */
export function prefetchAllMessages(i18n: AppI18n): void {
  let done = false
  const run = (): void => {
    if (done) return
    done = true
    for (const l of LOCALES) void ensureMessages(i18n, l, 'all')
  }
  for (const type of ['pointerdown', 'keydown', 'touchstart', 'scroll'] as const) window.addEventListener(type, run, { once: true, passive: true })
  setTimeout(run, 8000)
}
