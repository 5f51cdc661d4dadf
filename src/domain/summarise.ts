/**
 * The one function that computes a dataset's catalogue `summary` (`summary.ts`), used by
 * `npm run import`, `npm run summarise-data` and `npm run validate-data` (which recomputes it and
 * refuses a catalogue whose summary disagrees with its dataset).
 */
import { computeChecks, computeVerdictCounts } from './checks'
import type { Summary } from './summary'
import type { Budget } from './types'

/** 编制 (administrative + institutional posts) when either is stated, else 实有人数, else nothing. */
function staffOf(b: Budget): Summary['staff'] {
  const s = b.profile?.staffing
  if (!s) return undefined
  const sum = (xs: (number | undefined)[]) => {
    const stated = xs.filter((x): x is number => x !== undefined)
    return stated.length ? stated.reduce((a, x) => a + x, 0) : undefined
  }
  const authorized = sum([s.administrativeAuthorized, s.institutionalAuthorized])
  if (authorized !== undefined) return { kind: 'authorized', count: authorized }
  const actual = sum([s.administrativeActual, s.institutionalActual])
  return actual !== undefined ? { kind: 'actual', count: actual } : undefined
}

/** The summary of a parsed dataset: `{ total: 2211, basic: 1361, project: 850, change: { expenditure: 2211, amount: -163 }, … }`. */
export function computeSummary(b: Budget): Summary {
  const rows = (b.threePublic?.years ?? []).filter((y) => y.year === b.year && y.total !== undefined)
  // The row of the document's own kind (决算数 in final accounts, 预算数 in a budget), else its year's only row.
  const threePublic = (rows.find((y) => (y.basis ?? 'budget') === b.phase) ?? (rows.length === 1 ? rows[0] : undefined))?.total
  const tree = b.functionalTree
  const counts = computeVerdictCounts(computeChecks(b))
  const stated = b.overview?.expenditure
  const staff = staffOf(b)
  return {
    total: tree.total,
    ...(tree.basic !== undefined ? { basic: tree.basic } : {}),
    ...(tree.project !== undefined ? { project: tree.project } : {}),
    ...(stated?.change ? { change: { expenditure: stated.amount, amount: stated.change.amount } } : {}),
    ...(threePublic !== undefined ? { threePublic } : {}),
    ...(staff ? { staff } : {}),
    ...(b.operatingCosts ? { operatingCosts: b.operatingCosts.amount } : {}),
    classes: tree.roots.map((r) => ({ code: r.code, name: r.name, total: r.total })),
    checks: { mismatch: counts.mismatch, rounding: counts.rounding },
  }
}

/** Where a stored summary differs from the one its dataset gives: ["total: 2210 in the catalogue, 2211 in the dataset"]; [] when they agree. */
export function diffSummary(stored: unknown, computed: Summary): string[] {
  const flat = (x: unknown, prefix: string, out: Map<string, string>): Map<string, string> => {
    if (x !== null && typeof x === 'object') for (const [k, val] of Object.entries(x)) flat(val, prefix ? `${prefix}.${k}` : k, out)
    else out.set(prefix, JSON.stringify(x))
    return out
  }
  const a = flat(stored, '', new Map())
  const b = flat(computed, '', new Map())
  const keys = [...new Set([...b.keys(), ...a.keys()])]
  return keys
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => `${k}: ${a.get(k) ?? 'absent'} in the catalogue, ${b.get(k) ?? 'absent'} in the dataset`)
}
