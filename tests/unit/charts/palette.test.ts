import { describe, expect, it } from 'vitest'
import { CLASS_PALETTE, DECALS, classColour, contrastRatio, textColourOn, tint } from '@/charts/palette'

describe(classColour, () => {
  it.each([
    [['201', '208', '210', '221']],
    [['301', '302', '303', '310', '312']],
  ])('tells apart classes that usually appear together: %j', (codes) => {
    expect(new Set(codes.map(classColour)).size).toBe(codes.length)
  })

  it('has a distinct decal pattern for every palette colour', () => {
    expect(new Set(DECALS.map((d) => JSON.stringify(d))).size).toBe(CLASS_PALETTE.length)
  })
})

describe(textColourOn, () => {
  it.each(CLASS_PALETTE.flatMap((c) => [0, 0.3, 0.42, 0.55, 0.67].map((a) => tint(c, a))))('keeps label text on %s at WCAG AA contrast', (fill) => {
    expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5)
  })
})

describe(tint, () => {
  it.each([
    ['#000000', 0, '#000000'],
    ['#000000', 1, '#ffffff'],
    ['#332288', 0.5, '#9991c4'],
  ])('mixes %s with white by %d', (hex, amount, expected) => {
    expect(tint(hex, amount)).toBe(expected)
  })
})
