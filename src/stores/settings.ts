/**
 * Reader settings: display unit, text size and contrast. Persisted in localStorage when it is
 * available; unreadable or outdated stored settings fall back to the defaults, never break the app.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import * as v from 'valibot'
import { AMOUNT_UNITS, type AmountUnit } from '@/domain/format'

/** Text size steps, as a factor of the base size (up to 200%). */
export const TEXT_SCALES = [1, 1.25, 1.5, 2] as const
export const CONTRASTS = ['normal', 'high'] as const
export type Contrast = (typeof CONTRASTS)[number]

export const SETTINGS_KEY = 'yantian-budget.settings.v1'

const StoredSettingsSchema = v.object({
  unit: v.optional(v.picklist(AMOUNT_UNITS)),
  textScale: v.optional(v.picklist(TEXT_SCALES)),
  contrast: v.optional(v.picklist(CONTRASTS)),
})

/** Reads stored settings; anything missing, unreadable or invalid yields `{}`. */
export function readStoredSettings(storage: Pick<Storage, 'getItem'> | undefined): v.InferOutput<typeof StoredSettingsSchema> {
  try {
    const raw = storage?.getItem(SETTINGS_KEY)
    if (!raw) return {}
    const parsed = v.safeParse(StoredSettingsSchema, JSON.parse(raw))
    return parsed.success ? parsed.output : {}
  } catch {
    return {}
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

export const useSettingsStore = defineStore('settings', () => {
  const stored = readStoredSettings(safeStorage())
  const unit = ref<AmountUnit>(stored.unit ?? 'wan')
  const textScale = ref<(typeof TEXT_SCALES)[number]>(stored.textScale ?? 1)
  const contrast = ref<Contrast>(stored.contrast ?? 'normal')

  watch([unit, textScale, contrast], () => {
    try {
      safeStorage()?.setItem(SETTINGS_KEY, JSON.stringify({ unit: unit.value, textScale: textScale.value, contrast: contrast.value }))
    } catch {
      // Storage full or blocked (private mode): the setting still applies for this visit.
    }
  })

  /** Applies text size and contrast to the document (CSSOM, allowed under the strict CSP). */
  function applyToDocument(): void {
    const root = document.documentElement
    root.style.setProperty('--font-scale', String(textScale.value))
    root.dataset.contrast = contrast.value
  }
  watch([textScale, contrast], applyToDocument)

  return { unit, textScale, contrast, applyToDocument }
})
