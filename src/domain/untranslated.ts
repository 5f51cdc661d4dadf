/**
 * Which texts of a budget have no English: cheap questions the first page asks (the dictionary that
 * supplies English names, `englishNames.ts`, is loaded only when the answer is yes).
 */
import { flattenTree } from './tree'
import type { Budget } from './types'

/** true when some classification row of the budget has no English name. */
export function needsClassificationNames(b: Budget): boolean {
  const trees = b.economicTree ? [b.functionalTree, b.economicTree] : [b.functionalTree]
  return trees.some((t) => flattenTree(t).some((n) => n.name.en === undefined))
}

/** How many texts of a budget have no English (names, reasons, the department): the English site says so. */
export function countUntranslated(b: Budget): number {
  let n = 0
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>
      if (typeof o.zh === 'string' && o.en === undefined && Object.keys(o).length === 1) n++
      else for (const [k, v] of Object.entries(o)) if (k !== 'functionalTree' && k !== 'economicTree') visit(v)
    }
  }
  visit(b)
  return n
}
