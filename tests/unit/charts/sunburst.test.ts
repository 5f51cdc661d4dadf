import { describe, expect, it } from 'vitest'
import {
  buildSunburstOption,
  computeGeometry,
  computeLabelFit,
  nodeColour,
  parseChartTarget,
  type SunburstCtx,
} from '@/charts/sunburst'
import { computeFocus, computeSunburstData, type SunburstData } from '@/domain/classification'
import { parseDataset } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import type { Budget, Measure } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'

function budgetOf(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

const CTX: SunburstCtx = {
  width: 600,
  height: 560,
  tx: (t) => t.en,
  amount: (v) => `${v} wan`,
  pct: (v) => `${v.toFixed(1)}%`,
  labels: { whole: 'All', shareOfParent: 'Of parent', shareOfTotal: 'Of all', drillIn: 'Open', goUp: 'Up' },
  description: 'A described sunburst',
  decals: false,
  animation: true,
}

/** Minimal view of an ECharts sunburst item, for walking the built option. */
interface Item {
  name: string
  value?: number
  itemStyle?: { color?: string; decal?: unknown; borderWidth?: number }
  label?: { show?: boolean; rotate?: string }
  children?: Item[]
}

function dataOf(raw: RawDataset, code: string | undefined, measure: Measure, rings = 2): SunburstData {
  const tree = budgetOf(raw).functionalTree
  return computeSunburstData(tree, computeFocus(tree, code), measure, rings)
}

function build(data: SunburstData, ctx: Partial<SunburstCtx> = {}) {
  const option = buildSunburstOption(data, { ...CTX, ...ctx })
  const series = (option.series as unknown as { type: string; data: Item[]; nodeClick: unknown; label: { formatter: (p: { name: string }) => string } }[])[0]!
  const tooltip = option.tooltip as { formatter: (p: { name: string }) => string }
  return { option, series, centre: series.data[0]!, tooltip }
}

const walk = (items: readonly Item[]): Item[] => items.flatMap((i) => [i, ...walk(i.children ?? [])])

describe(buildSunburstOption, () => {
  it('draws the focus as the centre and its rows around it, at their published values', () => {
    const raw = makeDataset()
    const data = dataOf(raw, undefined, 'total')
    const { series, centre } = build(data)
    expect(series.type).toBe('sunburst')
    expect(series.nodeClick).toBe(false)
    expect(series.data).toHaveLength(1)
    expect(centre.name).toBe('centre')
    expect(centre.value).toBeUndefined()
    const published = new Map(raw.functional.rows.map((r) => [r.code, r.total]))
    for (const item of walk(centre.children ?? [])) {
      const code = parseChartTarget(item.name)
      expect(code?.kind).toBe('node')
      if (code?.kind === 'node') expect(item.value).toBe(published.get(code.code))
    }
    expect(centre.children!.map((c) => c.name)).toEqual(data.nodes.map((n) => `node:${n.code}`))
  })

  it('gives each class its own colour, lighter further down', () => {
    const { centre } = build(dataOf(makeDataset(), undefined, 'total'))
    const [first] = centre.children!
    expect(first!.itemStyle?.color).toBe(nodeColour({ classCode: '201', level: 'class' }))
    expect(first!.children![0]!.itemStyle?.color).toBe(nodeColour({ classCode: '201', level: 'section' }))
    expect(first!.children![0]!.itemStyle?.color).not.toBe(first!.itemStyle?.color)
  })

  it('escapes data text in tooltips', () => {
    const raw = makeDataset()
    raw.functional.rows.find((r) => r.code === '201')!.name.en = '<img src=x onerror=alert(1)>'
    const { tooltip } = build(dataOf(raw, undefined, 'total'))
    const html = tooltip.formatter({ name: 'node:201' })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Open')
  })

  it('says in the centre tooltip that a click goes up, except at the top', () => {
    expect(build(dataOf(makeDataset(), '201', 'total')).tooltip.formatter({ name: 'centre' })).toContain('Up')
    expect(build(dataOf(makeDataset(), undefined, 'total')).tooltip.formatter({ name: 'centre' })).not.toContain('Up')
  })

  it('marks the selected item with a heavier border', () => {
    const { centre } = build(dataOf(makeDataset(), '2011308', 'total'))
    const selected = walk(centre.children!).find((i) => i.name === 'node:2011308')!
    expect(selected.itemStyle?.borderWidth).toBeGreaterThan(1)
  })

  it('turns on aria with the description, decals on request, animation off for reduced motion', () => {
    const data = dataOf(makeDataset(), undefined, 'total')
    const plain = build(data).option
    expect(plain.aria).toMatchObject({ enabled: true, label: { description: 'A described sunburst' }, decal: { show: false } })
    expect(walk(build(data).centre.children!).every((i) => i.itemStyle?.decal === undefined)).toBe(true)
    const decorated = build(data, { decals: true, animation: false })
    expect(decorated.option.aria).toMatchObject({ decal: { show: true } })
    expect(walk(decorated.centre.children!).every((i) => i.itemStyle?.decal !== undefined)).toBe(true)
    expect(decorated.option.animation).toBe(false)
  })

  it('hides the label of a sector too small to hold one line, and keeps the others', () => {
    const raw = makeDataset()
    raw.functional.rows.push({ ...raw.functional.rows.find((r) => r.code === '208')!, code: '210', total: 0.01, basic: 0.01 })
    const data = dataOf(raw, undefined, 'total', 1)
    const items = build(data, { width: 320, height: 320 }).centre.children!
    expect(items.find((i) => i.name === 'node:210')?.label?.show).toBe(false)
    expect(items.find((i) => i.name === 'node:201')?.label?.show).toBe(true)
  })
})

describe(computeGeometry, () => {
  it('fits the rings inside the box, centre first, rings of equal depth', () => {
    const g = computeGeometry(360, 360, 2)
    expect(g.rings).toHaveLength(2)
    expect(g.rings[0]!.r0).toBe(g.centre)
    expect(g.rings[1]!.r).toBeLessThanOrEqual(180)
    expect(g.rings[0]!.r - g.rings[0]!.r0).toBeCloseTo(g.rings[1]!.r - g.rings[1]!.r0, 10)
  })
})

describe(computeLabelFit, () => {
  const ring = { r0: 50, r: 150 }
  it.each([
    [Math.PI, 'tangential'],
    [0.3, 'radial'],
    [0.05, null],
  ])('for an angle of %d rad: %s', (angle, rotate) => {
    const fit = computeLabelFit(ring, angle)
    expect(fit?.rotate ?? null).toBe(rotate)
    if (fit) expect(fit.height).toBeLessThanOrEqual(ring.r - ring.r0)
  })
})

describe(parseChartTarget, () => {
  it.each([
    ['centre', { kind: 'up' }],
    ['node:2011308', { kind: 'node', code: '2011308' }],
    ['something else', null],
    [undefined, null],
  ])('reads %j', (name, target) => {
    expect(parseChartTarget(name)).toEqual(target)
  })
})
