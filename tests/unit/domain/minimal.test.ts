/**
 * Every domain derivation a view uses, on the smallest dataset format 2 allows (the functional table
 * with totals only): none throws, and none says what the document does not — no 0 for an absent
 * figure, no change without a prior year, no section the dataset does not hold.
 */
import { describe, expect, it } from 'vitest'
import { computeChecks } from '@/domain/checks'
import { availableTrees, computeBranch, computeFocus, computeNodeFigures, computeSunburstData, parseClassificationQuery, selectProcurement } from '@/domain/classification'
import { computeComparison } from '@/domain/compare'
import { computeIncomeSources, computeLargestClasses, computeOverview, computeProjectCategories } from '@/domain/derive'
import { computeFlags } from '@/domain/flags'
import { computeFlows } from '@/domain/flows'
import { computeTaskSummary } from '@/domain/performance'
import { THREE_PUBLIC_ITEMS, type ThreePublicItem } from '@/domain/schema'
import { buildSearchIndex } from '@/domain/search'
import { computeHeadlineTargets, computeStory, type StoryParam, type StoryPhrase } from '@/domain/story'
import { buildTables, computeGapRows } from '@/domain/tables'
import type { Text } from '@/domain/types'
import { makeMinimalDataset } from '../helpers/minimal'
import { toBudget } from '../helpers/mount'

const raw = makeMinimalDataset()
const b = toBudget(raw)
/** The only amounts the document states. */
const STATED = new Set([raw.functional.unit.total, ...raw.functional.rows.map((r) => r.total)])
const expectStated = (value: number | undefined, what: string): void => {
  if (value !== undefined) expect(STATED, what).toContain(value)
}

describe('a minimal dataset', () => {
  it('overview: the table’s total, no income, no split, no 三公, no change', () => {
    const ov = computeOverview(b)
    expect(ov.expenditure).toEqual({ current: raw.functional.unit.total })
    for (const key of ['income', 'basic', 'project', 'threePublic', 'staffing'] as const) expect(ov[key], key).toBeUndefined()
    expect(ov.changeReasons).toEqual([])
    expect(computeLargestClasses(b, 'functional').map((c) => c.value)).toEqual(
      raw.functional.rows.filter((r) => r.code.length === 3).map((r) => r.total).sort((a, z) => z - a).slice(0, 3),
    )
    expect(computeLargestClasses(b, 'economic')).toEqual([])
    expect(computeProjectCategories(b)).toEqual([])
    expect(computeIncomeSources(b)).toEqual([])
  })

  it('story: how much and what for, from the functional table only, with no change and no split', () => {
    const story = computeStory(b)
    expect(story.length).toBeGreaterThan(0)
    const ids = story.map((s) => s.id)
    for (const absent of ['income', 'split', 'economic', 'change', 'changeReasons', 'threePublic', 'projectLargest', 'projectChange', 'targets'])
      expect(ids, absent).not.toContain(absent)
    const params = (p: StoryPhrase): StoryParam[] => Object.values(p.params).flatMap((x) => (x.kind === 'list' ? [x, ...x.items.flatMap(params)] : [x]))
    for (const s of story)
      for (const p of params(s)) {
        expect(p.kind, s.id).not.toBe('change')
        if (p.kind === 'amount') expectStated(p.value, `${s.id} amount`)
      }
    expect(computeHeadlineTargets(b)).toEqual([])
  })

  it('comparison: current figures only, no prior figure and no economic detail', () => {
    const c = computeComparison(b, new Map())
    for (const item of [...c.items, ...c.detail.functional]) {
      expectStated(item.current, item.id)
      expect(item.prior, item.id).toBeUndefined()
      expect(item.change, item.id).toBeUndefined()
    }
    expect(c.detail.functional.map((i) => i.current)).toEqual(raw.functional.rows.map((r) => r.total))
    expect(c.detail.economic).toEqual([])
  })

  it('checks and flags: the functional table’s own sums only, nothing flagged', () => {
    const checks = computeChecks(b)
    expect(checks.every((c) => c.id.startsWith('functional.') && c.verdict === 'ok')).toBe(true)
    expect(computeFlags(b, checks)).toEqual([])
    expect(computeGapRows(b, checks).size).toBe(0)
  })

  it('search: the functional rows and nothing the dataset does not hold', () => {
    const names = Object.fromEntries(THREE_PUBLIC_ITEMS.map((i) => [i, { zh: i, en: i }])) as Record<ThreePublicItem, Text>
    const index = buildSearchIndex(b, { threePublicNames: names, codeGlossary: null })
    expect(new Set(index.map((e) => e.kind))).toEqual(new Set(['functional']))
    expect(index).toHaveLength(raw.functional.rows.length)
  })

  it('tables: its one table, totals only, every figure as stated', () => {
    const tables = buildTables(b)
    expect(tables.map((t) => [t.number, t.kind, t.status, t.derived])).toEqual(raw.tables.map((t) => [t.number, t.kind, 'published', false]))
    expect(tables[0]!.title).toEqual({ text: raw.tables[0]!.title })
    const [section] = tables[0]!.sections
    expect(section!.columns.map((c) => c.id)).toEqual(['name', 'total'])
    for (const row of section!.rows) for (const cell of row.cells) expect(cell.kind === 'amount' && STATED.has(cell.value), row.id).toBe(true)
  })

  it('flows: the functional graph balances on stated figures; asked for the economic one, it says it shows the functional', () => {
    const graph = computeFlows(b, 'functional')
    expect(graph.gaps).toEqual([])
    for (const n of graph.nodes) expectStated(n.value, n.id)
    expect(graph.nodes.filter((n) => n.kind === 'split')).toEqual([])
    // Its classes' labels and links name the classification drawn, never "economic" over functional codes.
    expect(computeFlows(b, 'economic')).toEqual(graph)
    expect(graph.classification).toBe('functional')
  })

  it('classification: the functional tree and its total only; an economic or basic request falls back', () => {
    expect(availableTrees(b)).toEqual(['functional'])
    expect(parseClassificationQuery({ tree: 'economic', measure: 'basic' }, b)).toEqual({ tree: 'functional', measure: 'total' })
    const branch = computeBranch(b.functionalTree, undefined, 'total')
    expect(branch.value).toBe(raw.functional.unit.total)
    expect(branch.gap).toBe(0)
    const sunburst = computeSunburstData(b.functionalTree, computeFocus(b.functionalTree, undefined), 'total', 3)
    expect(sunburst.nodes.length).toBe(b.functionalTree.roots.length)
    const node = b.functionalTree.roots[0]!
    expect(Object.keys(computeNodeFigures(b.functionalTree, node))).toEqual(['total'])
    expect(selectProcurement(b, node.code)).toBeUndefined()
  })

  it('performance: no task summary', () => {
    expect(computeTaskSummary(b)).toBeUndefined()
  })
})
