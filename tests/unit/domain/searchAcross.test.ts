import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildSearchIndex, searchIndex, type SearchIndexContext } from '@/domain/search'
import { otherDatasetsInSearchOrder, searchAcross, type DatasetIndex } from '@/domain/searchAcross'
import { THREE_PUBLIC_ITEMS, type RawCatalogue, type RawDataset, type ThreePublicItem } from '@/domain/schema'
import { flattenTree } from '@/domain/tree'
import type { Text } from '@/domain/types'
import { makeMultiFolder } from '../../fixtures/catalogues'
import { toBudget } from '../helpers/mount'

const IMPORTED = 'tests/fixtures/imported'
const readJson = <T>(file: string): T => JSON.parse(readFileSync(`${IMPORTED}/${file}`, 'utf8')) as T
const names = Object.fromEntries(THREE_PUBLIC_ITEMS.map((i) => [i, { zh: `三公-${i}`, en: `Three public ${i}` }])) as Record<ThreePublicItem, Text>
const ctx: SearchIndexContext = { threePublicNames: names, codeGlossary: null }

/** The four real documents, indexed, in catalogue order. */
function realIndexes(): DatasetIndex[] {
  const catalogue = readJson<RawCatalogue>('index.json')
  return catalogue.datasets.map((dataset) => ({ dataset, index: buildSearchIndex(toBudget(readJson<RawDataset>(dataset.file)), ctx) }))
}
/** Functional codes printed by every one of the indexes' documents. */
function sharedCodes(indexes: DatasetIndex[]): string[] {
  const sets = indexes.map((d) => new Set(d.index.filter((e) => e.kind === 'functional').map((e) => e.key)))
  return [...(sets[0] ?? [])].filter((code) => sets.every((s) => s.has(code)))
}

describe(otherDatasetsInSearchOrder, () => {
  const { catalogue } = makeMultiFolder()
  const id = (d: { id: string }): string => d.id

  it("lists the open department's other years first (latest first, budget before final), then the other departments", () => {
    expect(otherDatasetsInSearchOrder(catalogue, 'test-department-2029').map(id)).toEqual([
      'test-department-2030',
      'test-department-2030-final',
      'test-department-2028',
      'other-department-2030',
    ])
    expect(otherDatasetsInSearchOrder(catalogue, 'other-department-2030').map(id)).toEqual([
      'test-department-2030',
      'test-department-2030-final',
      'test-department-2029',
      'test-department-2028',
    ])
  })

  it('lists every dataset when none is open', () => {
    expect(otherDatasetsInSearchOrder(catalogue, undefined)).toHaveLength(catalogue.datasets.length)
  })
})

describe(searchAcross, () => {
  const indexes = realIndexes()

  it('finds a code printed by all four real documents in each, labelled with its dataset', () => {
    const code = sharedCodes(indexes)[0]
    expect(code).toBeDefined()
    const found = searchAcross(indexes, code!, { groups: 10, perGroup: 3 })
    expect(found.groups.map((g) => g.dataset.id)).toEqual(indexes.map((d) => d.dataset.id))
    for (const g of found.groups) {
      expect(g.results[0]).toMatchObject({ rank: 'codeExact', entry: { code } })
      expect(g.total).toBe(searchIndex(indexes.find((d) => d.dataset.id === g.dataset.id)!.index, code!, 1000).length)
    }
    expect(found.datasets).toBe(4)
    expect(found.total).toBe(found.groups.reduce((n, g) => n + g.total, 0))
  })

  it('puts the dataset with the best match first, whatever its place in the order', () => {
    // A code of the last document that is not a code of the first: exact in the last, at best a prefix elsewhere.
    const first = indexes[0]!
    const last = indexes.at(-1)!
    const firstCodes = new Set(first.index.map((e) => e.code))
    const code = last.index.find((e) => e.code && !firstCodes.has(e.code) && first.index.some((f) => f.code?.startsWith(e.code!.slice(0, 3))))?.code
    expect(code).toBeDefined()
    const prefix = code!.slice(0, code!.length - 2)
    const found = searchAcross([first, last], code!)
    expect(found.groups[0]?.dataset.id).toBe(last.dataset.id)
    expect(found.groups[0]?.results[0]?.rank).toBe('codeExact')
    // Among equals, the order given is kept.
    const equal = searchAcross([first, last], prefix.slice(0, 3))
    expect(equal.groups.map((g) => g.dataset.id)).toEqual([first.dataset.id, last.dataset.id])
  })

  it('shows at most `groups` datasets and `perGroup` hits each, and counts all the others', () => {
    const query = '2'
    const found = searchAcross(indexes, query, { groups: 2, perGroup: 1 })
    expect(found.groups).toHaveLength(2)
    for (const g of found.groups) expect(g.results).toHaveLength(1)
    const everyHit = indexes.reduce((n, d) => n + searchIndex(d.index, query, 100000).length, 0)
    expect(found.total).toBe(everyHit)
    expect(found.datasets).toBe(4)
  })

  it('leaves out datasets without a hit, and finds English names only where a dataset has them', () => {
    const yantian = indexes.find((d) => d.dataset.departmentId.startsWith('yantian'))!
    const row = flattenTree(toBudget(readJson<RawDataset>(yantian.dataset.file)).functionalTree).find((n) => n.name.en && n.code.length === 7)!
    const found = searchAcross(indexes, row.name.en!)
    expect(found.groups.map((g) => g.dataset.id)).toContain(yantian.dataset.id)
    expect(searchAcross(indexes, '没有这样的东西').groups).toEqual([])
    expect(searchAcross(indexes, '   ').total).toBe(0)
  })
})
