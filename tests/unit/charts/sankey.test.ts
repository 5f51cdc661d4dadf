import { describe, expect, it } from 'vitest'
import { VERTICAL_BELOW, buildSankeyOption, computeBarLengths, estimateTextWidth, spreadLabels, wrapText, type SankeyCtx } from '@/charts/sankey'
import { computeFlows, type FlowGraph } from '@/domain/flows'
import { parseDataset } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import { localize, type Budget } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'

function budgetOf(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

/** The fixture's economic flows with the project column one more than its total (a rounding gap). */
function gapGraph(): FlowGraph {
  const raw = makeDataset()
  const row = raw.economic.rows.find((r) => r.code.length === 3 && r.project > 0)!
  row.project += 1
  row.total += 1
  return computeFlows(budgetOf(raw), 'economic')
}

const CTX: SankeyCtx = {
  width: 1000,
  height: 480,
  nodeName: (n) => (n.kind === 'gap' ? `gap ${n.gap?.difference}` : n.name ? localize(n.name, 'en') : n.id),
  amount: (v) => `${v} wan`,
  short: (v) => String(v),
  labels: { gapNote: (g) => `parts ${g.partsSum} vs ${g.published}`, derived: 'computed' },
  description: 'A described sankey',
  animation: true,
}

interface Series {
  type: string
  orient: string
  data: { name: string; value: number; depth: number; label: { position: string; offset?: number[] }; itemStyle: { borderType?: string } }[]
  links: { source: string; target: string; value: number }[]
  label: { formatter: (p: { name: string }) => string }
}

function build(graph: FlowGraph, ctx: Partial<SankeyCtx> = {}) {
  const option = buildSankeyOption(graph, { ...CTX, ...ctx })
  const series = (option.series as unknown as Series[])[0]!
  const tooltip = option.tooltip as { formatter: (p: object) => string }
  return { option, series, tooltip }
}

describe(buildSankeyOption, () => {
  it('draws every node at its value and every flow of the graph, gap flows included', () => {
    const graph = gapGraph()
    const { series } = build(graph)
    expect(series.type).toBe('sankey')
    expect(series.data.map((d) => [d.name, d.value, d.depth])).toEqual(graph.nodes.map((n) => [n.id, n.value, n.depth]))
    expect(series.links.map((l) => [l.source, l.target, l.value])).toEqual(graph.links.map((l) => [l.source, l.target, l.value]))
    expect(series.data.find((d) => d.name === 'gap:out:project')?.itemStyle.borderType).toBe('dashed')
  })

  it('labels the gap node and explains it in its tooltip', () => {
    const { series, tooltip } = build(gapGraph())
    expect(series.label.formatter({ name: 'gap:out:project' })).toBe('gap 1')
    const html = tooltip.formatter({ dataType: 'node', name: 'gap:out:project' })
    expect(html).toContain('parts')
    expect(html).toContain('computed')
  })

  it('runs left to right on a wide screen and top to bottom on a narrow one', () => {
    expect(build(gapGraph()).series.orient).toBe('horizontal')
    expect(build(gapGraph(), { width: VERTICAL_BELOW - 1 }).series.orient).toBe('vertical')
  })

  it('escapes data text in node and flow tooltips', () => {
    const raw = makeDataset()
    raw.economic.rows.find((r) => r.code === '301')!.name.en = '<img src=x onerror=alert(1)>'
    const graph = computeFlows(budgetOf(raw), 'economic')
    const { tooltip } = build(graph)
    for (const params of [
      { dataType: 'node', name: 'class:301' },
      { dataType: 'edge', name: '', data: { source: 'basic', target: 'class:301', value: 1 } },
    ]) {
      const html = tooltip.formatter(params)
      expect(html).not.toContain('<img')
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    }
  })

  it('turns on aria with the description and animation off for reduced motion', () => {
    const { option } = build(gapGraph(), { animation: false })
    expect(option.aria).toMatchObject({ enabled: true, label: { description: 'A described sankey' } })
    expect(option.animation).toBe(false)
  })

  it('puts each label of the last row inside its bar or below it on a phone', () => {
    const { series } = build(gapGraph(), { width: 340, height: 540 })
    expect(series.data.filter((d) => d.depth === 3).every((d) => ['inside', 'bottom'].includes(d.label.position))).toBe(true)
  })
})

describe(computeBarLengths, () => {
  it('scales every column by the fullest one, like ECharts', () => {
    const graph = computeFlows(budgetOf(makeDataset()), 'functional')
    const bars = computeBarLengths(graph, 300, 10)
    const classes = graph.nodes.filter((n) => n.kind === 'class')
    const used = classes.reduce((a, n) => a + (bars.get(n.id) ?? 0), 0) + (classes.length - 1) * 10
    expect(used).toBeLessThanOrEqual(300 + 1e-9)
    expect(bars.get('total')).toBeCloseTo(((bars.get('basic') ?? 0) + (bars.get('project') ?? 0)), 9)
  })
})

describe(spreadLabels, () => {
  it.each([
    [[50, 55, 60], [20, 20, 20], 0, 200],
    [[190, 195], [30, 30], 0, 200],
    [[10, 100], [30, 30], 0, 200],
  ])('moves labels at %j apart without leaving the box', (centres, widths, min, max) => {
    const offsets = spreadLabels(centres, widths, min, max)
    const placed = centres.map((c, i) => c + offsets[i]!)
    for (let i = 0; i < placed.length; i++) {
      expect(placed[i]! - widths[i]! / 2).toBeGreaterThanOrEqual(min - 1e-9)
      expect(placed[i]! + widths[i]! / 2).toBeLessThanOrEqual(max + 1e-9)
      if (i) expect(placed[i]! - placed[i - 1]!).toBeGreaterThanOrEqual((widths[i]! + widths[i - 1]!) / 2)
    }
  })

  it('leaves labels that do not collide where they are', () => {
    expect(spreadLabels([20, 100], [20, 20], 0, 200)).toEqual([0, 0])
  })
})

describe(wrapText, () => {
  it('breaks Latin text at spaces and CJK text anywhere, within the width', () => {
    const latin = wrapText('Subsidies to individuals and households', 120)
    expect(latin.length).toBeGreaterThan(1)
    for (const line of latin) expect(estimateTextWidth(line)).toBeLessThanOrEqual(120)
    expect(latin.join(' ')).toBe('Subsidies to individuals and households')
    const cjk = wrapText('机关事业单位基本养老保险缴费支出', 60)
    expect(cjk.join('')).toBe('机关事业单位基本养老保险缴费支出')
    for (const line of cjk) expect(estimateTextWidth(line)).toBeLessThanOrEqual(60)
  })
})
