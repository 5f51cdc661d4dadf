import { describe, expect, it } from 'vitest'
import { computeShare, formatAmount, formatNumber, formatPercent, formatSigned, toYuan } from '@/domain/format'

describe(formatNumber, () => {
  it.each([
    [2211, 'zh-CN', '2,211'],
    [94.68, 'en', '94.68'],
    [-0.57, 'en', '−0.57'],
    [0, 'zh-CN', '0'],
    [Number.NaN, 'en', '—'],
  ] as const)('%d in %s → %s', (value, locale, out) => {
    expect(formatNumber(value, locale)).toBe(out)
  })
})

describe(formatAmount, () => {
  it.each([
    [2211, 'zh-CN', 'wan', '2,211 万元'],
    [2211, 'en', 'wan', 'RMB 22.11 million'],
    [3.57, 'en', 'wan', 'RMB 35,700'],
    [94.68, 'zh-CN', 'yuan', '946,800 元'],
    [528.48, 'en', 'wan', 'RMB 5.2848 million'],
  ] as const)('%d in %s (%s) → %s', (value, locale, unit, out) => {
    expect(formatAmount(value, locale, unit)).toBe(out)
  })
})

describe(toYuan, () => {
  it.each([
    [94.68, 946800],
    [0.57, 5700],
    [2211, 22110000],
  ])('%d 万元 = %d 元 exactly', (wan, yuan) => {
    expect(toYuan(wan)).toBe(yuan)
  })
})

describe(formatSigned, () => {
  it.each([
    [82, '+82'],
    [-163, '−163'],
    [0, '0'],
  ])('%d → %s', (v, out) => expect(formatSigned(v, 'en')).toBe(out))
})

describe(formatPercent, () => {
  it.each([
    [-6.866, 1, false, '−6.9%'],
    [6.44, 1, true, '+6.4%'],
    [61.55, 0, false, '62%'],
  ] as const)('%d with %d decimals → %s', (v, d, signed, out) => expect(formatPercent(v, 'en', d, signed)).toBe(out))
})

describe(computeShare, () => {
  it('is NaN for a zero whole, never Infinity', () => {
    expect(computeShare(1, 0)).toBeNaN()
    expect(computeShare(850, 2211)).toBeCloseTo(38.44, 2)
  })
})
