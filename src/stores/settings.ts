/**
 * Reader settings: display unit, text size and contrast. Persisted in localStorage when it is
 * available; unreadable or outdated stored settings fall back to the defaults, field by field,
 * and a storage that throws (private mode, blocked cookies, full) never breaks the app.
 */
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import * as v from 'valibot'
import { AMOUNT_UNITS, type AmountUnit } from '@/domain/format'
import { useBudgetStore } from './budget'
import { safeLocalStorage } from './storage'

/** Text size steps, as a factor of the base size (up to 200%). */
export const TEXT_SCALES = [1, 1.25, 1.5, 2] as const
export type TextScale = (typeof TEXT_SCALES)[number]
export const CONTRASTS = ['normal', 'high'] as const
export type Contrast = (typeof CONTRASTS)[number]

export const SETTINGS_KEY = 'yantian-budget.settings.v1'

/** The defaults: 万元 as published, 100% text, normal contrast. */
export const DEFAULT_SETTINGS = { unit: 'wan', textScale: 1, contrast: 'normal' } as const satisfies {
  unit: AmountUnit
  textScale: TextScale
  contrast: Contrast
}

/** Each field is checked on its own, so one bad value does not discard the others. */
const FIELD_SCHEMAS = {
  unit: v.picklist(AMOUNT_UNITS),
  textScale: v.picklist(TEXT_SCALES),
  contrast: v.picklist(CONTRASTS),
}

/** Stored settings that passed validation; a field that is missing or invalid is absent. */
export interface StoredSettings {
  unit?: AmountUnit
  textScale?: TextScale
  contrast?: Contrast
}

/** Reads stored settings; anything missing, unreadable or invalid is left out (→ its default). */
export function readStoredSettings(storage: Pick<Storage, 'getItem'> | undefined): StoredSettings {
  try {
    const raw = storage?.getItem(SETTINGS_KEY)
    if (!raw) return {}
    const data: unknown = JSON.parse(raw)
    if (typeof data !== 'object' || data === null) return {}
    const record = data as Record<string, unknown>
    const unit = v.safeParse(FIELD_SCHEMAS.unit, record.unit)
    const textScale = v.safeParse(FIELD_SCHEMAS.textScale, record.textScale)
    const contrast = v.safeParse(FIELD_SCHEMAS.contrast, record.contrast)
    return {
      ...(unit.success ? { unit: unit.output } : {}),
      ...(textScale.success ? { textScale: textScale.output } : {}),
      ...(contrast.success ? { contrast: contrast.output } : {}),
    }
  } catch {
    return {}
  }
}

const safeStorage = safeLocalStorage

export const useSettingsStore = defineStore('settings', () => {
  const stored = readStoredSettings(safeStorage())
  /** The unit the reader chose; null until they choose, and then figures show in the document's own unit. */
  const chosenUnit = ref<AmountUnit | null>(stored.unit ?? null)
  const budgetStore = useBudgetStore()
  /** The display unit: the reader's choice, else the document's (a document printed in 元 shows in 元). */
  const unit = computed<AmountUnit>({
    get: () => chosenUnit.value ?? (budgetStore.budget?.unit === '元' ? 'yuan' : DEFAULT_SETTINGS.unit),
    set: (value) => {
      chosenUnit.value = value
    },
  })
  const textScale = ref<TextScale>(stored.textScale ?? DEFAULT_SETTINGS.textScale)
  const contrast = ref<Contrast>(stored.contrast ?? DEFAULT_SETTINGS.contrast)

  // Synchronous, so the choice is saved and applied at once (the tab may close right after).
  watch(
    [chosenUnit, textScale, contrast],
    () => {
      try {
        const choice = chosenUnit.value ? { unit: chosenUnit.value } : {}
        safeStorage()?.setItem(SETTINGS_KEY, JSON.stringify({ ...choice, textScale: textScale.value, contrast: contrast.value }))
      } catch {
        // Storage full or blocked (private mode): the setting still applies for this visit.
      }
    },
    { flush: 'sync' },
  )

  /** Applies text size and contrast to the document (CSSOM, allowed under the strict CSP). */
  function applyToDocument(): void {
    const root = document.documentElement
    root.style.setProperty('--font-scale', String(textScale.value))
    root.dataset.contrast = contrast.value
  }
  watch([textScale, contrast], applyToDocument, { flush: 'sync' })

  /** Back to 100% text and normal contrast (the display unit is left as chosen). */
  function resetReading(): void {
    textScale.value = DEFAULT_SETTINGS.textScale
    contrast.value = DEFAULT_SETTINGS.contrast
  }

  return { unit, textScale, contrast, applyToDocument, resetReading }
})
