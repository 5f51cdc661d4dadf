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
import { localize, type Budget, type Measure } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'

function budgetOf(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

const CTX: SunburstCtx = {
  width: 600,
  height: 560,
  tx: (t) => localize(t, 'en'),
  amount: (v) => `${v} wan`,
  pct: (v) => `${v.toFixed(1)}%`,
  labels: { whole: 'All', shareOfParent: 'Of parent', shareOfTotal: 'Of all', drillIn: 'Open' },
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
  const title = option.title as { text: string; triggerEvent: boolean }
  return { option, series, rings: series.data, tooltip, title }
}

const walk = (items: readonly Item[]): Item[] => items.flatMap((i) => [i, ...walk(i.children ?? [])])

describe(buildSunburstOption, () => {
  it('names the focus in the centre and draws its rows around it, at their published values', () => {
    const raw = makeDataset()
    const data = dataOf(raw, '201', 'total')
    const { series, rings, title } = build(data)
    expect(series.type).toBe('sunburst')
    expect(series.nodeClick).toBe(false)
    expect(title).toMatchObject({ text: `201\n${raw.functional.rows.find((r) => r.code === '201')!.total} wan`, triggerEvent: true })
    const published = new Map(raw.functional.rows.map((r) => [r.code, r.total]))
    for (const item of walk(rings)) {
      const code = parseChartTarget({ name: item.name })
      expect(code?.kind).toBe('node')
      if (code?.kind === 'node') expect(item.value).toBe(published.get(code.code))
    }
    expect(rings.map((c) => c.name)).toEqual(data.nodes.map((n) => `node:${n.code}`))
  })

  it('names the whole table in the centre at the top, where a click cannot go up', () => {
    const raw = makeDataset()
    expect(build(dataOf(raw, undefined, 'total')).title).toMatchObject({ text: `All\n${raw.functional.unit.total} wan`, triggerEvent: false })
  })

  it('gives each class its own colour, lighter further down', () => {
    const { rings } = build(dataOf(makeDataset(), undefined, 'total'))
    const [first] = rings
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

  it('marks the selected item with a heavier border', () => {
    const { rings } = build(dataOf(makeDataset(), '2011308', 'total'))
    const selected = walk(rings).find((i) => i.name === 'node:2011308')!
    expect(selected.itemStyle?.borderWidth).toBeGreaterThan(1)
  })

  it('turns on aria with the description, decals on request, animation off for reduced motion', () => {
    const data = dataOf(makeDataset(), undefined, 'total')
    const plain = build(data).option
    expect(plain.aria).toMatchObject({ enabled: true, label: { description: 'A described sunburst' }, decal: { show: false } })
    const decorated = build(data, { decals: true, animation: false }).option
    const decals = (decorated.aria as { decal: { show: boolean; decals: unknown[] } }).decal
    expect(decals.show).toBe(true)
    expect(new Set(decals.decals.map((d) => JSON.stringify(d))).size).toBe(decals.decals.length)
    expect(decorated.animation).toBe(false)
  })

  it('hides the label of a sector too small to hold one line, and keeps the others', () => {
    const raw = makeDataset()
    raw.functional.rows.push({ ...raw.functional.rows.find((r) => r.code === '208')!, code: '210', total: 0.01, basic: 0.01 })
    const data = dataOf(raw, undefined, 'total', 1)
    const items = build(data, { width: 320, height: 320 }).rings
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
    [{ componentType: 'title' }, { kind: 'up' }],
    [{ componentType: 'series', name: 'node:2011308' }, { kind: 'node', code: '2011308' }],
    [{ componentType: 'series', name: 'something else' }, null],
    [{}, null],
  ])('reads %j', (event, target) => {
    expect(parseChartTarget(event)).toEqual(target)
  })
})
