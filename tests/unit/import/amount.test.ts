import { describe, expect, it } from 'vitest'
import { compareSame, compareSum, formatFigure, parseAmount, parseCell, toFigure } from '@/import/amount'

describe(parseAmount, () => {
  it.each([
    ['2,940.05', 294005, 2],
    ['2,211', 2211, 0],
    ['3.8', 38, 1],
    ['-0.57', -57, 2],
    ['0', 0, 0],
    ['0.00', 0, 2],
    ['156,211,123', 156211123, 0],
  ])('reads %s exactly', (text, minor, decimals) => {
    expect(parseAmount(text)).toEqual({ text, minor, decimals })
  })

  it.each(['12,3x4', '1,23', '2023年', '', '≥4', '1.2.3'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeNull()
  })
})

describe(parseCell, () => {
  it('keeps blank, dash and zero apart', () => {
    expect(parseCell('')).toBeNull()
    expect(parseCell('-')).toEqual({ text: '-', dash: true })
    expect(parseCell('0')).toEqual({ text: '0', minor: 0, decimals: 0 })
    expect(parseCell('12,3x4')).toBeUndefined()
  })
})

describe('the rounding rule', () => {
  const wan = (t: string) => toFigure(parseAmount(t)!, '万元')
  const yuan = (t: string) => toFigure(parseAmount(t)!, '元')

  it.each([
    // parts, total, verdict
    [['1,698', '199', '36', '278'], '2,211', 'ok'],
    [['1,191', '697', '248', '4', '73'], '2,211', 'withinRounding'], // 2,213 against 2,211: 2 ≤ 6 × 0.5
    [['2,106.66', '326.72', '60.99', '445.69'], '2,940.05', 'withinRounding'],
    [['100', '200'], '310', 'contradiction'],
  ] as const)('sums %j against %s: %s', (parts, total, verdict) => {
    expect(compareSum(parts.map(wan), wan(total)).verdict).toBe(verdict)
  })

  it('requires one quantity printed twice at the same precision to be equal', () => {
    expect(compareSame(wan('326.71'), wan('326.72')).verdict).toBe('contradiction')
    expect(compareSame(wan('2,211'), wan('2211')).verdict).toBe('ok')
  })

  it('allows a 万元 figure and its 元 figure the rounding of the coarser', () => {
    expect(compareSame(wan('350.35'), yuan('3,503,499')).verdict).toBe('withinRounding')
    expect(compareSame(wan('352.67'), yuan('3,503,499')).verdict).toBe('contradiction')
  })

  it('writes exact differences back as decimals', () => {
    expect(formatFigure(compareSame(wan('326.71'), wan('326.72')).difference)).toBe('-0.01')
    expect(formatFigure(yuan('3,503,499'))).toBe('350.3499')
  })
})
