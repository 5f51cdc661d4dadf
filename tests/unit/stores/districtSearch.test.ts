import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { THREE_PUBLIC_ITEMS, type RawCatalogue, type RawDataset, type ThreePublicItem } from '@/domain/schema'
import type { SearchIndexContext } from '@/domain/search'
import type { Text } from '@/domain/types'
import { useBudgetStore } from '@/stores/budget'
import { SEARCH_CONCURRENCY, useDistrictSearchStore } from '@/stores/districtSearch'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'

const IMPORTED = 'tests/fixtures/imported'
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
const catalogue = readJson<RawCatalogue>(`${IMPORTED}/index.json`)
const names = Object.fromEntries(THREE_PUBLIC_ITEMS.map((i) => [i, { zh: i, en: i }])) as Record<ThreePublicItem, Text>
const ctx: SearchIndexContext = { threePublicNames: names, codeGlossary: null }

/** The four real documents and the shared English names, as served. */
function folder(): Record<string, FakeFile> {
  const files: Record<string, FakeFile> = { 'classification-names.json': { json: readJson('public/data/classification-names.json') } }
  for (const d of catalogue.datasets) files[d.file] = { json: readJson(`${IMPORTED}/${d.file}`) }
  return files
}
const [first, ...others] = catalogue.datasets

describe('useDistrictSearchStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('reads the other datasets without changing the open one, and lists the one it could not read', async () => {
    const broken = others[1]!
    const { requests } = stubDataFolder({ ...folder(), [broken.file]: { text: '{"schemaVersion": 2,' } })
    const store = useDistrictSearchStore()
    const done = store.ensure(catalogue, others, ctx)
    expect(store.searching).toBe(true)
    expect(store.wanted).toBe(others.length)
    await done
    expect(store.searching).toBe(false)
    expect(store.done).toBe(others.length)
    expect([...store.indexes.keys()].sort()).toEqual(others.filter((d) => d !== broken).map((d) => d.id).sort())
    expect(store.failures).toEqual([{ dataset: broken, error: expect.objectContaining({ kind: 'json', file: broken.file }) }])
    expect(requests.some((r) => r.endsWith(first!.file))).toBe(false)
    const budget = useBudgetStore()
    expect(budget.budget).toBeNull()
    expect(budget.selected).toBeUndefined()

    // Asking again reads nothing already read (nor, on every keystroke, what failed).
    const before = requests.length
    await store.ensure(catalogue, catalogue.datasets, ctx)
    expect(requests.slice(before).map((r) => r.split('/').pop())).toEqual([first!.file])
    expect(store.indexes.size).toBe(catalogue.datasets.length - 1)
  })

  it('keeps what it read when the catalogue is fetched again (each dataset opened reloads it), not when it changes', async () => {
    const { requests } = stubDataFolder(folder())
    const store = useDistrictSearchStore()
    await store.ensure(catalogue, others, ctx)
    const before = requests.length
    const again = JSON.parse(JSON.stringify(catalogue)) as RawCatalogue
    await store.ensure(again, others, ctx)
    expect(requests.length).toBe(before)
    expect(store.indexes.size).toBe(others.length)
    // A catalogue that lists other files is another catalogue: nothing of the old one is kept.
    const changed = { ...again, datasets: again.datasets.slice(0, 2) }
    await store.ensure(changed, changed.datasets.slice(1), ctx)
    expect([...store.indexes.keys()]).toEqual([changed.datasets[1]!.id])
  })

  it('gives a dataset read with Chinese names only the shared English names of its codes', async () => {
    const plain = others.find((d) => d.department.en === undefined)!
    const raw = readJson<RawDataset>(`${IMPORTED}/${plain.file}`)
    const translated = raw.functional.rows.filter((r) => r.name.en !== undefined)
    expect(translated.length).toBeGreaterThan(0)
    const chineseOnly: RawDataset = { ...raw, functional: { ...raw.functional, rows: raw.functional.rows.map((r) => ({ ...r, name: { zh: r.name.zh } })) } }
    stubDataFolder({ ...folder(), [plain.file]: { json: chineseOnly } })
    const store = useDistrictSearchStore()
    await store.ensure(catalogue, [plain], ctx)
    const entries = store.indexes.get(plain.id)!.filter((e) => e.kind === 'functional')
    for (const row of translated) expect(entries.find((e) => e.code === row.code)?.name.en).toBe(row.name.en)
  })

  it(`reads at most ${SEARCH_CONCURRENCY} datasets at once`, async () => {
    // Twelve entries of one department, each its own file: copies of the real documents.
    const files = folder()
    const many = Array.from({ length: 12 }, (_, i) => {
      const source = catalogue.datasets[i % catalogue.datasets.length]!
      return { ...source, id: `copy-${i}`, file: `copy-${i}.json` }
    })
    for (const [i, d] of many.entries()) files[d.file] = files[catalogue.datasets[i % catalogue.datasets.length]!.file]!
    stubDataFolder(files)
    const inner = globalThis.fetch
    let open = 0
    let most = 0
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      most = Math.max(most, ++open)
      await new Promise((r) => setTimeout(r, 5))
      try {
        return await inner(input)
      } finally {
        open--
      }
    })
    const store = useDistrictSearchStore()
    await store.ensure({ ...catalogue, datasets: many }, many, ctx)
    expect(store.indexes.size).toBe(many.length)
    expect(most).toBeGreaterThan(1)
    expect(most).toBeLessThanOrEqual(SEARCH_CONCURRENCY)
  })
})
