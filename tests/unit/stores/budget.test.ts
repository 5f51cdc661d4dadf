import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from '@/composables/useAfterFirstPaint'
import { createPinia, setActivePinia } from 'pinia'
import { useBudgetStore } from '@/stores/budget'
import { makeCatalogue, makeDataset } from '../../fixtures/dataset'
import { stubDataFolder } from '../helpers/fetch'

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
