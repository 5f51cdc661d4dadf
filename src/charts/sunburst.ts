/**
 * Sunburst of a classification tree around a focus: the focus named in the centre (click it to go
 * up), its rows in the first ring, their rows in the second. Pure: labels, formatters and the
 * container size come in through `ctx`; every data string in the tooltip is escaped.
 */
import type { SunburstSeriesOption } from 'echarts/charts'
import type { SunburstData, SunburstNode } from '@/domain/classification'
import type { Text } from '@/domain/types'
import type { ChartOption } from './echarts'
import { CHART_FONT, TOOLTIP_BASE, formatTooltip } from './tooltip'
import { DECALS, classColour, textColourOn, tint } from './palette'

/** What the builder needs from the page: size, words, formatters and the reader's preferences. */
export interface SunburstCtx {
  /** Container size in CSS px. */
  width: number
  height: number
  tx: (text: Text) => string
  /** "1,698 万元". */
  amount: (value: number) => string
  /** "76.8%" (NaN gives "—"). */
  pct: (value: number) => string
  labels: {
    /** Name of the centre when the whole table is in focus: "全部支出". */
    whole: string
    shareOfParent: string
    shareOfTotal: string
    /** Tooltip hint on a row with rows under it. */
    drillIn: string
  }
  /** Accessible description read for the chart (ECharts aria). */
  description: string
  /** Draw decal patterns on top of colours. */
  decals: boolean
  /** false when the reader prefers reduced motion. */
  animation: boolean
}

/** What a click on the chart asks for: go up one level, or open / select a row. */
export type ChartTarget = { kind: 'up' } | { kind: 'node'; code: string }

const NODE_PREFIX = 'node:'

/** Reads a click back into a target: a sector ("node:20113") opens it; the centre's text goes up. */
export function parseChartTarget(event: { componentType?: string; name?: unknown }): ChartTarget | null {
  if (event.componentType === 'title') return { kind: 'up' }
  const name = event.name
  if (typeof name === 'string' && name.startsWith(NODE_PREFIX)) return { kind: 'node', code: name.slice(NODE_PREFIX.length) }
  return null
}

/** Lightness step per level below a 类: 款 a little lighter, 项 lighter still. */
const TINT_BY_LEVEL = { class: 0, section: 0.3, item: 0.55 } as const

/** Fill of a row: its 类 colour, lighter for deeper levels; every other sibling a shade lighter still. */
export function nodeColour(node: Pick<SunburstNode, 'classCode' | 'level'>, sibling = 0): string {
  const alternate = node.level !== 'class' && sibling % 2 === 1 ? 0.12 : 0
  return tint(classColour(node.classCode), TINT_BY_LEVEL[node.level] + alternate)
}

/** One ring: radii in px. */
interface Ring {
  r0: number
  r: number
}

interface Geometry {
  centre: number
  rings: Ring[]
}

/** Line height of sector labels, px. */
const LINE = 15

/** Radii in px: a centre disc big enough for two short lines, then rings of equal depth. */
export function computeGeometry(width: number, height: number, rings: number): Geometry {
  const outer = Math.max(60, Math.min(width, height) / 2 - 4)
  const centre = Math.round(Math.min(72, Math.max(44, outer * 0.28)))
  const thickness = (outer - centre) / Math.max(1, rings)
  return {
    centre,
    rings: Array.from({ length: rings }, (_, i) => ({ r0: centre + thickness * i, r: centre + thickness * (i + 1) })),
  }
}

/** How a sector's label fits inside it, or `null` when it cannot be read there (the table has it). */
export interface LabelFit {
  rotate: 'tangential' | 'radial'
  width: number
  height: number
}

/**
 * Fits a label inside its own sector, so labels never cross each other: along the arc when the
 * sector is wider than deep (text may wrap), across the ring otherwise (one line, truncated), and
 * not at all when not even one line fits. `angle` is the sector's angle in radians.
 */
export function computeLabelFit(ring: Ring, angle: number): LabelFit | null {
  const thickness = ring.r - ring.r0
  const mid = (ring.r + ring.r0) / 2
  const arc = angle * mid
  if (arc >= thickness && arc >= 3 * LINE) {
    // Straight text on a curved band: keep it short enough that its ends stay inside the ring.
    const width = Math.min(arc - 10, mid * 1.4)
    const sagitta = (width * width) / (8 * mid)
    const height = thickness - 2 * sagitta - 6
    if (height >= LINE) return { rotate: 'tangential', width, height }
  }
  if (arc >= LINE + 2 && thickness - 12 >= 2 * LINE) return { rotate: 'radial', width: thickness - 12, height: LINE }
  return null
}

/** Everything the tooltip and labels say about one sector. */
interface SectorInfo {
  title: string
  value: number
  shareOfParent?: number
  shareOfTotal: number
  hint?: string
}

/** The tooltip of a sector: title, amount, shares, and what a click does. */
export function formatSunburstTooltip(info: SectorInfo, ctx: Pick<SunburstCtx, 'amount' | 'pct' | 'labels'>): string {
  return formatTooltip({
    title: info.title,
    value: ctx.amount(info.value),
    lines: [
      ...(info.shareOfParent !== undefined ? [`${ctx.labels.shareOfParent} ${ctx.pct(info.shareOfParent)}`] : []),
      `${ctx.labels.shareOfTotal} ${ctx.pct(info.shareOfTotal)}`,
    ],
    hints: info.hint ? [info.hint] : [],
  })
}

type SunburstItem = NonNullable<SunburstSeriesOption['data']>[number]

/** Builds the ECharts option for a sunburst view of a classification branch. */
export function buildSunburstOption(data: SunburstData, ctx: SunburstCtx): ChartOption {
  const geometry = computeGeometry(ctx.width, ctx.height, data.rings)
  const info = new Map<string, SectorInfo>()
  const labelText = new Map<string, string>()

  const unit = data.ringSum > 0 ? (2 * Math.PI) / data.ringSum : 0
  const toItem = (node: SunburstNode, depth: number, sibling: number): SunburstItem => {
    const id = `${NODE_PREFIX}${node.code}`
    const ring = geometry.rings[depth]
    const fit = ring ? computeLabelFit(ring, node.value * unit) : null
    const colour = nodeColour(node, sibling)
    info.set(id, {
      title: `${node.code} ${ctx.tx(node.name)}`,
      value: node.value,
      shareOfParent: node.shareOfParent,
      shareOfTotal: node.shareOfTotal,
      ...(node.hasChildren ? { hint: ctx.labels.drillIn } : {}),
    })
    labelText.set(id, fit?.rotate === 'tangential' ? `${ctx.tx(node.name)}\n${ctx.amount(node.value)}` : ctx.tx(node.name))
    return {
      name: id,
      // Parents keep their published value even where their rows add up to a little more or less.
      value: node.value,
      itemStyle: {
        color: colour,
        ...(node.selected ? { borderColor: '#1a1d21', borderWidth: 3 } : {}),
      },
      label: fit
        ? { show: true, color: textColourOn(colour), rotate: fit.rotate, width: fit.width, height: fit.height, overflow: fit.rotate === 'tangential' ? 'break' : 'truncate', lineOverflow: 'truncate' }
        : { show: false },
      children: node.children.map((child, i) => toItem(child, depth + 1, i)),
    } as SunburstItem
  }

  return {
    animation: ctx.animation,
    textStyle: { fontFamily: CHART_FONT },
    animationDurationUpdate: ctx.animation ? 300 : 0,
    // Decals: one pattern per sector of the first ring (ECharts keys them by the first tree level),
    // so sectors of one class, which share a hue, are told apart by pattern as well as by label.
    aria: {
      enabled: true,
      label: { enabled: true, description: ctx.description },
      decal: { show: ctx.decals, decals: DECALS.map((d) => ({ ...d, color: 'rgba(0, 0, 0, 0.3)' })) },
    },
    // The centre: the focus and its published amount; clicking it goes up one level.
    title: {
      text: `${data.centre.code ?? ctx.labels.whole}\n${ctx.amount(data.centre.value)}`,
      // Anchored at the sunburst's centre (the middle of the box).
      left: ctx.width / 2,
      top: ctx.height / 2,
      textAlign: 'center',
      textVerticalAlign: 'middle',
      triggerEvent: data.centre.canGoUp,
      textStyle: { fontSize: 13, fontWeight: 'bold', lineHeight: 16, color: '#1a1d21', width: geometry.centre * 2 - 12, overflow: 'break' },
    },
    tooltip: {
      ...TOOLTIP_BASE,
      transitionDuration: ctx.animation ? 0.2 : 0,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const found = p ? info.get(String(p.name)) : undefined
        return found ? formatSunburstTooltip(found, ctx) : ''
      },
    },
    series: [
      {
        type: 'sunburst',
        nodeClick: false,
        // Published order (by code), so a row keeps its place when the measure changes.
        sort: (a, b) => a.dataIndex - b.dataIndex,
        radius: [geometry.centre, geometry.rings.at(-1)?.r ?? geometry.centre],
        startAngle: 90,
        emphasis: { focus: 'ancestor' },
        blur: { itemStyle: { opacity: 0.55 }, label: { opacity: 0.85 } },
        labelLayout: { hideOverlap: true },
        label: {
          formatter: (p) => labelText.get(String(p.name)) ?? '',
          fontSize: 12,
          lineHeight: LINE,
        },
        levels: [{}, ...geometry.rings.map((ring) => ({ radius: [ring.r0, ring.r] }))],
        data: data.nodes.map((n, i) => toItem(n, 0, i)),
      },
    ],
  } satisfies ChartOption
}
