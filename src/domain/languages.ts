/**
 * The one registry of UI languages. Adding a language is one entry here plus its message files
 * (`src/i18n/locales/<tag>/*.json`): the router's locale segment, the language switch, number and
 * date formats, the data text a page reads and `<html lang>` all come from this list.
 */
import type { RawText } from './schema'

/** One UI language. */
export interface Language {
  /** The first path segment of its routes and the vue-i18n locale ("zh-CN", "en"). */
  tag: string
  /** Its own name for itself, so each reader finds their language whatever the page language ("中文"). */
  nativeName: string
  /** The `Intl` locale of its numbers and collation ("en-US": 2,211.5). */
  numberLocale: string
  /** The `Intl` locale of its dates ("en-GB": 3 March 2030). */
  dateLocale: string
  /** Which text of the dataset's bilingual `Text` it reads; the Chinese where that one is absent. */
  text: keyof RawText
  /** How prose states an amount: "2,211 万元" (`wan`) or "RMB 22.11 million" (`million`). */
  amounts: 'wan' | 'million'
  /** The `<html lang>` of its pages. */
  htmlLang: string
}

/** The UI languages, the default first. */
export const LANGUAGES = [
  { tag: 'zh-CN', nativeName: '中文', numberLocale: 'zh-CN', dateLocale: 'zh-CN', text: 'zh', amounts: 'wan', htmlLang: 'zh-CN' },
  { tag: 'en', nativeName: 'English', numberLocale: 'en-US', dateLocale: 'en-GB', text: 'en', amounts: 'million', htmlLang: 'en' },
] as const satisfies readonly Language[]

/** A UI language's tag: 'zh-CN' | 'en'. */
export type Locale = (typeof LANGUAGES)[number]['tag']

/** Every UI language's tag, the default first. */
export const LOCALES: readonly Locale[] = LANGUAGES.map((l) => l.tag)

/** The default UI language (the first entry). */
export const DEFAULT_LOCALE: Locale = LANGUAGES[0].tag

/** true for a tag in the registry ('zh-CN', 'en'). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The registry entry of a UI language. */
export function languageOf(locale: Locale): Language {
  return LANGUAGES.find((l) => l.tag === locale) ?? LANGUAGES[0]
}
