import { describe, expect, it } from 'vitest'
import {
  computeBranch,
  computeFocus,
  computeGaps,
  computeNodeFigures,
  computeSunburstData,
  computeUpCode,
  formatClassificationQuery,
  parseClassificationQuery,
  selectProcurement,
  selectTree,
  type SunburstNode,
} from '@/domain/classification'
import { sumAmounts } from '@/domain/checks'
import { parseDataset } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import { MEASURES, type Budget } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { economicTreeOf, figureOf, present, readYantian } from '../helpers/present'

function budgetOf(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

/** The fixture with one economic 款 raised by 1, so the rows under its 类 add up to 1 more (a rounding gap). */
function withEconomicGap(): { raw: RawDataset; parentCode: string; childCode: string } {
  const raw = makeDataset()
  const child = raw.economic.rows.find((r) => r.code.length === 5 && r.basic > 0)!
  child.total += 1
  child.basic += 1
  return { raw, parentCode: child.code.slice(0, 3), childCode: child.code }
}

const REAL = readYantian()

describe(parseClassificationQuery, () => {
  const b = budgetOf(makeDataset())
  const functionalLeaf = b.functionalTree.byCode.get('2011308')!.code
  const economicClass = economicTreeOf(b).roots[0]!.code

  it('defaults to the functional tree, total, whole table', () => {
    expect(parseClassificationQuery({}, b)).toEqual({ tree: 'functional', measure: 'total' })
  })

  it('reads tree, measure and node', () => {
    expect(parseClassificationQuery({ tree: 'economic', measure: 'basic', node: economicClass }, b)).toEqual({
      tree: 'economic',
      measure: 'basic',
      node: economicClass,
    })
  })

  it.each([
    [{ node: '9999999' }, { tree: 'functional', measure: 'total' }],
    [{ measure: 'everything', tree: 'imaginary' }, { tree: 'functional', measure: 'total' }],
    [{ node: '<img src=x onerror=alert(1)>' }, { tree: 'functional', measure: 'total' }],
  ])('falls back to the defaults for unknown values %j', (query, expected) => {
    expect(parseClassificationQuery(query, b)).toEqual(expected)
  })

  it('picks the tree that holds a code when the query names no tree', () => {
    expect(parseClassificationQuery({ node: economicClass }, b)).toEqual({ tree: 'economic', measure: 'total', node: economicClass })
  })

  it('drops a code of the other tree when the tree is named', () => {
    expect(parseClassificationQuery({ tree: 'economic', node: functionalLeaf }, b)).toEqual({ tree: 'economic', measure: 'total' })
  })

  it('takes the first of repeated query values', () => {
    expect(parseClassificationQuery({ node: [functionalLeaf, economicClass] }, b).node).toBe(functionalLeaf)
  })
})

describe(formatClassificationQuery, () => {
  it('leaves defaults out of the URL and round-trips through the parser', () => {
    const b = budgetOf(makeDataset())
    expect(formatClassificationQuery({ tree: 'functional', measure: 'total' })).toEqual({})
    const state = { tree: 'economic', measure: 'project', node: economicTreeOf(b).roots[1]!.code } as const
    expect(parseClassificationQuery(formatClassificationQuery(state), b)).toEqual(state)
  })
})

describe(computeFocus, () => {
  const tree = budgetOf(makeDataset()).functionalTree
  const leaf = [...tree.byCode.values()].find((n) => n.level === 'item')!

  it('opens a row that has rows under it', () => {
    const section = tree.byCode.get(leaf.parentCode!)!
    const f = computeFocus(tree, section.code)
    expect(f.focus).toBe(section)
    expect(f.selected).toBe(section)
    expect(f.path.map((n) => n.code)).toEqual([section.parentCode, section.code])
  })

  it('keeps a selected item inside its parent', () => {
    const f = computeFocus(tree, leaf.code)
    expect(f.selected).toBe(leaf)
    expect(f.focus?.code).toBe(leaf.parentCode)
    expect(f.path.at(-1)).toBe(leaf)
  })

  it('is the whole table for no code or an unknown one', () => {
    expect(computeFocus(tree, undefined)).toEqual({ path: [] })
    expect(computeFocus(tree, '000')).toEqual({ path: [] })
  })
})

describe(computeUpCode, () => {
  const tree = budgetOf(makeDataset()).functionalTree
  const leaf = [...tree.byCode.values()].find((n) => n.level === 'item')!

  it('goes one breadcrumb step up, and nowhere from the whole table', () => {
    expect(computeUpCode(tree, leaf.code)).toBe(leaf.parentCode)
    expect(computeUpCode(tree, tree.roots[0]!.code)).toBeUndefined()
    expect(computeUpCode(tree, undefined)).toBeNull()
    expect(computeUpCode(tree, 'nope')).toBeNull()
  })
})

describe(computeBranch, () => {
  it.each(MEASURES)('lists every 类 with its published %s and shares, in published order', (measure) => {
    const tree = budgetOf(makeDataset()).functionalTree
    const branch = computeBranch(tree, undefined, measure)
    expect(branch.rows.map((r) => r.code)).toEqual(tree.roots.map((r) => r.code))
    expect(branch.rows.map((r) => r.value)).toEqual(tree.roots.map((r) => r[measure]))
    expect(branch.value).toBe(tree[measure])
    for (const row of branch.rows) {
      expect(row.shareOfParent).toBeCloseTo((row.value / figureOf(tree, measure)) * 100, 10)
      expect(row.shareOfTotal).toBe(row.shareOfParent)
    }
    expect(branch.gap).toBe(0)
  })

  it('keeps published zeros in the table', () => {
    const tree = budgetOf(makeDataset()).functionalTree
    const zero = [...tree.byCode.values()].find((n) => n.basic === 0 && n.parentCode)!
    const branch = computeBranch(tree, tree.byCode.get(zero.parentCode!)!, 'basic')
    expect(branch.rows.find((r) => r.code === zero.code)?.value).toBe(0)
  })

  it('gives shares of the parent and of the table total below the first level', () => {
    const tree = budgetOf(makeDataset()).functionalTree
    const section = tree.byCode.get('20113')!
    const branch = computeBranch(tree, section, 'total')
    for (const [i, row] of branch.rows.entries()) {
      expect(row.shareOfParent).toBeCloseTo((section.children[i]!.total / section.total) * 100, 10)
      expect(row.shareOfTotal).toBeCloseTo((section.children[i]!.total / tree.total) * 100, 10)
    }
    expect(branch.shareOfTotal).toBeCloseTo((section.total / tree.total) * 100, 10)
  })

  it('shows a rounding gap between the rows and their published parent, without changing either', () => {
    const { raw, parentCode } = withEconomicGap()
    const tree = economicTreeOf(budgetOf(raw))
    const parent = tree.byCode.get(parentCode)!
    const branch = computeBranch(tree, parent, 'total')
    expect(branch.value).toBe(present(raw.economic, 'economic').rows.find((r) => r.code === parentCode)!.total)
    expect(branch.childrenSum).toBe(sumAmounts(parent.children.map((c) => c.total)))
    expect(branch.gap).toBe(1)
  })
})

describe(computeGaps, () => {
  it('finds none in the consistent fixture', () => {
    const tree = economicTreeOf(budgetOf(makeDataset()))
    for (const m of MEASURES) expect(computeGaps(tree, undefined, m, 2)).toEqual([])
  })

  it('finds the gap one ring down, for the measures that differ only', () => {
    const { raw, parentCode } = withEconomicGap()
    const tree = economicTreeOf(budgetOf(raw))
    const [gap] = computeGaps(tree, undefined, 'basic', 2)
    expect(gap).toMatchObject({ code: parentCode, measure: 'basic', difference: 1 })
    expect(computeGaps(tree, undefined, 'project', 2)).toEqual([])
    // One ring only: the gap sits a level deeper than what is drawn.
    expect(computeGaps(tree, undefined, 'total', 1)).toEqual([])
    expect(computeGaps(tree, tree.byCode.get(parentCode), 'total', 1)).toHaveLength(1)
  })

  it('finds the published document gaps: table 8 wages and its project column', () => {
    const tree = economicTreeOf(budgetOf(REAL))
    const wages = tree.byCode.get('301')!
    const gaps = computeGaps(tree, undefined, 'total', 2)
    const wageGap = gaps.find((g) => g.code === '301')!
    expect(wageGap.published).toBe(wages.total)
    expect(wageGap.childrenSum).toBe(sumAmounts(wages.children.map((c) => c.total)))
    expect(wageGap.difference).not.toBe(0)
    const projectGap = computeGaps(tree, undefined, 'project', 1)[0]!
    expect(projectGap.childrenSum).toBe(sumAmounts(tree.roots.map((r) => figureOf(r, 'project'))))
    expect(projectGap.published).toBe(tree.project)
  })
})

describe(computeSunburstData, () => {
  const walk = (nodes: SunburstNode[]): SunburstNode[] => nodes.flatMap((n) => [n, ...walk(n.children)])

  it('draws published values only, and leaves zero rows out', () => {
    const tree = budgetOf(makeDataset()).functionalTree
    const data = computeSunburstData(tree, computeFocus(tree, undefined), 'basic', 3)
    const drawn = walk(data.nodes)
    for (const n of drawn) expect(n.value).toBe(tree.byCode.get(n.code)![data.measure])
    const zeros = [...tree.byCode.values()].filter((n) => n.basic === 0).map((n) => n.code)
    expect(zeros.length).toBeGreaterThan(0)
    expect(drawn.map((n) => n.code)).not.toEqual(expect.arrayContaining([zeros[0]]))
    expect(data.ringSum).toBe(sumAmounts(data.nodes.map((n) => n.value)))
  })

  it('nests as many rings as asked, with the centre as the focus', () => {
    const tree = budgetOf(makeDataset()).functionalTree
    const oneRing = computeSunburstData(tree, computeFocus(tree, undefined), 'total', 1)
    expect(oneRing.nodes.every((n) => n.children.length === 0)).toBe(true)
    const twoRings = computeSunburstData(tree, computeFocus(tree, '201'), 'total', 2)
    expect(twoRings.centre).toMatchObject({ code: '201', value: tree.byCode.get('201')!.total, canGoUp: true })
    expect(twoRings.nodes.map((n) => n.code)).toEqual(tree.byCode.get('201')!.children.map((c) => c.code))
    expect(twoRings.nodes[0]!.children.length).toBeGreaterThan(0)
    expect(twoRings.nodes.every((n) => n.classCode === '201')).toBe(true)
  })

  it('marks the selected item', () => {
    const tree = budgetOf(makeDataset()).functionalTree
    const data = computeSunburstData(tree, computeFocus(tree, '2011308'), 'total', 2)
    expect(data.nodes.filter((n) => n.selected).map((n) => n.code)).toEqual(['2011308'])
  })
})

describe(computeNodeFigures, () => {
  it('gives all three published measures with shares of the parent', () => {
    const b = budgetOf(makeDataset())
    const tree = selectTree(b, 'economic')
    const node = tree.roots[1]!.children[0]!
    const parent = tree.roots[1]!
    const figures = computeNodeFigures(tree, node)
    for (const m of MEASURES) {
      const figure = present(figures[m], `the ${m} figure`)
      expect(figure.value).toBe(node[m])
      if (parent[m] === 0) expect(figure.shareOfParent).toBeNaN()
      else expect(figure.shareOfParent).toBeCloseTo((figureOf(node, m) / figureOf(parent, m)) * 100, 10)
    }
  })
})

describe(selectProcurement, () => {
  it("gives table 3's procurement columns of a functional row, and nothing for an economic code", () => {
    const raw = makeDataset()
    const row = raw.functional.rows.find((r) => r.code === '20113')!
    row.procurement = { total: 3, sme: 2, smallMicro: 1 }
    const b = budgetOf(raw)
    expect(selectProcurement(b, '20113')).toEqual(row.procurement)
    expect(selectProcurement(b, raw.economic.rows[0]!.code)).toBeUndefined()
  })
})
