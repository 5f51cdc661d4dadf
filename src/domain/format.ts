/**
 * Number formatting. Amounts are exact decimals in 万元; formatting never rounds away a
 * published digit (94.68 stays 94.68) and converts to 元 exactly (94.68 万元 = 946,800 元).
 */
import type { Locale } from './types'

/** Display units: 万元 as published, or 元 (exact). */
export const AMOUNT_UNITS = ['wan', 'yuan'] as const
export type AmountUnit = (typeof AMOUNT_UNITS)[number]

/** Exact 万元 → 元 via integer hundredths (no float noise): 94.68 → 946800. */
export function toYuan(wan: number): number {
  return Math.round(wan * 100) * 100
}

/** Groups digits and keeps every published decimal: 2211 → "2,211", 94.68 → "94.68", -0.57 → "−0.57". */
export function formatNumber(value: number, locale: Locale, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return '—'
  const s = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
    maximumFractionDigits: maxDecimals,
    minimumFractionDigits: 0,
  }).format(Math.abs(value))
  return value < 0 ? `−${s}` : s
}

/**
 * A figure with its unit, for prose and cards: zh "2,211 万元"; en "RMB 22.11 million"
 * (or "RMB 35,700" below one million), both exact conversions of the published 万元.
 */
export function formatAmount(value: number, locale: Locale, unit: AmountUnit = 'wan'): string {
  if (!Number.isFinite(value)) return '—'
  if (unit === 'yuan') {
    const n = formatNumber(toYuan(value), locale, 0)
    return locale === 'en' ? `RMB ${n}` : `${n} 元`
  }
  if (locale === 'en') {
    if (Math.abs(value) >= 100) return `RMB ${formatNumber(Math.round(value * 100) / 10000, locale, 4)} million`
    return `RMB ${formatNumber(toYuan(value), locale, 0)}`
  }
  return `${formatNumber(value, locale)} 万元`
}

/** A signed change: "+82", "−163", "0". */
export function formatSigned(value: number, locale: Locale, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return '—'
  if (value > 0) return `+${formatNumber(value, locale, maxDecimals)}`
  return formatNumber(value, locale, maxDecimals)
}

/** A percentage with sign and a fixed number of decimals: −6.87 → "−6.9%" (1 decimal). */
export function formatPercent(value: number, locale: Locale, decimals = 1, signed = false): string {
  if (!Number.isFinite(value)) return '—'
  const s = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Math.abs(value))
  const sign = value < 0 ? '−' : signed && value > 0 ? '+' : ''
  return `${sign}${s}%`
}

/** Share of a part in a whole, in percent; NaN when the whole is 0. */
export function computeShare(part: number, whole: number): number {
  return whole === 0 ? NaN : (part / whole) * 100
}
