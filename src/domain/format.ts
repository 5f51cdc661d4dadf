/**
 * Number formatting. Amounts are exact decimals in 万元; formatting never rounds away a
 * published digit (94.68 stays 94.68) and converts to 元 exactly (94.68 万元 = 946,800 元).
 */
import { toExact } from './numeric'
import { languageOf, type Locale } from './languages'

/** Display units: 万元 as published, or 元 (exact). */
export const AMOUNT_UNITS = ['wan', 'yuan'] as const
export type AmountUnit = (typeof AMOUNT_UNITS)[number]

/** Exact 万元 → 元 (no float noise): 94.68 → 946800; 15621.1123 → 156211123. */
export function toYuan(wan: number): number {
  return toExact(wan)
}

/** Most digits after the point a 万元 figure can have: a document in 元 gives 万元 to four decimals. */
const WAN_DECIMALS = 4

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * A shared Intl.NumberFormat for the reader's language with `min`–`max` decimals. Building one
 * costs far more than formatting with it (the overview formats ~100 figures on its first render).
 */
export function numberFormat(locale: Locale, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${locale}|${minDecimals}|${maxDecimals}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(languageOf(locale).numberLocale, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals })
    formatters.set(key, f)
  }
  return f
}

/**
 * Builds the formatters every page uses, ahead of the first render: the first Intl.NumberFormat
 * of a language loads its locale data (≈ 25 ms on a desktop, 4× that on a mid-range phone), which
 * would otherwise lengthen the task that renders the first figures.
 */
export function prepareNumberFormats(locale: Locale): void {
  for (const [min, max] of [[0, WAN_DECIMALS], [0, 0], [1, 1]] as const) numberFormat(locale, min, max).format(0)
}

/**
 * Groups digits and keeps every published decimal: 2211 → "2,211", 94.68 → "94.68", -0.57 → "−0.57";
 * with `minDecimals` as a table prints them: 30 → "30.00".
 */
export function formatNumber(value: number, locale: Locale, maxDecimals = WAN_DECIMALS, minDecimals = 0): string {
  if (!Number.isFinite(value)) return '—'
  const s = numberFormat(locale, Math.min(minDecimals, maxDecimals), maxDecimals).format(Math.abs(value))
  return value < 0 ? `−${s}` : s
}

/**
 * A figure with its unit, for prose and cards: zh "2,211 万元"; en "RMB 22.11 million"
 * (or "RMB 35,700" below one million), both exact conversions of the published 万元.
 */
export function formatAmount(value: number, locale: Locale, unit: AmountUnit = 'wan'): string {
  if (!Number.isFinite(value)) return '—'
  const inMillions = languageOf(locale).amounts === 'million'
  if (unit === 'yuan') {
    const n = formatNumber(toYuan(value), locale, 0)
    return inMillions ? `RMB ${n}` : `${n} 元`
  }
  if (inMillions) {
    if (Math.abs(value) >= 100) return `RMB ${formatNumber(toExact(value) / 1_000_000, locale, 6)} million`
    return `RMB ${formatNumber(toYuan(value), locale, 0)}`
  }
  return `${formatNumber(value, locale)} 万元`
}

/** A signed change: "+82", "−163", "0". */
export function formatSigned(value: number, locale: Locale, maxDecimals = WAN_DECIMALS): string {
  if (!Number.isFinite(value)) return '—'
  if (value > 0) return `+${formatNumber(value, locale, maxDecimals)}`
  return formatNumber(value, locale, maxDecimals)
}

/** A percentage with sign and a fixed number of decimals: −6.87 → "−6.9%" (1 decimal). */
export function formatPercent(value: number, locale: Locale, decimals = 1, signed = false): string {
  if (!Number.isFinite(value)) return '—'
  const s = numberFormat(locale, decimals, decimals).format(Math.abs(value))
  const sign = value < 0 ? '−' : signed && value > 0 ? '+' : ''
  return `${sign}${s}%`
}

/** Share of a part in a whole, in percent; NaN when the whole is 0. */
export function computeShare(part: number, whole: number): number {
  return whole === 0 ? NaN : (part / whole) * 100
}
