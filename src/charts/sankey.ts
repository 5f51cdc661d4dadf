/**
 * Sankey of the money flows: sources → total → basic / project → the 类 of one classification.
 * Left to right on a wide screen, top to bottom in a narrow one. Nodes keep their published
 * values; rounding-gap nodes (from `computeFlows`) are drawn dashed and labelled. Pure.
 */
import type { SankeySeriesOption } from 'echarts/charts'
import type { FlowGap, FlowGraph, FlowNode } from '@/domain/flows'
import type { ChartOption } from './echarts'
import { CHART_FONT, TOOLTIP_BASE, formatTooltip } from './tooltip'
import { NEUTRAL_COLOURS, classColour, textColourOn } from './palette'

/** Below this container width the diagram runs top to bottom. */
export const VERTICAL_BELOW = 600

/** What the builder needs from the page. */
export interface SankeyCtx {
  width: number
  height: number
  /** The name a node is shown with: "201 一般公共服务支出", "基本支出", "尾数差 +1 万元". */
  nodeName: (node: FlowNode) => string
  /** "1,698 万元": figures in tooltips and wide labels. */
  amount: (value: number) => string
  /** "1,698": figures in the narrow labels of a phone (the page states the unit). */
  short: (value: number) => string
  labels: {
    /** One sentence explaining a gap, for its tooltip. */
    gapNote: (gap: FlowGap) => string
    /** Tooltip word for derived flows: "computed by this site". */
    derived: string
  }
  description: string
  animation: boolean
}

/** Fill of a node: 类 colour for classes, the overview's basic / project colours, grey otherwise. */
export function flowNodeColour(node: FlowNode): string {
  if (node.kind === 'class' && node.code) return classColour(node.code)
  if (node.kind === 'split') return node.part === 'project' ? NEUTRAL_COLOURS.project : NEUTRAL_COLOURS.basic
  if (node.kind === 'gap') return NEUTRAL_COLOURS.gap
  return NEUTRAL_COLOURS.total
}

type SankeyNodeItem = NonNullable<SankeySeriesOption['data']>[number]
type SankeyLinkItem = NonNullable<SankeySeriesOption['links']>[number]

const FONT_SIZE = 12
const LINE = 15
/** Thickness of a node bar, px: two lines of text fit inside a bar when the diagram runs top to bottom. */
const NODE_WIDTH = { vertical: 36, horizontal: 18 } as const
const NODE_GAP = { vertical: 12, horizontal: 24 } as const
const MARGIN = { vertical: { left: 4, right: 4, top: 4, bottom: 44 }, horizontal: { left: 8, right: 0, top: 12, bottom: 12 } } as const

/** Rough width of a line of text in px: CJK glyphs are square, others about 0.6 em. */
export function estimateTextWidth(text: string, fontSize = FONT_SIZE): number {
  let w = 0
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.6
  return w
}

/**
 * Bar length in px of each node, as ECharts scales them: one scale for all columns, set by the
 * fullest column (its values plus the gaps between its nodes must fit the available length).
 */
export function computeBarLengths(graph: FlowGraph, length: number, gap: number): Map<string, number> {
  const byDepth = new Map<number, number[]>()
  for (const n of graph.nodes) byDepth.set(n.depth, [...(byDepth.get(n.depth) ?? []), flowSize(graph, n.id)])
  let scale = Infinity
  for (const sizes of byDepth.values()) {
    const sum = sizes.reduce((a, z) => a + z, 0)
    if (sum > 0) scale = Math.min(scale, (length - (sizes.length - 1) * gap) / sum)
  }
  return new Map(graph.nodes.map((n) => [n.id, Number.isFinite(scale) ? flowSize(graph, n.id) * scale : 0]))
}

/** What ECharts sizes a node by: the larger of its flows in and out, or its own value. */
function flowSize(graph: FlowGraph, id: string): number {
  let into = 0
  let out = 0
  for (const l of graph.links) {
    if (l.target === id) into += l.value
    if (l.source === id) out += l.value
  }
  return Math.max(into, out, graph.nodes.find((n) => n.id === id)?.value ?? 0)
}

/**
 * Moves labels sideways just enough that none overlaps its neighbour or leaves [min, max]:
 * returns each label's offset from its centre. Labels keep their order.
 */
export function spreadLabels(centres: readonly number[], widths: readonly number[], min: number, max: number, gap = 4): number[] {
  const placed = [...centres]
  for (let i = 0; i < placed.length; i++) {
    const w = widths[i] ?? 0
    const floor = i === 0 ? min + w / 2 : (placed[i - 1] ?? 0) + ((widths[i - 1] ?? 0) + w) / 2 + gap
    placed[i] = Math.max(placed[i] ?? 0, floor)
  }
  for (let i = placed.length - 1; i >= 0; i--) {
    const w = widths[i] ?? 0
    const ceiling = i === placed.length - 1 ? max - w / 2 : (placed[i + 1] ?? 0) - ((widths[i + 1] ?? 0) + w) / 2 - gap
    placed[i] = Math.min(placed[i] ?? 0, ceiling)
  }
  return placed.map((c, i) => c - (centres[i] ?? 0))
}

/** Where and how a node's label is drawn. */
interface NodeLabel {
  text: string
  position: 'inside' | 'right' | 'bottom'
  colour: string
  align?: 'left' | 'right'
  /** Shift of a label of the last column along it, so neighbours never overlap. */
  offset?: [number, number]
}

/** Breaks text into lines no wider than `max` px: at spaces for Latin text, anywhere between CJK glyphs. */
export function wrapText(text: string, max: number): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? []
  const lines: string[] = []
  let line = ''
  for (const token of tokens) {
    const next = line + token
    if (line.trim() && estimateTextWidth(next) > max) {
      lines.push(line.trimEnd())
      line = token.trimStart()
    } else line = next
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

/**
 * Labels that stay readable and inside the chart. Left to right: name and amount to the right of
 * each bar (the last column wrapped to the right margin). Top to bottom: inside the bar when it is
 * long enough, else below it; the last row shows code and amount (names are in the key and table).
 * Labels of the last column are spread apart where small neighbouring bars would make them overlap.
 */
function nodeLabels(graph: FlowGraph, ctx: SankeyCtx, vertical: boolean, rightMargin: number): Map<string, NodeLabel> {
  const lastDepth = Math.max(...graph.nodes.filter((n) => n.kind !== 'gap').map((n) => n.depth))
  const out = new Map<string, NodeLabel>()
  const m = MARGIN[vertical ? 'vertical' : 'horizontal']
  const gap = NODE_GAP[vertical ? 'vertical' : 'horizontal']
  const length = vertical ? ctx.width - m.left - m.right : ctx.height - m.top - m.bottom
  const bars = computeBarLengths(graph, length, gap)
  // Left to right, a label between two columns must fit the space between their bars.
  const columnGap = (ctx.width - m.left - rightMargin - NODE_WIDTH.horizontal) / Math.max(1, lastDepth) - NODE_WIDTH.horizontal - 12
  for (const n of graph.nodes) {
    const last = n.depth >= lastDepth
    if (!vertical) {
      const lines = n.kind === 'gap' ? [ctx.nodeName(n)] : [ctx.nodeName(n), ctx.amount(n.value)]
      const wrapped = lines.flatMap((l) => wrapText(l, last ? rightMargin - 16 : columnGap))
      out.set(n.id, { text: wrapped.join('\n'), position: 'right', colour: '#1a1d21' })
    } else if (n.kind === 'gap') {
      out.set(n.id, { text: ctx.nodeName(n), position: 'bottom', colour: '#1a1d21', align: 'right' })
    } else {
      const lines = last && n.code ? [n.code, ctx.short(n.value)] : [ctx.nodeName(n), ctx.short(n.value)]
      const fits = Math.max(...lines.map((l) => estimateTextWidth(l))) + 10 <= (bars.get(n.id) ?? 0)
      const colour = flowNodeColour(n)
      out.set(n.id, { text: lines.join('\n'), position: fits ? 'inside' : 'bottom', colour: fits ? textColourOn(colour) : '#1a1d21' })
    }
  }
  const column = graph.nodes.filter((n) => n.depth === lastDepth)
  const centres: number[] = []
  let start = vertical ? m.left : m.top
  for (const n of column) {
    const bar = bars.get(n.id) ?? 0
    centres.push(start + bar / 2)
    start += bar + gap
  }
  const sizes = column.map((n) => {
    const lines = out.get(n.id)?.text.split('\n') ?? ['']
    return vertical ? Math.max(...lines.map((l) => estimateTextWidth(l))) + 8 : lines.length * LINE + 4
  })
  const offsets = spreadLabels(centres, sizes, 0, vertical ? ctx.width : ctx.height)
  column.forEach((n, i) => {
    const l = out.get(n.id)
    const d = offsets[i] ?? 0
    if (l && l.position !== 'inside' && Math.abs(d) > 0.5) l.offset = vertical ? [d, 0] : [0, d]
  })
  return out
}

/** Builds the ECharts option for the flow diagram. */
export function buildSankeyOption(graph: FlowGraph, ctx: SankeyCtx): ChartOption {
  const vertical = ctx.width < VERTICAL_BELOW
  const orient = vertical ? 'vertical' : 'horizontal'
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const name = (id: string): string => {
    const node = byId.get(id)
    return node ? ctx.nodeName(node) : id
  }
  const rightMargin = vertical ? MARGIN.vertical.right : Math.min(300, Math.round(ctx.width * 0.3))
  const labels = nodeLabels(graph, ctx, vertical, rightMargin)

  const data = graph.nodes.map((node): SankeyNodeItem => {
    const colour = flowNodeColour(node)
    const l = labels.get(node.id)
    return {
      name: node.id,
      value: node.value,
      depth: node.depth,
      itemStyle: node.kind === 'gap' ? { color: colour, borderColor: '#1a1d21', borderWidth: 1, borderType: 'dashed' } : { color: colour },
      label: {
        position: l?.position ?? 'right',
        color: l?.colour ?? '#1a1d21',
        ...(l?.position === 'inside' ? { backgroundColor: 'transparent' } : {}),
        ...(l?.align ? { align: l.align } : {}),
        ...(l?.offset ? { offset: l.offset } : {}),
      },
    } as SankeyNodeItem
  })
  // A flow takes the colour of the class it feeds, else of the node it leaves.
  const linkColour = (source: string, target: string): string => {
    const to = byId.get(target)
    const from = byId.get(source)
    return to?.kind === 'class' ? flowNodeColour(to) : from ? flowNodeColour(from) : NEUTRAL_COLOURS.total
  }
  const links = graph.links.map(
    (l): SankeyLinkItem => ({
      source: l.source,
      target: l.target,
      value: l.value,
      lineStyle: { color: linkColour(l.source, l.target), opacity: l.derived ? 0.6 : 0.35 },
    }),
  )

  return {
    animation: ctx.animation,
    animationDurationUpdate: ctx.animation ? 300 : 0,
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true, label: { enabled: true, description: ctx.description } },
    tooltip: {
      ...TOOLTIP_BASE,
      transitionDuration: ctx.animation ? 0.2 : 0,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        if (!p) return ''
        if (p.dataType === 'edge') {
          const d = p.data as { source: string; target: string; value: number }
          const link = graph.links.find((l) => l.source === d.source && l.target === d.target)
          return formatTooltip({ title: `${name(d.source)} → ${name(d.target)}`, value: ctx.amount(d.value), hints: link?.derived ? [ctx.labels.derived] : [] })
        }
        const node = byId.get(String(p.name))
        if (!node) return ''
        if (node.kind === 'gap' && node.gap)
          return formatTooltip({ title: name(node.id), value: ctx.amount(node.value), lines: [ctx.labels.gapNote(node.gap)], hints: [ctx.labels.derived] })
        return formatTooltip({ title: name(node.id), value: ctx.amount(node.value) })
      },
    },
    series: [
      {
        type: 'sankey',
        orient,
        // Keep the published order within each column; no relaxation that would reorder rows.
        layoutIterations: 0,
        nodeAlign: 'left',
        draggable: false,
        nodeWidth: NODE_WIDTH[orient],
        nodeGap: NODE_GAP[orient],
        ...MARGIN[orient],
        right: rightMargin,
        emphasis: { focus: 'adjacency' },
        label: {
          formatter: (p) => labels.get(String(p.name))?.text ?? '',
          fontSize: FONT_SIZE,
          lineHeight: LINE,
          backgroundColor: 'rgba(255, 255, 255, 0.85)',
          padding: [1, 3],
          borderRadius: 3,
        },
        data,
        links,
      },
    ],
  } satisfies ChartOption
}
