// Tukey's fences over the departments that state a figure, with hand-checkable inputs.
import { describe, expect, it } from 'vitest'
import { classifyOutlier, computeFences, computeQuantile, OUTLIER_MIN_COUNT } from '@/domain/outliers'

describe(computeQuantile, () => {
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[7], 0.75, 7],
  ])('type 7: quantile(%j, %d) = %d', (sorted, p, q) => {
    expect(computeQuantile(sorted, p)).toBeCloseTo(q, 10)
  })
})

describe(computeFences, () => {
  it('fences 1…5 at Q1 − 1.5·IQR and Q3 + 1.5·IQR (Q1 2, Q3 4: −1 and 7)', () => {
    expect(computeFences([5, 3, 1, 4, 2])).toEqual({ q1: 2, q3: 4, low: -1, high: 7, count: 5 })
  })

  it('leaves absent figures out rather than counting them as 0', () => {
    const withAbsent = computeFences([1, 2, undefined, 3, 4, undefined, 5])
    expect(withAbsent).toEqual(computeFences([1, 2, 3, 4, 5]))
  })

  it(`gives no fences with fewer than ${OUTLIER_MIN_COUNT} stated values`, () => {
    expect(computeFences([1, 2, 3, 100])).toBeUndefined()
    expect(computeFences([1, 2, 3, 100, undefined, undefined])).toBeUndefined()
  })
})

describe(classifyOutlier, () => {
  const fences = computeFences([1, 2, 3, 4, 5, 100])
  it('flags a value beyond the upper fence, not one inside', () => {
    // Sorted 1 2 3 4 5 100: Q1 = 2.25, Q3 = 4.75, IQR 2.5, fences −1.5 and 8.5.
    expect(fences?.high).toBeCloseTo(8.5, 10)
    expect(classifyOutlier(100, fences)).toBe('high')
    expect(classifyOutlier(5, fences)).toBeUndefined()
    expect(classifyOutlier(8.5, fences)).toBeUndefined()
  })

  it('flags a value below the lower fence', () => {
    expect(classifyOutlier(-2, fences)).toBe('low')
  })

  it('never flags a figure that is not stated, nor anything without fences', () => {
    expect(classifyOutlier(undefined, fences)).toBeUndefined()
    expect(classifyOutlier(1000, undefined)).toBeUndefined()
  })
})
