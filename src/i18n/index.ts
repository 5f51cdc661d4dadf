/**
 * vue-i18n setup. Messages live in `locales/<locale>/<area>.json`, one file per area of the app,
 * precompiled at build time by @intlify/unplugin-vue-i18n (no message compiler ships, no eval).
 */
import { createI18n } from 'vue-i18n'
import type { Locale } from '@/domain/types'
import { LOCALES } from '@/domain/types'

/** One area's messages (precompiled to functions at build time; typed as their JSON source). */
type Messages = Record<string, unknown>

const files = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' })

/** Merges `locales/en/app.json`, `locales/en/overview.json`… into `{ en: { app: …, overview: … } }`. */
function collectMessages(): Record<Locale, Messages> {
  const out = { 'zh-CN': {}, en: {} } as Record<Locale, Messages>
  for (const [path, messages] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, locale, area] = match
    if (!isLocale(locale) || !area) continue
    out[locale][area] = messages
  }
  return out
}

/** true for 'zh-CN' and 'en'. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export const DEFAULT_LOCALE: Locale = 'zh-CN'

/** Creates the app's i18n instance (a fresh one per app, so tests do not share state). */
export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n({
    legacy: false,
    locale: locale as string,
    fallbackLocale: DEFAULT_LOCALE as string,
    // The JSON shape is ours to trust: vue-i18n types nested message trees loosely.
    messages: collectMessages() as unknown as Record<string, Record<string, string>>,
    missingWarn: import.meta.env.DEV,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
