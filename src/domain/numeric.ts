/**
 * The one numeric policy: exact sums, half-away-from-zero rounding, and "within published rounding".
 *
 * Amounts reach the app in 万元. A document prints them in 万元 (integers, or two decimals) or in 元,
 * so every published amount is a whole number of 元 = 1/10,000 万元: sums and differences are done on
 * those integers (`toExact`), never on floats that drift.
 *
 * A printed figure stands for the true value ± half its rounding step (1 万元 for 万元 integers, 0.01 for
 * two decimals, 1 元 = 0.0001 万元 for 元). Two figures that differ by no more than the half-steps of every
 * figure involved agree "within published rounding"; beyond that they contradict each other. Every check
 * and every comparison decides this here and nowhere else.
 */

/** Integers per 万元: 1 元. */
export const EXACT_SCALE = 10_000

/** 万元 → exact integer 元: 94.68 → 946800, 15621.1123 → 156211123. */
export function toExact(wan: number): number {
  return Math.round(wan * EXACT_SCALE)
}

/** Exact integer 元 → 万元. */
export function fromExact(exact: number): number {
  return exact / EXACT_SCALE
}

/** Sum of amounts, exact: [0.1, 0.2] → 0.3. */
export function sumAmounts(values: readonly number[]): number {
  let acc = 0
  for (const x of values) acc += toExact(x)
  return fromExact(acc)
}

/** a − b, exact: 2211 − 2374 → −163. */
export function subtractAmounts(a: number, b: number): number {
  return fromExact(toExact(a) - toExact(b))
}

/** Rounds half away from zero, immune to float noise: (−6.5, 0) → −7, (2.5, 0) → 3, (6.4425, 1) → 6.4. */
export function roundHalfAway(x: number, decimals: number): number {
  const f = 10 ** decimals
  const scaled = Number((Math.abs(x) * f).toPrecision(12))
  const r = Math.round(scaled) / f
  return x < 0 && r !== 0 ? -r : r
}

/** Digits after the point of a figure as it stands in the data: 6.4 → 1, 94.68 → 2, 7 → 0. */
export function decimalsOf(x: number): number {
  const s = String(Math.abs(x))
  const e = s.indexOf('e-')
  if (e >= 0) return Number(s.slice(e + 2)) + Math.max(0, s.indexOf('.') < 0 ? 0 : e - s.indexOf('.') - 1)
  const dot = s.indexOf('.')
  return dot < 0 ? 0 : s.length - dot - 1
}

/** The rounding step a figure shows by its own digits (hand-made data): 94.68 → 0.01, 2211 → 1. */
export function inferredStep(x: number): number {
  return 10 ** -decimalsOf(x)
}

/** How a group of figures is printed. */
export interface Printed {
  unit: '万元' | '元'
  decimals: number
}

/** The rounding step, in 万元, of figures printed so: 万元 with 2 decimals → 0.01; 元 integers → 0.0001. */
export function printedStep(p: Printed): number {
  return 10 ** -p.decimals / (p.unit === '元' ? EXACT_SCALE : 1)
}

export const VERDICTS = ['ok', 'rounding', 'mismatch'] as const
/** ok: equal; rounding: differs by no more than the published rounding allows; mismatch: a contradiction beyond it. */
export type Verdict = (typeof VERDICTS)[number]

/** How two figures compare. */
export interface Judgement {
  /** left − right, exact. */
  difference: number
  /** The largest gap the published rounding can explain: half the step of every figure involved. */
  tolerance: number
  verdict: Verdict
}

/** The largest gap rounding can explain when figures of these steps are involved. */
export function toleranceOf(steps: readonly number[]): number {
  let acc = 0
  for (const s of steps) acc += toExact(s) / 2
  return fromExact(acc)
}

/**
 * Compares two amounts. `steps` lists the rounding step of every printed figure involved on both
 * sides (a sum of n figures brings n steps): (2212, 2211, [1, 1, 1, 1]) → rounding, tolerance 2.
 */
export function judgeAmounts(left: number, right: number, steps: readonly number[]): Judgement {
  const exactDifference = toExact(left) - toExact(right)
  const tolerance = toleranceOf(steps)
  const verdict: Verdict = exactDifference === 0 ? 'ok' : Math.abs(exactDifference) <= toExact(tolerance) ? 'rounding' : 'mismatch'
  return { difference: fromExact(exactDifference), tolerance, verdict }
}

/** A printed amount with its rounding step (in 万元). */
export interface Figure {
  value: number
  step: number
}

/** How a stated percentage compares with the amounts it describes. */
export interface PercentJudgement {
  /** change ÷ prior × 100 from the figures as printed; NaN when the prior is 0. */
  computed: number
  /** `computed` rounded half away from zero to the stated percentage's digits. */
  rounded: number
  /** The lowest and highest percentage the printed figures allow, given their rounding. */
  range: [number, number]
  /** stated − computed. */
  difference: number
  /** Half a unit of the stated percentage's last digit. */
  tolerance: number
  /** ok: the printed figures give the stated % exactly; rounding: only once their own rounding is allowed for; mismatch: not even then. */
  verdict: Verdict
}

/**
 * Judges a stated % change against the change and prior amounts it describes. −6.5 % stated as −7 % is
 * ok (half away from zero); −6.6 % from amounts rounded to whole 万元 may read −7 % when the true
 * amounts could give it (rounding); beyond what any true amounts allow it is a mismatch.
 */
export function judgePercent(stated: number, change: Figure, prior: Figure): PercentJudgement {
  const d = decimalsOf(stated)
  const tolerance = 0.5 * 10 ** -d
  if (prior.value === 0) return { computed: NaN, rounded: NaN, range: [NaN, NaN], difference: NaN, tolerance, verdict: 'mismatch' }
  const computed = (change.value / prior.value) * 100
  const rounded = roundHalfAway(computed, d)
  const corners: number[] = []
  for (const c of [change.value - change.step / 2, change.value + change.step / 2])
    for (const p of [prior.value - prior.step / 2, prior.value + prior.step / 2]) corners.push(p === 0 ? NaN : (c / p) * 100)
  const crossesZero = prior.value - prior.step / 2 <= 0 && prior.value + prior.step / 2 >= 0
  const range: [number, number] = crossesZero ? [-Infinity, Infinity] : [Math.min(...corners), Math.max(...corners)]
  const difference = Number((stated - computed).toPrecision(12))
  const verdict: Verdict =
    rounded === stated ? 'ok' : stated >= roundHalfAway(range[0], d) && stated <= roundHalfAway(range[1], d) ? 'rounding' : 'mismatch'
  return { computed, rounded, range, difference, tolerance, verdict }
}
