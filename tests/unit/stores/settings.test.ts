import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { DEFAULT_SETTINGS, readStoredSettings, SETTINGS_KEY, TEXT_SCALES, useSettingsStore } from '@/stores/settings'

/** A fresh store as on the next visit: new Pinia, same localStorage. */
function nextVisit() {
  setActivePinia(createPinia())
  return useSettingsStore()
}

describe('useSettingsStore', () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.removeAttribute('style')
    delete document.documentElement.dataset.contrast
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('starts from the defaults on a first visit', () => {
    const store = nextVisit()
    expect({ unit: store.unit, textScale: store.textScale, contrast: store.contrast }).toEqual(DEFAULT_SETTINGS)
  })

  it('keeps the reader’s choices across visits', () => {
    const first = nextVisit()
    const largest = TEXT_SCALES[TEXT_SCALES.length - 1]!
    first.textScale = largest
    first.contrast = 'high'
    first.unit = 'yuan'
    const second = nextVisit()
    expect(second.textScale).toBe(largest)
    expect(second.contrast).toBe('high')
    expect(second.unit).toBe('yuan')
  })

  it('applies text size and contrast to the document at once', () => {
    const store = nextVisit()
    store.applyToDocument()
    expect(document.documentElement.dataset.contrast).toBe('normal')
    store.textScale = TEXT_SCALES[2]!
    store.contrast = 'high'
    expect(document.documentElement.style.getPropertyValue('--font-scale')).toBe(String(TEXT_SCALES[2]))
    expect(document.documentElement.dataset.contrast).toBe('high')
  })

  it('resets reading comfort but keeps the display unit', () => {
    const store = nextVisit()
    store.unit = 'yuan'
    store.textScale = TEXT_SCALES[3]!
    store.contrast = 'high'
    store.resetReading()
    expect(store.textScale).toBe(DEFAULT_SETTINGS.textScale)
    expect(store.contrast).toBe(DEFAULT_SETTINGS.contrast)
    expect(store.unit).toBe('yuan')
    expect(nextVisit().textScale).toBe(DEFAULT_SETTINGS.textScale)
  })

  it.each([
    ['text that is not JSON', '{"textScale": 2,'],
    ['JSON that is not an object', '"large"'],
    ['null', 'null'],
    ['values outside the allowed steps', JSON.stringify({ unit: 'dollars', textScale: 3, contrast: 'max' })],
  ])('falls back to the defaults for %s', (_name, stored) => {
    localStorage.setItem(SETTINGS_KEY, stored)
    const store = nextVisit()
    expect({ unit: store.unit, textScale: store.textScale, contrast: store.contrast }).toEqual(DEFAULT_SETTINGS)
  })

  it('keeps the valid fields of a partly corrupt record', () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ unit: 'yuan', textScale: '200%', contrast: 'high' }))
    const store = nextVisit()
    expect(store.unit).toBe('yuan')
    expect(store.textScale).toBe(DEFAULT_SETTINGS.textScale)
    expect(store.contrast).toBe('high')
  })

  it('still works when storage throws on every access', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const store = nextVisit()
    expect(store.textScale).toBe(DEFAULT_SETTINGS.textScale)
    expect(() => {
      store.textScale = TEXT_SCALES[3]!
      store.contrast = 'high'
    }).not.toThrow()
    expect(store.textScale).toBe(TEXT_SCALES[3])
    expect(document.documentElement.dataset.contrast).toBe('high')
  })

  it('still works when localStorage itself cannot be reached', () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError')
      },
    })
    try {
      const store = nextVisit()
      store.contrast = 'high'
      expect(store.contrast).toBe('high')
      expect(document.documentElement.dataset.contrast).toBe('high')
    } finally {
      Object.defineProperty(window, 'localStorage', descriptor)
    }
  })
})

describe(readStoredSettings, () => {
  it('reads nothing from no storage', () => {
    expect(readStoredSettings(undefined)).toEqual({})
  })
})
