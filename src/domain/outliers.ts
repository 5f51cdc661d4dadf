/**
 * Which departments' figures stand far from the district's others: Tukey's fences. A value below
 * Q1 − 1.5 × IQR or above Q3 + 1.5 × IQR is flagged, over the departments that state the figure,
 * and only when at least `OUTLIER_MIN_COUNT` do (fewer give no meaningful quartiles). Quartiles
 * by linear interpolation between order statistics (position (n − 1) × p of the sorted values,
 * Hyndman & Fan type 7, as spreadsheets' QUARTILE.INC). The UI shows this rule beside every flag.
 */

/** Fewest stated values for which outliers are flagged at all. */
export const OUTLIER_MIN_COUNT = 5
/** Tukey's multiplier of the interquartile range. */
export const FENCE_FACTOR = 1.5

export interface Fences {
  q1: number
  q3: number
  /** Q1 − 1.5 × IQR */
  low: number
  /** Q3 + 1.5 × IQR */
  high: number
  /** How many values they were computed over. */
  count: number
}

/** The p-quantile (0…1) of sorted values, type 7: quantile([1, 2, 3, 4], 0.25) = 1.75. */
export function computeQuantile(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p
  const lo = Math.floor(pos)
  const a = sorted[lo] as number
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number
  return a + (b - a) * (pos - lo)
}

/** The fences of the stated values (absent ones are not figures and take no part); undefined with fewer than `min`. */
export function computeFences(values: readonly (number | undefined)[], min = OUTLIER_MIN_COUNT): Fences | undefined {
  const sorted = values.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, z) => a - z)
  if (sorted.length < min) return undefined
  const q1 = computeQuantile(sorted, 0.25)
  const q3 = computeQuantile(sorted, 0.75)
  const iqr = q3 - q1
  return { q1, q3, low: q1 - FENCE_FACTOR * iqr, high: q3 + FENCE_FACTOR * iqr, count: sorted.length }
}

/** 'high' above the upper fence, 'low' below the lower one, undefined inside them, for an absent value, or without fences. */
export function classifyOutlier(value: number | undefined, fences: Fences | undefined): 'high' | 'low' | undefined {
  if (value === undefined || !fences || !Number.isFinite(value)) return undefined
  return value > fences.high ? 'high' : value < fences.low ? 'low' : undefined
}
