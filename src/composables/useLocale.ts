import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, isLocale } from '@/domain/languages'
import { localize, type Locale, type Text } from '@/domain/types'
import { formatAmount, formatNumber, formatPercent, formatSigned, toYuan, type AmountUnit } from '@/domain/format'
import { useSettingsStore } from '@/stores/settings'

/** The current locale and formatters bound to it, for components. */
export function useLocale(): {
  locale: ComputedRef<Locale>
  tx: (text: Text | undefined) => string
  /** A figure with its unit, in the reader's chosen unit unless one is given: "2,211 万元"; "未列明" when the document states none. */
  amount: (value: number | undefined, unit?: AmountUnit) => string
  /** A table cell in the reader's chosen unit, without the unit: "2,211" or "22,110,000"; `decimals` fixes them in 万元 ("30.00"); blank when not stated. */
  cell: (value: number | undefined, decimals?: number) => string
  /** The unit of `cell`, for column headers: "万元" / "10,000 yuan", "元" / "yuan". */
  unitLabel: ComputedRef<string>
  num: (value: number, decimals?: number) => string
  signed: (value: number, decimals?: number) => string
  pct: (value: number | undefined, decimals?: number, signed?: boolean) => string
} {
  const { locale: i18nLocale, t } = useI18n()
  const settings = useSettingsStore()
  const locale = computed<Locale>(() => (isLocale(i18nLocale.value) ? i18nLocale.value : DEFAULT_LOCALE))
  return {
    locale,
    tx: (text) => (text ? localize(text, locale.value) : ''),
    amount: (value, unit) => (value === undefined ? t('units.notStated') : formatAmount(value, locale.value, unit ?? settings.unit)),
    cell: (value, decimals) =>
      value === undefined
        ? ''
        : settings.unit === 'yuan'
          ? formatNumber(toYuan(value), locale.value, 0)
          : formatNumber(value, locale.value, Math.max(4, decimals ?? 0), decimals ?? 0),
    unitLabel: computed(() => t(settings.unit === 'yuan' ? 'units.yuan' : 'units.wan')),
    num: (value, decimals) => formatNumber(value, locale.value, decimals),
    signed: (value, decimals) => formatSigned(value, locale.value, decimals),
    pct: (value, decimals, signed) => (value === undefined ? t('units.notStated') : formatPercent(value, locale.value, decimals, signed)),
  }
}
