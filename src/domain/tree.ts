import type { ClassLevel, ClassNode, ClassTree, Classification, Measure } from './types'

/** The columns of a classification row that the tree needs. */
export interface ClassRowInput {
  code: string
  name: ClassNode['name']
  total: number
  basic?: number
  project?: number
}

const LEVEL_BY_LENGTH: Record<number, ClassLevel> = { 3: 'class', 5: 'section', 7: 'item' }

/**
 * Builds the 类/款/项 tree of a classification table from its flat, published rows.
 * A row's parent is the row whose code is its prefix two digits shorter (2011308 → 20113 → 201).
 * Returns the problems instead of a tree when a row has no parent row or a code repeats.
 */
export function computeTree(
  classification: Classification,
  unit: { total: number; basic?: number; project?: number },
  rows: readonly ClassRowInput[],
): { tree: ClassTree; problems: [] } | { tree: null; problems: string[] } {
  const byCode = new Map<string, ClassNode>()
  const roots: ClassNode[] = []
  const problems: string[] = []
  for (const row of rows) {
    const level = LEVEL_BY_LENGTH[row.code.length]
    if (!level) {
      problems.push(`${classification} row ${row.code}: a code must have 3, 5 or 7 digits`)
      continue
    }
    if (byCode.has(row.code)) {
      problems.push(`${classification} row ${row.code} appears twice`)
      continue
    }
    const parentCode = level === 'class' ? undefined : row.code.slice(0, row.code.length - 2)
    // Built field by field (not spread from the row): one object shape for every node, and only the tree's fields.
    const node: ClassNode = { code: row.code, name: row.name, level, total: row.total, children: [] }
    if (row.basic !== undefined) node.basic = row.basic
    if (row.project !== undefined) node.project = row.project
    if (parentCode) {
      node.parentCode = parentCode
      const parent = byCode.get(parentCode)
      if (!parent) {
        problems.push(`${classification} row ${row.code} comes before or without its parent row ${parentCode}`)
        continue
      }
      parent.children.push(node)
    } else roots.push(node)
    byCode.set(row.code, node)
  }
  if (problems.length) return { tree: null, problems }
  const measures: Measure[] = ['total']
  if (unit.basic !== undefined) measures.push('basic')
  if (unit.project !== undefined) measures.push('project')
  return { tree: { classification, ...unit, measures, roots, byCode }, problems: [] }
}

/** The path from a root to the node with `code` (inclusive), or [] when the code is unknown. */
export function computePath(tree: ClassTree, code: string): ClassNode[] {
  const path: ClassNode[] = []
  let node = tree.byCode.get(code)
  while (node) {
    path.unshift(node)
    node = node.parentCode ? tree.byCode.get(node.parentCode) : undefined
  }
  return path
}

/** Every node of the tree, depth first in published order. */
export function flattenTree(tree: ClassTree): ClassNode[] {
  const out: ClassNode[] = []
  const walk = (nodes: readonly ClassNode[]): void => {
    for (const n of nodes) {
      out.push(n)
      walk(n.children)
    }
  }
  walk(tree.roots)
  return out
}

/**
 * A row's amount for a measure, for sums and drawings: a blank cell (the table prints no figure) adds
 * nothing. Tables still show it blank, never as 0.
 */
export function amountOf(row: { total: number; basic?: number; project?: number }, measure: Measure): number {
  return row[measure] ?? 0
}
