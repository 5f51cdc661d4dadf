/**
 * Filtering and ordering of the reconciliation checks for the checks view: by verdict from the
 * URL (`?verdict=rounding`), grouped as `CHECK_GROUPS`, gaps first within each group.
 */
import { CHECK_GROUPS, VERDICTS, type Check, type CheckGroup, type Verdict } from '@/domain/checks'

/** The filter choices: every check, or one verdict. */
export const VERDICT_FILTERS = ['all', ...VERDICTS] as const
export type VerdictFilter = (typeof VERDICT_FILTERS)[number]

/** Mismatches first, then rounding gaps, then agreements: what a reviewer must see comes first. */
const VERDICT_RANK: Record<Verdict, number> = { mismatch: 0, rounding: 1, ok: 2 }

/** The filter named by a query value; anything unknown means all: "rounding" → 'rounding'. */
export function parseVerdictFilter(value: unknown): VerdictFilter {
  return typeof value === 'string' && (VERDICT_FILTERS as readonly string[]).includes(value) ? (value as VerdictFilter) : 'all'
}

/** Checks passing the filter, by group in `CHECK_GROUPS` order (empty groups left out), gaps first. */
export function computeCheckGroups(checks: readonly Check[], filter: VerdictFilter): { group: CheckGroup; checks: Check[] }[] {
  const kept = checks.filter((c) => filter === 'all' || c.verdict === filter)
  return CHECK_GROUPS.map((group) => ({
    group,
    checks: kept.filter((c) => c.group === group).sort((a, z) => VERDICT_RANK[a.verdict] - VERDICT_RANK[z.verdict]),
  })).filter((g) => g.checks.length > 0)
}
