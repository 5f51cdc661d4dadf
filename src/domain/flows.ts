/**
 * Money flows for the Sankey view: funding source → total → basic / project → the 类 of one
 * classification. The document publishes no functional × economic cross-table, so the two
 * classifications meet only through the basic / project split; this module never invents one.
 *
 * Every node keeps its published value. Where the parts on one side of a node do not add up to
 * it (table 8's project column: 851 against 850), a labelled rounding-gap node carries the
 * difference, so the diagram balances (in = out) without changing any published figure.
 */
import { sumAmounts } from './numeric'
import { amountOf } from './tree'
import { CLASSIFICATIONS } from './types'
import type { Budget, Classification, Text } from './types'

export const FLOW_NODE_KINDS = ['source', 'total', 'split', 'class', 'carryForward', 'gap'] as const
export type FlowNodeKind = (typeof FLOW_NODE_KINDS)[number]

/** The two parts of the split. */
export const FLOW_PARTS = ['basic', 'project'] as const
export type FlowPart = (typeof FLOW_PARTS)[number]

/** A gap between a node's published value and the sum of the flows on one of its sides. */
export interface FlowGap {
  /** The node whose parts do not add up. */
  nodeId: string
  /** The side whose parts were compared with the published value. */
  compared: 'in' | 'out'
  published: number
  /** Sum of the published flows on that side (derived). */
  partsSum: number
  /** partsSum − published: "+1" when the parts add up to 1 more. */
  difference: number
  /** Id of the gap node that carries the difference. */
  gapNodeId: string
}

/** A node of the flow diagram. */
export interface FlowNode {
  /** Stable id: `source:generalPublicBudget`, `total`, `basic`, `class:201`, `gap:out:project`. */
  id: string
  kind: FlowNodeKind
  /** Published name (income lines and classes); total, split and gap nodes are named by messages. */
  name?: Text
  /** 类 code of a class node. */
  code?: string
  /** Income line of a source node (`carriedOver` for 上年结余、结转). */
  line?: string
  /** basic / project for a split node. */
  part?: FlowPart
  /** Published value (for a gap node: the size of the gap, derived). */
  value: number
  /**
   * For the total: money that flows through it without being part of its published spending, the
   * year-end balance carried forward (结转下年 / 年末结转和结余) that leaves it to its own node.
   */
  passesOn?: number
  /** Column (or row, when vertical) of the diagram: 0 sources … 3 classes. */
  depth: number
  /** true for a gap node (computed by this site). */
  derived: boolean
  /** For a gap node: the gap it carries. */
  gap?: FlowGap
}

/** A flow between two nodes; `derived` for the flows of gap nodes. */
export interface FlowLink {
  source: string
  target: string
  value: number
  derived: boolean
}

/** The flow diagram of one classification. */
export interface FlowGraph {
  classification: Classification
  nodes: FlowNode[]
  links: FlowLink[]
  gaps: FlowGap[]
}

/** Income lines that carry money themselves (not only through a sub-line), plus any carried-over balance. */
function sourceNodes(b: Budget): FlowNode[] {
  const inc = b.incomeStatement
  if (!inc) return []
  const lines = inc.lines
  const positive = (x: number | undefined): x is number => x !== undefined && x > 0
  const nodes: FlowNode[] = lines.flatMap((l): FlowNode[] =>
    positive(l.amount) && !lines.some((c) => c.parent === l.id && positive(c.amount))
      ? [{ id: `source:${l.id}`, kind: 'source', name: l.name, line: l.id, value: l.amount, depth: 0, derived: false }]
      : [],
  )
  const carried = inc.carriedOver
  if (positive(carried)) nodes.push({ id: 'source:carriedOver', kind: 'source', line: 'carriedOver', value: carried, depth: 0, derived: false })
  return nodes
}

/** Adds the gap nodes and flows that balance every node whose sides do not add up to its published value. */
function balance(nodes: FlowNode[], links: FlowLink[]): { nodes: FlowNode[]; links: FlowLink[]; gaps: FlowGap[] } {
  const gaps: FlowGap[] = []
  const gapNodes: FlowNode[] = []
  const gapLinks: FlowLink[] = []
  for (const node of nodes) {
    const ins = links.filter((l) => l.target === node.id)
    const outs = links.filter((l) => l.source === node.id)
    for (const [compared, side] of [['in', ins], ['out', outs]] as const) {
      if (!side.length) continue
      const partsSum = sumAmounts(side.map((l) => l.value))
      const difference = sumAmounts([partsSum, -node.value, -(node.passesOn ?? 0)])
      if (difference === 0) continue
      // Too much going out, or too little coming in: the gap flows in; otherwise it flows out.
      const flowsIn = (compared === 'out') === difference > 0
      const gapNodeId = `gap:${compared}:${node.id}`
      const gap: FlowGap = { nodeId: node.id, compared, published: node.value, partsSum, difference, gapNodeId }
      const size = Math.abs(difference)
      gaps.push(gap)
      gapNodes.push({ id: gapNodeId, kind: 'gap', value: size, depth: node.depth + (flowsIn ? -1 : 1), derived: true, gap })
      gapLinks.push(flowsIn ? { source: gapNodeId, target: node.id, value: size, derived: true } : { source: node.id, target: gapNodeId, value: size, derived: true })
    }
  }
  return { nodes: [...nodes, ...gapNodes], links: [...links, ...gapLinks], gaps }
}

/**
 * The flow diagram for one classification: sources → total (the table's 预算单位 row) →
 * basic / project → each 类 by its published basic and project columns. Zero flows are left out.
 */
export function computeFlows(b: Budget, classification: Classification): FlowGraph {
  const tree = (classification === 'economic' && b.economicTree) || b.functionalTree
  const sources = sourceNodes(b)
  // The year-end balance carried forward leaves the total beside its spending (never a rounding gap).
  const carried = b.incomeStatement?.carryForward
  const carryForward = carried !== undefined && carried > 0 ? carried : undefined
  const nodes: FlowNode[] = [...sources, { id: 'total', kind: 'total', value: tree.total, ...(carryForward ? { passesOn: carryForward } : {}), depth: 1, derived: false }]
  const links: FlowLink[] = sources.map((s) => ({ source: s.id, target: 'total', value: s.value, derived: false }))
  if (carryForward) {
    nodes.push({ id: 'carryForward', kind: 'carryForward', value: carryForward, depth: 2, derived: false })
    links.push({ source: 'total', target: 'carryForward', value: carryForward, derived: false })
  }
  // A table that prints no basic/project split flows from the total straight to its classes.
  const parts = FLOW_PARTS.filter((p) => tree.measures.includes(p))
  for (const part of parts) {
    const value = amountOf(tree, part)
    if (value <= 0) continue
    nodes.push({ id: part, kind: 'split', part, value, depth: 2, derived: false })
    links.push({ source: 'total', target: part, value, derived: false })
  }
  for (const root of tree.roots) {
    if (root.total <= 0) continue
    nodes.push({ id: `class:${root.code}`, kind: 'class', name: root.name, code: root.code, value: root.total, depth: parts.length ? 3 : 2, derived: false })
    if (!parts.length) links.push({ source: 'total', target: `class:${root.code}`, value: root.total, derived: false })
    for (const part of parts) {
      const value = amountOf(root, part)
      if (value > 0) links.push({ source: part, target: `class:${root.code}`, value, derived: false })
    }
  }
  // Without an economic table the graph is the functional one, and says so (its labels and links follow).
  return { classification: tree.classification, ...balance(nodes, links) }
}

/** Sum of the flows into and out of each node: the diagram balances when in = out for every inner node. */
export function computeFlowSums(graph: FlowGraph): Map<string, { in: number; out: number }> {
  const sums = new Map(graph.nodes.map((n) => [n.id, { in: 0, out: 0 }]))
  for (const l of graph.links) {
    const s = sums.get(l.source)
    const t = sums.get(l.target)
    if (s) s.out = sumAmounts([s.out, l.value])
    if (t) t.in = sumAmounts([t.in, l.value])
  }
  return sums
}

/** The classification the flows view shows, from `?tree=`; anything else is the functional one. */
export function parseFlowsQuery(query: Record<string, unknown>): Classification {
  const raw = Array.isArray(query.tree) ? query.tree[0] : query.tree
  return (CLASSIFICATIONS as readonly unknown[]).includes(raw) ? (raw as Classification) : 'functional'
}
