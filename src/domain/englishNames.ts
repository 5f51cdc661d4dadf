/**
 * English for a dataset that lacks it: the functional and economic rows of an imported document carry
 * Chinese names only, and take the shared dictionary's English (`classificationNames.ts`) where the
 * code AND its Chinese name are known. Any text still without English is shown in Chinese, marked.
 */
import { englishNameOf, type ClassificationNames } from './classificationNames'
import { flattenTree } from './tree'
import type { Budget, ClassTree, Text } from './types'

/** The budget with every classification row that lacks English given the dictionary's, where it has one. */
export function withClassificationNames(b: Budget, dict: ClassificationNames): Budget {
  const name = (classification: ClassTree['classification'], code: string, text: Text): Text => {
    if (text.en !== undefined) return text
    const en = englishNameOf(dict, classification, code, text.zh)
    return en ? { zh: text.zh, en } : text
  }
  const fill = (tree: ClassTree): void => {
    for (const n of flattenTree(tree)) n.name = name(tree.classification, n.code, n.name)
  }
  const out: Budget = {
    ...b,
    functional: { ...b.functional, rows: b.functional.rows.map((r) => ({ ...r, name: name('functional', r.code, r.name) })) },
    ...(b.economic && { economic: { ...b.economic, rows: b.economic.rows.map((r) => ({ ...r, name: name('economic', r.code, r.name) })) } }),
  }
  // The trees are this budget's own (built by parseDataset for it): filling their names in place is safe.
  fill(out.functionalTree)
  if (out.economicTree) fill(out.economicTree)
  return out
}
