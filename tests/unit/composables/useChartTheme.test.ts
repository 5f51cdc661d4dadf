import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { FALLBACK_CHART_COLORS, useChartTheme } from '@/composables/useChartTheme'
import { TEXT_SCALES, useSettingsStore } from '@/stores/settings'

/** A fake matchMedia whose answers the test controls, with change listeners. */
function stubMatchMedia(initial: Record<string, boolean>) {
  const state = { ...initial }
  const listeners = new Map<string, Set<(e: MediaQueryListEvent) => void>>()
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return state[query] ?? false
    },
    media: query,
    addEventListener: (_: string, fn: (e: MediaQueryListEvent) => void) => listeners.set(query, (listeners.get(query) ?? new Set()).add(fn)),
    removeEventListener: (_: string, fn: (e: MediaQueryListEvent) => void) => listeners.get(query)?.delete(fn),
  }))
  return {
    set(query: string, matches: boolean) {
      state[query] = matches
      listeners.get(query)?.forEach((fn) => fn({ matches } as MediaQueryListEvent))
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  }
}

const DARK = '(prefers-color-scheme: dark)'
const REDUCED = '(prefers-reduced-motion: reduce)'

describe(useChartTheme, () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })
  afterEach(() => vi.unstubAllGlobals())

  it('follows the system’s dark and reduced-motion settings, live, and stops listening when disposed', async () => {
    const media = stubMatchMedia({ [DARK]: true })
    const scope = effectScope()
    const theme = scope.run(() => useChartTheme())!
    expect(theme.dark.value).toBe(true)
    expect(theme.reducedMotion.value).toBe(false)
    media.set(REDUCED, true)
    media.set(DARK, false)
    await nextTick()
    expect(theme.reducedMotion.value).toBe(true)
    expect(theme.dark.value).toBe(false)
    expect(media.listenerCount()).toBe(2)
    scope.stop()
    expect(media.listenerCount()).toBe(0)
  })

  it('follows the reader’s text size and contrast', () => {
    stubMatchMedia({})
    const theme = useChartTheme()
    const settings = useSettingsStore()
    expect(theme.textScale.value).toBe(settings.textScale)
    settings.textScale = TEXT_SCALES[3]!
    settings.contrast = 'high'
    expect(theme.textScale.value).toBe(TEXT_SCALES[3])
    expect(theme.fontSize(12)).toBe(Math.round(12 * TEXT_SCALES[3]!))
    expect(theme.highContrast.value).toBe(true)
  })

  it('reads colours from the page, falling back to the light theme where none are set', () => {
    stubMatchMedia({})
    const theme = useChartTheme()
    expect(theme.colors.value).toEqual(FALLBACK_CHART_COLORS)
    document.documentElement.style.setProperty('--text', '#000000')
    useSettingsStore().contrast = 'high'
    expect(theme.colors.value.text).toBe('#000000')
    document.documentElement.style.removeProperty('--text')
  })

  it('works without matchMedia (old browsers, jsdom)', () => {
    vi.stubGlobal('matchMedia', undefined)
    const theme = useChartTheme()
    expect(theme.dark.value).toBe(false)
    expect(theme.reducedMotion.value).toBe(false)
  })
})
