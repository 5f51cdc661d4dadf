/**
 * The figures a view may show, read from the published data and written the way the app writes
 * them, so the smoke can tell "this view shows figures of the budget" in any language without
 * knowing which view shows which figure. Classification codes count too: the glossary explains
 * codes and states no amount.
 */
import { formatAmount, formatNumber } from '@/domain/format'
import type { Locale } from '@/domain/types'

/** Numbers in a text as written: "2,211", "22.11", "946,800", "−0.57" → digits with grouping and decimals. */
const NUMBER = /\d[\d,]*(?:\.\d+)?/g

/** Keys of the data whose numbers are not figures of the budget. */
const NOT_FIGURES = new Set(['year', 'schemaVersion', 'asOf'])

/** A classification code's key: `code`, `economicCode`, … */
const CODE_KEY = /(^c|C)ode$/

/** Every number in the dataset that is a figure (amounts, counts, percentages), however deep, and every classification code. */
export function figuresOf(data: unknown): { numbers: number[]; codes: string[] } {
  const numbers: number[] = []
  const codes: string[] = []
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'number' && Number.isFinite(value) && !NOT_FIGURES.has(key)) numbers.push(value)
    else if (typeof value === 'string' && CODE_KEY.test(key) && /^\d+$/.test(value)) codes.push(value)
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k)
  }
  walk(data, '')
  return { numbers, codes }
}

/** Numbers written in `text` that are distinctive enough to be a figure: three digits or more, or with decimals ("2,211", "3.57"; not "3" or "12"). */
export function distinctiveNumbers(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((n) => n.replace(/,$/, '')).filter((n) => n.includes('.') || n.replace(/\D/g, '').length >= 3)
}

/** The distinctive numbers the app writes for the data's figures in `locale` (in 万元, 元 and English millions) and its codes. */
export function writtenFigures(data: unknown, locale: Locale): Set<string> {
  const { numbers, codes } = figuresOf(data)
  const written = new Set<string>(codes.flatMap(distinctiveNumbers))
  for (const value of numbers)
    for (const text of [formatNumber(value, locale), formatAmount(value, locale, 'wan'), formatAmount(value, locale, 'yuan')])
      for (const n of distinctiveNumbers(text)) written.add(n)
  return written
}
