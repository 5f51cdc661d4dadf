/**
 * vue-i18n setup. Messages live in `locales/<locale>/<area>.json`, one file per area of the app,
 * precompiled at build time by @intlify/unplugin-vue-i18n (no message compiler ships, no eval).
 *
 * Only what the first screen needs ships with the first load: the Chinese messages of the
 * shell and the overview (`CORE_AREAS`). Everything else (other views, English) is a separate
 * chunk, loaded before a route that needs it and prefetched when the browser is idle. The `execution`
 * area travels with its components instead (`useOwnMessages`: the execution view, the story's execution
 * topic, the notes view), so the first load does not carry its entries here.
 */
import { createI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@/domain/languages'

export { DEFAULT_LOCALE, isLocale }

/** One area's messages (precompiled to functions at build time; typed as their JSON source). */
type Messages = Record<string, unknown>

/** Areas the shell and the overview use: header, nav, units, overview, story, terms (the error panel, search
 * and reading settings bring their own areas: `ownMessages.ts`). */
export const CORE_AREAS = ['app', 'nav', 'units', 'overview', 'story', 'terms'] as const

// Globs must be literal: the core list above and the pattern below name the same areas.
const eagerFiles = import.meta.glob<Messages>('./locales/zh-CN/{app,nav,units,overview,story,terms}.json', {
  eager: true,
  import: 'default',
})
// The `prerender` area is the build's own (the pre-rendered pages' head and links, scripts/prerender.ts).
const lazyFiles = import.meta.glob<Messages>(
  ['./locales/*/*.json', '!./locales/zh-CN/{app,nav,units,overview,story,terms}.json', '!./locales/*/{execution,prerender}.json'],
  { import: 'default' },
)

/** "./locales/en/app.json" → ['en', 'app']. */
function splitPath(path: string): [Locale, string] | null {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
  if (!match || !isLocale(match[1]) || !match[2]) return null
  return [match[1], match[2]]
}

/** Creates the app's i18n instance (a fresh one per app, so tests do not share state). */
export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  const messages = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Record<Locale, Messages>
  for (const [path, m] of Object.entries(eagerFiles)) {
    const parts = splitPath(path)
    if (parts) messages[parts[0]][parts[1]] = m
  }
  return createI18n({
    legacy: false,
    locale: locale as string,
    fallbackLocale: DEFAULT_LOCALE as string,
    // The JSON shape is ours to trust: vue-i18n types nested message trees loosely.
    messages: messages as unknown as Record<string, Record<string, string>>,
    missingWarn: import.meta.env.DEV,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

const loading = new WeakMap<AppI18n, Map<string, Promise<void>>>()

/**
 * Loads the messages a screen needs into `i18n`: `core` for the shell and overview, `all` for
 * every area, or the core areas and those listed (`['district', 'export']`: a page that needs few).
 * Each file loads once per i18n instance; calling again is free.
 */
export function ensureMessages(i18n: AppI18n, locale: Locale, scope: 'core' | 'all' | readonly string[]): Promise<void> {
  const started = loading.get(i18n) ?? new Map<string, Promise<void>>()
  loading.set(i18n, started)
  const areas: readonly string[] = scope === 'core' ? CORE_AREAS : scope === 'all' ? [] : [...CORE_AREAS, ...scope]
  const wanted = Object.keys(lazyFiles).filter((path) => {
    const parts = splitPath(path)
    return parts !== null && parts[0] === locale && (scope === 'all' || areas.includes(parts[1]))
  })
  return Promise.all(
    wanted.map((path) => {
      const existing = started.get(path)
      if (existing) return existing
      const load = lazyFiles[path]
      const parts = splitPath(path)
      if (!load || !parts) return Promise.resolve()
      const promise = load().then((m) => i18n.global.mergeLocaleMessage(parts[0], { [parts[1]]: m }))
      started.set(path, promise)
      return promise
    }),
  ).then(() => undefined)
}
