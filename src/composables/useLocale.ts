import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { isLocale } from '@/i18n'
import { localize, type Locale, type Text } from '@/domain/types'
import { formatAmount, formatNumber, formatPercent, formatSigned, type AmountUnit } from '@/domain/format'

/** The current locale and formatters bound to it, for components. */
export function useLocale(): {
  locale: ComputedRef<Locale>
  tx: (text: Text | undefined) => string
  amount: (value: number, unit?: AmountUnit) => string
  num: (value: number, decimals?: number) => string
  signed: (value: number, decimals?: number) => string
  pct: (value: number, decimals?: number, signed?: boolean) => string
} {
  const { locale: i18nLocale } = useI18n()
  const locale = computed<Locale>(() => (isLocale(i18nLocale.value) ? i18nLocale.value : 'zh-CN'))
  return {
    locale,
    tx: (text) => (text ? localize(text, locale.value) : ''),
    amount: (value, unit) => formatAmount(value, locale.value, unit),
    num: (value, decimals) => formatNumber(value, locale.value, decimals),
    signed: (value, decimals) => formatSigned(value, locale.value, decimals),
    pct: (value, decimals, signed) => formatPercent(value, locale.value, decimals, signed),
  }
}
