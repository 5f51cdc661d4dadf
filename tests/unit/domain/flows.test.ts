import { describe, expect, it } from 'vitest'
import { computeFlowSums, computeFlows, type FlowGraph } from '@/domain/flows'
import { sumAmounts } from '@/domain/checks'
import { parseDataset } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import { CLASSIFICATIONS, type Budget } from '@/domain/types'
import { makeDataset, type FixtureDataset } from '../../fixtures/dataset'
import { economicTreeOf, figureOf, readYantian } from '../helpers/present'

function budgetOf(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

const REAL = readYantian()

/** Every node that has flows on both sides takes in what it gives out. */
function expectBalanced(graph: FlowGraph): void {
  const sums = computeFlowSums(graph)
  for (const node of graph.nodes) {
    const s = sums.get(node.id)!
    if (s.in > 0 && s.out > 0) expect(s.in, node.id).toBe(s.out)
  }
}

/** The fixture with one economic 类's project column raised by `delta` (and its total with it). */
function withProjectGap(delta: number): FixtureDataset {
  const raw = makeDataset()
  const row = raw.economic.rows.find((r) => r.code.length === 3 && r.project > 0)!
  row.project += delta
  row.total += delta
  return raw
}

describe(computeFlows, () => {
  it.each(CLASSIFICATIONS)('gives every %s node its published value and balances without gaps', (classification) => {
    const raw = makeDataset()
    const b = budgetOf(raw)
    const graph = computeFlows(b, classification)
    const unit = raw[classification].unit
    const value = (id: string): number | undefined => graph.nodes.find((n) => n.id === id)?.value
    expect(value('total')).toBe(unit.total)
    expect(value('basic')).toBe(unit.basic)
    expect(value('project')).toBe(unit.project)
    const line = raw.incomeStatement.lines.find((l) => l.id === 'generalPublicBudget')!
    expect(value('source:generalPublicBudget')).toBe(line.amount)
    for (const row of raw[classification].rows.filter((r) => r.code.length === 3)) expect(value(`class:${row.code}`)).toBe(row.total)
    expect(graph.gaps).toEqual([])
    expect(graph.nodes.some((n) => n.kind === 'gap')).toBe(false)
    expectBalanced(graph)
  })

  it('takes basic and project flows from the columns of each 类, leaving out zeros', () => {
    const raw = makeDataset()
    const graph = computeFlows(budgetOf(raw), 'functional')
    for (const row of raw.functional.rows.filter((r) => r.code.length === 3)) {
      for (const part of ['basic', 'project'] as const) {
        const link = graph.links.find((l) => l.source === part && l.target === `class:${row.code}`)
        if (row[part] === 0) expect(link).toBeUndefined()
        else expect(link?.value).toBe(row[part])
      }
    }
  })

  it('never links one classification to the other (the document has no cross-table)', () => {
    const b = budgetOf(makeDataset())
    for (const classification of CLASSIFICATIONS) {
      const graph = computeFlows(b, classification)
      const classIds = new Set(graph.nodes.filter((n) => n.kind === 'class').map((n) => n.id))
      expect(graph.links.filter((l) => classIds.has(l.source))).toEqual([])
      const codes = graph.nodes.filter((n) => n.kind === 'class').map((n) => n.code!)
      const tree = classification === 'functional' ? b.functionalTree : economicTreeOf(b)
      expect(codes).toEqual(tree.roots.map((r) => r.code))
    }
  })

  it('carries a column that adds up to more than its total in a labelled gap flowing in', () => {
    const raw = withProjectGap(1)
    const graph = computeFlows(budgetOf(raw), 'economic')
    const project = graph.nodes.find((n) => n.id === 'project')!
    expect(project.value).toBe(raw.economic.unit.project)
    expect(graph.gaps).toEqual([
      {
        nodeId: 'project',
        compared: 'out',
        published: raw.economic.unit.project,
        partsSum: sumAmounts(raw.economic.rows.filter((r) => r.code.length === 3).map((r) => r.project)),
        difference: 1,
        gapNodeId: 'gap:out:project',
      },
    ])
    const gapNode = graph.nodes.find((n) => n.id === 'gap:out:project')!
    expect(gapNode).toMatchObject({ kind: 'gap', value: 1, derived: true, depth: project.depth - 1 })
    expect(graph.links.filter((l) => l.derived)).toEqual([{ source: 'gap:out:project', target: 'project', value: 1, derived: true }])
    expectBalanced(graph)
  })

  it('carries a column that falls short of its total in a gap flowing out', () => {
    const raw = withProjectGap(-1)
    const graph = computeFlows(budgetOf(raw), 'economic')
    expect(graph.gaps.map((g) => [g.nodeId, g.difference])).toEqual([['project', -1]])
    expect(graph.links.filter((l) => l.derived)).toEqual([{ source: 'project', target: 'gap:out:project', value: 1, derived: true }])
    expect(graph.nodes.find((n) => n.id === 'gap:out:project')!.depth).toBe(graph.nodes.find((n) => n.id === 'project')!.depth + 1)
    expectBalanced(graph)
  })

  it('shows a carried-over balance as a source of its own', () => {
    const raw = makeDataset()
    raw.incomeStatement.carriedOver = 5
    const graph = computeFlows(budgetOf(raw), 'functional')
    expect(graph.nodes.find((n) => n.id === 'source:carriedOver')?.value).toBe(5)
    // Income now exceeds the published total by the carried-over balance: shown as a gap, not hidden.
    expect(graph.gaps).toMatchObject([{ nodeId: 'total', compared: 'in', difference: 5 }])
    expectBalanced(graph)
  })

  it('shows the published document: table 8 project column against the project total', () => {
    const b = budgetOf(REAL)
    const economic = computeFlows(b, 'economic')
    const projectParts = sumAmounts(economicTreeOf(b).roots.map((r) => figureOf(r, 'project')))
    expect(economic.gaps).toEqual([
      expect.objectContaining({ nodeId: 'project', published: figureOf(economicTreeOf(b), 'project'), partsSum: projectParts, difference: sumAmounts([projectParts, -figureOf(economicTreeOf(b), 'project')]) }),
    ])
    expectBalanced(economic)
    expect(computeFlows(b, 'functional').gaps).toEqual([])
  })
})
