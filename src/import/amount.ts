/**
 * Exact amounts and the one rounding rule every check of the reader uses.
 *
 * Figures are kept as integers of their smallest printed unit (`Amount.minor`) and compared at a
 * common scale, so 2,211 万元 and 3,503,499 元 meet without floating-point drift.
 */
import type { Amount, Cell, Dash, MoneyUnit } from './types'

const AMOUNT_RE = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/
const DASH_RE = /^(?:-|－|—|–|--|——)$/

/** "2,940.05" → `{ text: '2,940.05', minor: 294005, decimals: 2 }`; anything else → `null`. */
export function parseAmount(text: string): Amount | null {
  const t = text.trim()
  if (!AMOUNT_RE.test(t)) return null
  const negative = /^[-−]/.test(t)
  const body = t.replace(/^[-−]/, '').replace(/,/g, '')
  const [whole = '', fraction = ''] = body.split('.')
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '')
  if (digits.length > 15) return null
  const magnitude = Number(digits)
  return { text: t, minor: negative && magnitude !== 0 ? -magnitude : magnitude, decimals: fraction.length }
}

/** A cell of an amount column: blank → `null`, a dash → `Dash`, an amount → `Amount`; `undefined` when it is none of these. */
export function parseCell(text: string): Cell | undefined {
  const t = text.trim()
  if (t === '') return null
  if (DASH_RE.test(t)) return { text: t, dash: true }
  return parseAmount(t) ?? undefined
}

export function isAmount(cell: Cell | undefined): cell is Amount {
  return cell !== null && cell !== undefined && !('dash' in cell)
}

export function isDash(cell: Cell | undefined): cell is Dash {
  return cell !== null && cell !== undefined && 'dash' in cell
}

/** True for a cell that looks like a figure (digits, no Chinese) — used to refuse a corrupt one as a name. */
export function looksNumeric(text: string): boolean {
  return /^[-−+]?[\d.,]/.test(text.trim()) && !/[\u3400-\u9fff]/.test(text)
}

/** An amount in 万元 at its printed precision: 3,503,499 元 → 350.3499 万元 = `{ minor: 3503499, decimals: 4 }`. */
export interface Figure {
  minor: number
  decimals: number
}

/** The amount as a figure in 万元 (元 amounts gain four decimals). A dash counts as zero. */
export function toFigure(cell: Amount | Dash, unit: MoneyUnit): Figure {
  if ('dash' in cell) return { minor: 0, decimals: 0 }
  return { minor: cell.minor, decimals: cell.decimals + (unit === '元' ? 4 : 0) }
}

function scale(f: Figure, decimals: number): number {
  return f.minor * 10 ** (decimals - f.decimals)
}

/** Writes an exact figure back as a decimal string: `{ minor: -57, decimals: 2 }` → "-0.57". */
export function formatFigure(f: Figure): string {
  const negative = f.minor < 0
  const digits = String(Math.abs(f.minor)).padStart(f.decimals + 1, '0')
  const whole = digits.slice(0, digits.length - f.decimals)
  const fraction = f.decimals > 0 ? `.${digits.slice(digits.length - f.decimals)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

export const VERDICTS = ['ok', 'withinRounding', 'contradiction'] as const
/** ok: equal; withinRounding: the gap the printed precision explains; contradiction: beyond it. */
export type Verdict = (typeof VERDICTS)[number]

export interface Comparison {
  /** left − right, exact, in 万元. */
  difference: Figure
  /** Largest gap rounding can explain, in 万元. */
  tolerance: Figure
  verdict: Verdict
}

/**
 * The one rounding rule. `left` is compared with `right`; `rounded` lists every printed figure
 * whose rounding can move the comparison, each allowed half its printed step.
 * - A sum of printed parts against a printed total: all the parts and the total are `rounded`.
 * - The same quantity printed twice: at the same precision both were rounded from one value, so
 *   they must be equal (`rounded` empty); at different precisions (万元 in the prose, 元 in the
 *   table) the two figures are `rounded`.
 */
export function compareFigures(left: Figure, right: Figure, rounded: readonly Figure[]): Comparison {
  const all = [left, right, ...rounded]
  const d = Math.max(...all.map((f) => f.decimals))
  const diff = scale(left, d) - scale(right, d)
  // Twice the tolerance, to stay in integers: each figure's half step is 10^(d − its decimals) / 2.
  const tolerance2 = rounded.reduce((acc, f) => acc + 10 ** (d - f.decimals), 0)
  const verdict: Verdict = diff === 0 ? 'ok' : Math.abs(2 * diff) <= tolerance2 ? 'withinRounding' : 'contradiction'
  const tolerance = tolerance2 % 2 === 0 ? { minor: tolerance2 / 2, decimals: d } : { minor: tolerance2 * 5, decimals: d + 1 }
  return { difference: { minor: diff, decimals: d }, tolerance, verdict }
}

/** Sum of figures at their common precision. */
export function sumFigures(figures: readonly Figure[]): Figure {
  const d = Math.max(0, ...figures.map((f) => f.decimals))
  return { minor: figures.reduce((acc, f) => acc + scale(f, d), 0), decimals: d }
}

/** Compares printed parts with a printed total: every figure may be off by half its step. */
export function compareSum(parts: readonly Figure[], total: Figure): Comparison {
  return compareFigures(sumFigures(parts), total, [...parts, total])
}

/** Compares one quantity printed twice: equal precision must agree exactly; different precisions within both half steps. */
export function compareSame(a: Figure, b: Figure): Comparison {
  return compareFigures(a, b, a.decimals === b.decimals ? [] : [a, b])
}
