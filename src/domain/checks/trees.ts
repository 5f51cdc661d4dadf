/** A classification table against itself: children add up to their parent, basic + project to the total. */
import { sumAmounts } from '../numeric'
import { flattenTree } from '../tree'
import type { ClassTree, Measure, Text } from '../types'
import { compareFigures } from './compare'
import type { Check, CheckGroup, SourceRef } from './types'

type Amounts = { total: number; basic?: number; project?: number }

export function treeChecks(tree: ClassTree, ref: SourceRef, group: CheckGroup, step: number): Check[] {
  const out: Check[] = []
  const nodes = flattenTree(tree)
  const steps = (n: number): number[] => new Array<number>(n).fill(step)
  const parents: { code?: string; name?: Text; children: readonly Amounts[]; own: Amounts }[] = [
    { children: tree.roots, own: tree },
    ...nodes.filter((n) => n.children.length > 0).map((n) => ({ code: n.code, name: n.name, children: n.children, own: n })),
  ]
  for (const p of parents) {
    for (const m of tree.measures) {
      const own = p.own[m]
      if (own === undefined) continue
      out.push(
        compareFigures(
          `${tree.classification}.sum.${p.code ?? 'unit'}.${m}`,
          group,
          { ref, label: { key: p.code ? 'row' : 'unitRow', code: p.code, name: p.name, measure: m }, value: own },
          {
            ref,
            label: { key: p.code ? 'childrenSum' : 'classSum', code: p.code, name: p.name, measure: m, count: p.children.length },
            value: sumAmounts(p.children.map((c) => c[m] ?? 0)),
          },
          steps(p.children.length + 1),
        ),
      )
    }
  }
  if (!tree.measures.includes('basic') || !tree.measures.includes('project')) return out
  for (const n of [{ code: undefined, name: undefined, total: tree.total, basic: tree.basic, project: tree.project }, ...nodes]) {
    const measure: Measure = 'total'
    out.push(
      compareFigures(
        `${tree.classification}.split.${n.code ?? 'unit'}`,
        group,
        { ref, label: { key: n.code ? 'row' : 'unitRow', code: n.code, name: n.name, measure }, value: n.total },
        { ref, label: { key: 'basicPlusProject', code: n.code, name: n.name }, value: sumAmounts([n.basic ?? 0, n.project ?? 0]) },
        steps(3),
      ),
    )
  }
  return out
}
