import { createAppI18n, type AppI18n } from '@/i18n'
import { isLocale } from '@/i18n'
import type { Locale } from '@/domain/types'

// Every message file, eagerly (test code only: the app itself loads most of them lazily).
const ALL = import.meta.glob<Record<string, unknown>>('../../../src/i18n/locales/*/*.json', { eager: true, import: 'default' })

/** An i18n instance holding every message of both languages, as the app has once all have loaded. */
export function createTestI18n(locale: Locale = 'zh-CN'): AppI18n {
  const i18n = createAppI18n(locale)
  for (const [path, messages] of Object.entries(ALL)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (match && isLocale(match[1]) && match[2]) i18n.global.mergeLocaleMessage(match[1], { [match[2]]: messages })
  }
  return i18n
}
