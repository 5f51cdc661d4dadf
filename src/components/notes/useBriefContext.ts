import { useI18n } from 'vue-i18n'
import { useLocale } from '@/composables/useLocale'
import { languageOf } from '@/domain/languages'
import type { BriefContext } from './brief'

/** The brief's words and number formats in the reader's language and display unit. */
export function useBriefContext(): BriefContext {
  const { t } = useI18n()
  const { tx, amount, pct, locale } = useLocale()
  return {
    t: (key, params) => t(key, params ?? {}),
    tx,
    amount: (value) => amount(value),
    signedAmount: (value) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${amount(Math.abs(value))}`,
    percent: (value, decimals) => pct(value, decimals, true),
    date: (iso) =>
      new Intl.DateTimeFormat(languageOf(locale.value).dateLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  }
}
