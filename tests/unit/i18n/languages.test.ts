import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { DEFAULT_LOCALE, LANGUAGES, LOCALES, isLocale, languageOf } from '@/domain/languages'
import { isUntranslated, localize } from '@/domain/types'
import { formatAmount, formatNumber } from '@/domain/format'
import { createAppRouter } from '@/router'
import { installLocaleSync } from '@/router/locale'
import LanguageSwitch from '@/components/LanguageSwitch.vue'
import { createTestI18n } from '../helpers/i18n'

// Every message file, to prove each registered language has all of them.
const FILES = Object.keys(import.meta.glob('../../../src/i18n/locales/*/*.json'))
const areasOf = (tag: string) =>
  FILES.filter((f) => f.includes(`/locales/${tag}/`))
    .map((f) => f.split('/').pop())
    .sort()

describe('the language registry', () => {
  it('is where LOCALES, the default and isLocale come from', () => {
    expect(LOCALES).toEqual(LANGUAGES.map((l) => l.tag))
    expect(DEFAULT_LOCALE).toBe(LANGUAGES[0].tag)
    for (const tag of LOCALES) expect(isLocale(tag)).toBe(true)
    expect(isLocale('fr')).toBe(false)
  })

  it('gives each language the same message files as the default, and a tag safe in a route pattern', () => {
    for (const l of LANGUAGES) {
      expect(l.tag).toMatch(/^[A-Za-z0-9-]+$/)
      expect(areasOf(l.tag), l.tag).toEqual(areasOf(DEFAULT_LOCALE))
    }
  })

  it('routes exactly the registered languages', async () => {
    const router = createAppRouter(createMemoryHistory())
    for (const tag of LOCALES) expect(router.resolve(`/${tag}/flows`).name).toBe('flows')
    expect(router.resolve('/fr/flows').name).toBe('notFound')
  })

  it('picks the data text and the number format each language names', () => {
    const text = { zh: '招商引资', en: 'Investment promotion' }
    const untranslated = { zh: '招商引资' }
    for (const l of LANGUAGES) {
      expect(localize(text, l.tag)).toBe(text[l.text])
      expect(localize(untranslated, l.tag)).toBe('招商引资')
      expect(isUntranslated(untranslated, l.tag)).toBe(l.text !== 'zh')
      expect(formatNumber(2211.5, l.tag)).toBe(new Intl.NumberFormat(l.numberLocale, { maximumFractionDigits: 4 }).format(2211.5))
    }
    expect(formatAmount(2211, 'zh-CN')).toBe(`${formatNumber(2211, 'zh-CN')} 万元`)
    expect(formatAmount(2211, 'en')).toMatch(/^RMB .* million$/)
  })

  it('sets <html lang> from the registry and lists every language by its native name', async () => {
    setActivePinia(createPinia())
    const i18n = createTestI18n()
    const router = createAppRouter(createMemoryHistory())
    installLocaleSync(router, i18n)
    for (const l of LANGUAGES) {
      await router.push(`/${l.tag}`)
      expect(document.documentElement.lang).toBe(l.htmlLang)
    }
    const wrapper = mount(LanguageSwitch, { global: { plugins: [i18n, router] } })
    await flushPromises()
    const names = wrapper.findAll('a, .lang-switch__current').map((e) => [e.text(), e.attributes('lang')])
    expect(names).toEqual(LANGUAGES.map((l) => [l.nativeName, l.htmlLang]))
    expect(languageOf('en').nativeName).toBe('English')
    wrapper.unmount()
  })
})
