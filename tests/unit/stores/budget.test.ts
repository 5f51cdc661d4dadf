import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from '@/composables/useAfterFirstPaint'
import { createPinia, setActivePinia } from 'pinia'
import { useBudgetStore } from '@/stores/budget'
import { makeCatalogue, makeDataset } from '../../fixtures/dataset'
import { stubDataFolder } from '../helpers/fetch'
import { makeMultiFolder, type FixtureFolder } from '../../fixtures/catalogues'

const DATA_FILE = 'test-department-2030.json'

describe('useBudgetStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('goes idle → loading → ready and exposes the dataset with its checks', async () => {
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { json: makeDataset() } })
    const store = useBudgetStore()
    expect(store.status).toBe('idle')
    const pending = store.load()
    expect(store.status).toBe('loading')
    await pending
    expect(store.status).toBe('ready')
    expect(store.budget?.id).toBe(makeDataset().id)
    expect(store.overview?.expenditure.current).toBe(makeDataset().overview.expenditure.amount)
    expect(store.verdictCounts.mismatch).toBe(0)
  })

  it('fetches relative to the page, so the app works under a sub-path', async () => {
    const { requests } = stubDataFolder({ 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { json: makeDataset() } })
    await useBudgetStore().load()
    const base = new URL('data/', document.baseURI).href
    expect(requests).toEqual([`${base}index.json`, `${base}${DATA_FILE}`])
  })

  it.each([
    ['a missing catalogue', { [DATA_FILE]: { json: makeDataset() } }, 'http', 'index.json'],
    ['a missing dataset', { 'index.json': { json: makeCatalogue() } }, 'http', DATA_FILE],
    ['a dataset that is not JSON', { 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { text: '{"schemaVersion": 1,' } }, 'json', DATA_FILE],
    ['a catalogue that fails the schema', { 'index.json': { json: { datasets: 'none' } } }, 'schema', 'index.json'],
    ['an unreachable server', { 'index.json': { networkError: true } }, 'network', 'index.json'],
  ] as const)('reports %s as an error with no budget', async (_name, files, kind, file) => {
    stubDataFolder(files)
    const store = useBudgetStore()
    await store.load()
    expect(store.status).toBe('error')
    expect(store.error).toMatchObject({ kind, file })
    expect(store.budget).toBeNull()
  })

  it('refuses a dataset that fails the schema, naming the field', async () => {
    const broken = makeDataset() as unknown as { economic: { unit: { total: unknown } } }
    broken.economic.unit.total = 'lots'
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { json: broken } })
    const store = useBudgetStore()
    await store.load()
    expect(store.error?.kind).toBe('schema')
    expect(store.error?.details.join(' ')).toContain('economic.unit.total')
  })

  it('loads a dataset whose totals contradict each other, and reports the contradictions as mismatch checks', async () => {
    // Format 2: a contradiction is the document's finding, shown and flagged, no longer a reason to refuse the file.
    const raw = makeDataset()
    raw.functional.rows[0]!.total += 50
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { json: raw } })
    const store = useBudgetStore()
    await store.load()
    expect(store.status).toBe('ready')
    expect(store.error).toBeNull()
    expect(store.budget?.functionalTree.byCode.get(raw.functional.rows[0]!.code)?.total).toBe(raw.functional.rows[0]!.total)
    // The check families load after the first screen, once the page is idle.
    await whenIdle()
    await vi.dynamicImportSettled()
    const mismatches = store.checks.filter((c) => c.verdict === 'mismatch')
    expect(mismatches.some((c) => c.id.startsWith('functional.'))).toBe(true)
    expect(store.verdictCounts.mismatch).toBe(mismatches.length)
  })

  it('recovers on retry once the file is fixed', async () => {
    stubDataFolder({ 'index.json': { json: makeCatalogue() } })
    const store = useBudgetStore()
    await store.load()
    expect(store.status).toBe('error')
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { json: makeDataset() } })
    await store.retry()
    expect(store.status).toBe('ready')
    expect(store.error).toBeNull()
  })

  it('loads the department’s other years in the background and skips a broken one', async () => {
    const prior = makeDataset()
    prior.id = 'test-department-2029'
    prior.year = 2029
    const catalogue = makeCatalogue([
      { id: 'test-department-2029', year: 2029, file: 'prior.json' },
      { id: 'test-department-2028', year: 2028, file: 'broken.json' },
    ])
    stubDataFolder({ 'index.json': { json: catalogue }, [DATA_FILE]: { json: makeDataset() }, 'prior.json': { json: prior }, 'broken.json': { text: 'oops' } })
    const store = useBudgetStore()
    await store.load()
    await vi.waitFor(() => expect(store.otherYears.size).toBe(1))
    expect(store.status).toBe('ready')
    expect(store.otherYears.get(2029)?.id).toBe('test-department-2029')
  })

  it('shows an unknown dataset id in the link as an error', async () => {
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { json: makeDataset() } })
    const store = useBudgetStore()
    await store.load('no-such-dataset')
    expect(store.error?.kind).toBe('unknownDataset')
  })
})

describe('the district landing reads the catalogue alone', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())
  const folderFiles = (folder: FixtureFolder) => ({ 'index.json': { json: folder.catalogue }, ...Object.fromEntries(Object.entries(folder.files).map(([name, json]) => [name, { json }])) })

  it('loads no dataset for a request naming no department in a catalogue of several, and the named one after', async () => {
    const folder = makeMultiFolder()
    const { requests } = stubDataFolder(folderFiles(folder))
    const store = useBudgetStore()
    await store.ensureLoaded({}, 'landing')
    expect(store.status).toBe('ready')
    expect(store.catalogue?.datasets).toHaveLength(folder.catalogue.datasets.length)
    expect(store.budget).toBeNull()
    expect(requests.map((r) => r.split('/').pop())).toEqual(['index.json'])
    // Asked again (the landing's own route), nothing more is fetched.
    expect(store.ensureLoaded({}, 'landing')).toBeUndefined()
    const other = folder.catalogue.datasets.at(-1)!
    await store.ensureLoaded({ departmentId: other.departmentId, year: other.year })
    expect(store.budget?.id).toBe(other.id)
    // Back on the landing, the dataset read stays and nothing is fetched.
    const fetched = requests.length
    expect(store.ensureLoaded({}, 'landing')).toBeUndefined()
    expect(requests).toHaveLength(fetched)
    expect(store.budget?.id).toBe(other.id)
  })

  it('loads the default dataset for a view that shows one, and for a catalogue of one department', async () => {
    const folder = makeMultiFolder()
    stubDataFolder(folderFiles(folder))
    const store = useBudgetStore()
    await store.ensureLoaded({}, 'dataset')
    expect(store.budget?.id).toBe(folder.catalogue.datasets[0]?.id)
    setActivePinia(createPinia())
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, [DATA_FILE]: { json: makeDataset() } })
    const single = useBudgetStore()
    await single.ensureLoaded({}, 'landing')
    expect(single.budget?.id).toBe(makeDataset().id)
  })
})
