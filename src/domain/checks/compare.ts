/** The two ways a check compares: two amounts, or a stated percentage with the amounts it describes. */
import { judgeAmounts, judgePercent, type Figure } from '../numeric'
import type { Check, CheckGroup, CheckLabel, CheckSide, SourceRef } from './types'

/**
 * Compares two figures. `steps` lists the rounding step of every published figure involved
 * (1 for whole 万元, 0.01 for two decimals); each can be off by half its step.
 */
export function compareFigures(id: string, group: CheckGroup, left: CheckSide, right: CheckSide, steps: readonly number[]): Check {
  return { id, group, left, right, ...judgeAmounts(left.value, right.value, steps) }
}

/** Checks a stated percentage against the one computed from the stated amounts and their rounding. */
export function comparePercent(id: string, label: CheckLabel, ref: SourceRef, change: Figure, prior: Figure, stated: number): Check {
  const j = judgePercent(stated, change, prior)
  return {
    id,
    group: 'percent',
    left: { ref, label: { ...label, key: 'statedPercent' }, value: stated },
    right: { ref, label: { ...label, key: 'computedPercent' }, value: Number.isFinite(j.computed) ? Math.round(j.computed * 10000) / 10000 : NaN },
    difference: Number.isFinite(j.difference) ? Math.round(j.difference * 10000) / 10000 : NaN,
    tolerance: j.tolerance,
    verdict: j.verdict,
  }
}

