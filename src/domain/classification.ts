/**
 * Drill-down through a classification tree (功能分类 类/款/项 or 经济分类 类/款) for one measure
 * (total, basic, project): where the reader is, the rows one level down with their shares, the
 * data a sunburst draws, and the rounding gaps where published children do not add up to their
 * published parent. Every figure is a published one; sums and shares are derived and say so.
 */
import { sumAmounts } from './numeric'
import { computeShare } from './format'
import { amountOf, computePath } from './tree'
import type { Budget, ClassLevel, ClassNode, ClassTree, Classification, Measure, Text } from './types'

/** What the classification view shows, as the URL states it (`?tree=economic&measure=basic&node=301`). */
export interface ClassificationState {
  tree: Classification
  measure: Measure
  /** Code of the selected row; absent for the whole table (the 预算单位 row). */
  node?: string
}

/** The tree of a classification. */
export function selectTree(b: Budget, classification: Classification): ClassTree {
  return classification === 'economic' && b.economicTree ? b.economicTree : b.functionalTree
}

/** The classifications a dataset publishes: functional always, economic when it has that table. */
export function availableTrees(b: Budget): Classification[] {
  return b.economicTree ? ['functional', 'economic'] : ['functional']
}

const firstString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined

/**
 * Reads the view state from a route query. Unknown values fall back to the defaults (functional,
 * total, whole table) without error; a known code without `tree` picks the tree that holds it.
 */
export function parseClassificationQuery(query: Record<string, unknown>, b: Budget): ClassificationState {
  const rawTree = firstString(query.tree)
  const rawMeasure = firstString(query.measure)
  const rawNode = firstString(query.node)
  const trees = availableTrees(b)
  let tree: Classification = (trees as readonly string[]).includes(rawTree ?? '') ? (rawTree as Classification) : 'functional'
  if (!rawTree && rawNode && !b.functionalTree.byCode.has(rawNode) && b.economicTree?.byCode.has(rawNode)) tree = 'economic'
  const measures: readonly Measure[] = selectTree(b, tree).measures
  const measure: Measure = (measures as readonly string[]).includes(rawMeasure ?? '') ? (rawMeasure as Measure) : 'total'
  const node = rawNode && selectTree(b, tree).byCode.has(rawNode) ? rawNode : undefined
  return { tree, measure, ...(node ? { node } : {}) }
}

/** The query for a state, leaving out defaults: { tree: 'economic', node: '301' }. */
export function formatClassificationQuery(state: ClassificationState): Record<string, string> {
  return {
    ...(state.tree !== 'functional' ? { tree: state.tree } : {}),
    ...(state.measure !== 'total' ? { measure: state.measure } : {}),
    ...(state.node ? { node: state.node } : {}),
  }
}

/** Where the reader is: the selected row, the row whose children are on screen, and the path to it. */
export interface ClassFocus {
  /** The row the URL names; absent for the whole table. */
  selected?: ClassNode
  /** The row whose children are shown: the selected row, or its parent when it has no children. */
  focus?: ClassNode
  /** From a 类 down to the selected row. */
  path: ClassNode[]
}

/** Focus for a code: a row with children is opened; a leaf (项) stays selected inside its parent. */
export function computeFocus(tree: ClassTree, code: string | undefined): ClassFocus {
  const selected = code ? tree.byCode.get(code) : undefined
  if (!selected) return { path: [] }
  const focus = selected.children.length ? selected : selected.parentCode ? tree.byCode.get(selected.parentCode) : undefined
  return { selected, ...(focus ? { focus } : {}), path: computePath(tree, selected.code) }
}

/** The code one level up, as the breadcrumb reads (undefined = whole table); null when already there. */
export function computeUpCode(tree: ClassTree, code: string | undefined): string | undefined | null {
  const node = code ? tree.byCode.get(code) : undefined
  return node ? node.parentCode : null
}

/** One row of the drill-down table: a published row with its shares for one measure. */
export interface ClassRow {
  code: string
  name: Text
  level: ClassLevel
  /** Published amount for the measure (a published 0 stays 0). */
  value: number
  /** Percent of the published parent amount for the measure (derived; NaN when the parent is 0). */
  shareOfParent: number
  /** Percent of the table's published total for the measure (derived). */
  shareOfTotal: number
  hasChildren: boolean
}

/** A parent whose published children do not add up to it for a measure (尾数误差). */
export interface ClassGap {
  /** The parent's code; absent for the table's 预算单位 row. */
  code?: string
  name?: Text
  measure: Measure
  published: number
  /** Sum of the children's published amounts (derived). */
  childrenSum: number
  /** childrenSum − published: +1 when the children add up to 1 more. */
  difference: number
}

/** The rows one level under the focus, for one measure. */
export interface ClassBranch {
  classification: Classification
  measure: Measure
  /** The focus row (absent for the whole table) and its published amount. */
  focus?: ClassNode
  value: number
  /** The table's published total for the measure. */
  total: number
  /** The focus's share of the total (derived). */
  shareOfTotal: number
  rows: ClassRow[]
  /** Sum of the rows (derived) and its gap to the published focus amount (0 when they agree). */
  childrenSum: number
  gap: number
}

/** A row with its shares: "20113 商贸事务 1,406 · 82.8% of 201 · 63.6% of all". */
export function computeRow(node: ClassNode, parentValue: number, total: number, measure: Measure): ClassRow {
  return {
    code: node.code,
    name: node.name,
    level: node.level,
    value: amountOf(node, measure),
    shareOfParent: computeShare(amountOf(node, measure), parentValue),
    shareOfTotal: computeShare(amountOf(node, measure), total),
    hasChildren: node.children.length > 0,
  }
}

/** The drill-down table under `focus` (or under the whole table), for one measure. */
export function computeBranch(tree: ClassTree, focus: ClassNode | undefined, measure: Measure): ClassBranch {
  const children = focus ? focus.children : tree.roots
  const value = focus ? amountOf(focus, measure) : amountOf(tree, measure)
  const total = amountOf(tree, measure)
  const childrenSum = sumAmounts(children.map((c) => amountOf(c, measure)))
  return {
    classification: tree.classification,
    measure,
    ...(focus ? { focus } : {}),
    value,
    total,
    shareOfTotal: computeShare(value, total),
    rows: children.map((c) => computeRow(c, value, total, measure)),
    childrenSum,
    gap: sumAmounts([childrenSum, -value]),
  }
}

/** The gap of one parent, or undefined when its children add up exactly. */
function gapOf(tree: ClassTree, node: ClassNode | undefined, measure: Measure): ClassGap | undefined {
  const children = node ? node.children : tree.roots
  if (!children.length) return undefined
  const published = node ? amountOf(node, measure) : amountOf(tree, measure)
  const childrenSum = sumAmounts(children.map((c) => amountOf(c, measure)))
  const difference = sumAmounts([childrenSum, -published])
  if (difference === 0) return undefined
  return { ...(node ? { code: node.code, name: node.name } : {}), measure, published, childrenSum, difference }
}

/** Rounding gaps among the focus and the rows drawn under it (`depth` rings), top down. */
export function computeGaps(tree: ClassTree, focus: ClassNode | undefined, measure: Measure, depth: number): ClassGap[] {
  const gaps: ClassGap[] = []
  const visit = (node: ClassNode | undefined, level: number): void => {
    const gap = gapOf(tree, node, measure)
    if (gap) gaps.push(gap)
    if (level + 1 >= depth) return
    for (const child of node ? node.children : tree.roots) if (child.children.length) visit(child, level + 1)
  }
  visit(focus, 0)
  return gaps
}

/** One sector of the sunburst. */
export interface SunburstNode {
  code: string
  name: Text
  level: ClassLevel
  /** The 类 the row belongs to (its colour). */
  classCode: string
  /** Published amount for the measure (always > 0: a 0 is not drawn, only listed). */
  value: number
  shareOfParent: number
  shareOfTotal: number
  /** Has rows one level down (clicking it drills in). */
  hasChildren: boolean
  /** The row the URL names. */
  selected: boolean
  children: SunburstNode[]
}

/** What the sunburst draws: the focus in the centre and up to `depth` rings around it. */
export interface SunburstData {
  classification: Classification
  measure: Measure
  centre: { code?: string; name?: Text; value: number; shareOfTotal: number; canGoUp: boolean }
  /** Sum of the first ring (the circle's full angle), derived. */
  ringSum: number
  /** Rings actually drawn (at most the number asked for; fewer where the tree ends). */
  rings: number
  nodes: SunburstNode[]
}

/** Sunburst data for a focus, up to `rings` levels deep: zero rows are left out (the table still lists them). */
export function computeSunburstData(tree: ClassTree, state: ClassFocus, measure: Measure, rings: number): SunburstData {
  const { focus, selected } = state
  const total = amountOf(tree, measure)
  const build = (nodes: readonly ClassNode[], parentValue: number, ring: number): SunburstNode[] =>
    nodes
      .filter((n) => amountOf(n, measure) > 0)
      .map((n) => ({
        code: n.code,
        name: n.name,
        level: n.level,
        classCode: n.code.slice(0, 3),
        value: amountOf(n, measure),
        shareOfParent: computeShare(amountOf(n, measure), parentValue),
        shareOfTotal: computeShare(amountOf(n, measure), total),
        hasChildren: n.children.length > 0,
        selected: n.code === selected?.code,
        children: ring + 1 < rings ? build(n.children, amountOf(n, measure), ring + 1) : [],
      }))
  const value = focus ? amountOf(focus, measure) : total
  const nodes = build(focus ? focus.children : tree.roots, value, 0)
  const depthOf = (ns: readonly SunburstNode[]): number => (ns.length ? 1 + Math.max(...ns.map((n) => depthOf(n.children))) : 0)
  return {
    classification: tree.classification,
    measure,
    centre: {
      ...(focus ? { code: focus.code, name: focus.name } : {}),
      value,
      shareOfTotal: computeShare(value, total),
      canGoUp: focus !== undefined,
    },
    ringSum: sumAmounts(nodes.map((n) => n.value)),
    rings: depthOf(nodes),
    nodes,
  }
}

/** A row's figures for every measure, with shares of its parent and of the table: the detail card. */
export function computeNodeFigures(tree: ClassTree, node: ClassNode): Partial<Record<Measure, ClassRow>> {
  const parent = node.parentCode ? tree.byCode.get(node.parentCode) : undefined
  const entries = tree.measures.map((m) => [m, computeRow(node, parent ? amountOf(parent, m) : amountOf(tree, m), amountOf(tree, m), m)] as const)
  return Object.fromEntries(entries) as Partial<Record<Measure, ClassRow>>
}

/** Table 3's 2023 政府采购项目 columns for a functional row (undefined for an economic code). */
export function selectProcurement(b: Budget, code: string): Budget['functional']['unit']['procurement'] | undefined {
  return b.functional.rows.find((r) => r.code === code)?.procurement
}
