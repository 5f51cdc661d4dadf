import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildSearchIndex, glossaryTermId, MATCH_RANKS, resolveTargetQuery, searchIndex, type SearchIndexContext } from '@/domain/search'
import { parseCodeGlossary, type CodeGlossary } from '@/domain/codeGlossary'
import { THREE_PUBLIC_ITEMS, type RawDataset, type ThreePublicItem } from '@/domain/schema'
import { flattenTree } from '@/domain/tree'
import type { Text } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'
import { economicTreeOf, readYantian } from '../helpers/present'

const real = readYantian
function realGlossary(): CodeGlossary {
  const parsed = parseCodeGlossary(JSON.parse(readFileSync('public/data/glossary-codes.json', 'utf8')))
  if (!parsed.ok) throw new Error(parsed.problem.details.join('\n'))
  return parsed.value
}
const names = Object.fromEntries(THREE_PUBLIC_ITEMS.map((i) => [i, { zh: `三公-${i}`, en: `Three public ${i}` }])) as Record<ThreePublicItem, Text>
const ctx = (codeGlossary?: CodeGlossary): SearchIndexContext => ({ threePublicNames: names, codeGlossary: codeGlossary ?? null })
const rank = (r: { rank: string }): number => MATCH_RANKS.indexOf(r.rank as (typeof MATCH_RANKS)[number])

describe(buildSearchIndex, () => {
  it('indexes every classification row, income line, category, 三公 item, task, indicator and glossary term', () => {
    const raw = makeDataset()
    const b = toBudget(raw)
    const index = buildSearchIndex(b, ctx())
    const count = (kind: string): number => index.filter((e) => e.kind === kind).length
    expect(count('functional')).toBe(flattenTree(b.functionalTree).length)
    expect(count('economic')).toBe(flattenTree(economicTreeOf(b)).length)
    expect(count('incomeLine')).toBe(raw.incomeStatement.lines.length)
    expect(count('category')).toBe(raw.projectExpenditure.categories.length)
    expect(count('threePublic')).toBe(THREE_PUBLIC_ITEMS.length)
    expect(count('task')).toBe(raw.performance.tasks.length)
    const performance: NonNullable<RawDataset['performance']> = raw.performance
    expect(count('indicator')).toBe(performance.dimensions.flatMap((d) => d.indicators).length)
    expect(count('term')).toBe(raw.glossary.length)
  })

  it('gives each result the route that shows it', () => {
    const raw = makeDataset()
    const b = toBudget(raw)
    const index = buildSearchIndex(b, ctx())
    const row = economicTreeOf(b).roots[0]!
    expect(index.find((e) => e.kind === 'economic' && e.key === row.code)!.target).toEqual({ name: 'classification', query: { tree: 'economic', node: row.code } })
    const cat = raw.projectExpenditure.categories[0]!
    expect(index.find((e) => e.kind === 'category')!.target).toEqual({ name: 'compare', query: { item: `project.${cat.id}` } })
    expect(index.find((e) => e.kind === 'threePublic' && e.key === 'reception')!.target).toEqual({ name: 'compare', query: { item: 'threePublic.reception' } })
    const task = index.find((e) => e.kind === 'task')!
    expect(task.target.name).toBe('performance')
    expect(resolveTargetQuery(task.target, 'en')).toEqual({ q: raw.performance.tasks[0]!.name.en })
    expect(resolveTargetQuery(task.target, 'zh-CN')).toEqual({ q: raw.performance.tasks[0]!.name.zh })
    expect(index.find((e) => e.kind === 'term')!.target).toEqual({ name: 'glossary', query: { term: glossaryTermId(0) } })
  })
})

describe(searchIndex, () => {
  const budget = toBudget(real())
  const index = buildSearchIndex(budget, ctx(realGlossary()))

  it('puts the exact code first, then codes that start with it', () => {
    const results = searchIndex(index, '2011308')
    expect(results[0]!.entry.code).toBe('2011308')
    expect(results[0]!.rank).toBe('codeExact')
    const prefix = searchIndex(index, '20113')
    expect(prefix[0]!.entry.code).toBe('20113')
    const under = flattenTree(budget.functionalTree).filter((n) => n.code.startsWith('20113') && n.code !== '20113')
    expect(prefix.slice(1, 1 + under.length).map((r) => r.entry.code)).toEqual(under.map((n) => n.code))
    expect(prefix.slice(1, 1 + under.length).every((r) => r.rank === 'codePrefix')).toBe(true)
  })

  it('finds 委托业务费 (30227) by its Chinese name, exact match first', () => {
    const results = searchIndex(index, '委托业务费')
    expect(results[0]!.entry.code).toBe('30227')
    expect(results[0]!.rank).toBe('nameExact')
  })

  it('finds every housing row in English, case-insensitively, names before explanations', () => {
    const results = searchIndex(index, 'Housing')
    const found = results.map((r) => r.entry.code)
    const housing = flattenTree(budget.functionalTree).filter((n) => n.code.startsWith(budget.functionalTree.byCode.get('221')!.code))
    expect(housing.length).toBeGreaterThan(1)
    for (const n of housing) expect(found).toContain(n.code)
    const ranks = results.map(rank)
    expect([...ranks].sort((a, z) => a - z)).toEqual(ranks)
    expect(searchIndex(index, 'housing').map((r) => r.entry.key)).toEqual(results.map((r) => r.entry.key))
  })

  it('matches English by word, not inside words', () => {
    expect(searchIndex(index, 'using').some((r) => (r.entry.name.en ?? r.entry.name.zh).toLowerCase().includes('housing'))).toBe(false)
    expect(searchIndex(index, 'hous').length).toBeGreaterThan(0)
  })

  it('matches Chinese by substring, anywhere in the name', () => {
    const results = searchIndex(index, '公积金')
    expect(results.length).toBeGreaterThan(0)
    expect(results.every((r) => r.entry.name.zh.includes('公积金') || r.entry.explanation?.zh.includes('公积金'))).toBe(true)
  })

  it.each([
    ['招商引资', 'nameExact'],
    ['招商', 'namePrefix'],
    ['次数', 'nameContains'],
    ['Task', 'namePrefix'],
    ['one', 'nameContains'],
    ['保障机构运转', 'explanationContains'],
  ])('ranks %s as %s in the fixture', (query, expected) => {
    const fixture = buildSearchIndex(toBudget(makeDataset()), ctx())
    const results = searchIndex(fixture, query)
    expect(results[0]!.rank).toBe(expected)
    const ranks = results.map(rank)
    expect([...ranks].sort((a, z) => a - z)).toEqual(ranks)
  })

  it('accepts full-width digits and surrounding spaces, and finds nothing for an empty query', () => {
    expect(searchIndex(index, ' ３０２２７ ')[0]!.entry.code).toBe('30227')
    expect(searchIndex(index, '   ')).toEqual([])
  })

  it('keeps at most `limit` results', () => {
    expect(searchIndex(index, '3', 5)).toHaveLength(5)
  })
})
