import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useActualsStore } from '@/stores/actuals'
import { useBudgetStore } from '@/stores/budget'
import { makeCatalogue, makeDataset } from '../../fixtures/dataset'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'

const DATA_FILE = 'test-department-2030.json'
const ACTUALS_FILE = 'test-department-2030.actuals.json'
const actualsJson = (): { datasetId: string; actuals: { indicatorId: string }[] } =>
  JSON.parse(readFileSync(`tests/fixtures/actuals/${ACTUALS_FILE}`, 'utf8')) as { datasetId: string; actuals: { indicatorId: string }[] }

function catalogueWithActuals(actuals: string | undefined = ACTUALS_FILE) {
  const cat = makeCatalogue()
  return { ...cat, datasets: cat.datasets.map((d) => ({ ...d, ...(actuals ? { actuals } : {}) })) }
}

/** Loads the budget with the given actuals file answer and waits until the actuals store settles. */
async function loadWith(actuals: FakeFile | undefined, catalogue = catalogueWithActuals()) {
  const files: Record<string, FakeFile> = { 'index.json': { json: catalogue }, [DATA_FILE]: { json: makeDataset() } }
  if (actuals) files[ACTUALS_FILE] = actuals
  const { requests } = stubDataFolder(files)
  const budget = useBudgetStore()
  const store = useActualsStore()
  await budget.load()
  await new Promise((resolve) => setTimeout(resolve, 0))
  await vi.waitFor(() => expect(store.status).not.toBe('loading'))
  return { budget, store, requests }
}

describe('useActualsStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('stays empty and asks for nothing when the catalogue lists no actuals file', async () => {
    const { store, requests } = await loadWith(undefined, catalogueWithActuals(''))
    expect(store.status).toBe('none')
    expect(store.byIndicator.size).toBe(0)
    expect(requests.some((r) => r.endsWith('.actuals.json'))).toBe(false)
  })

  it('fetches the listed file from the data folder, validates it and exposes it by indicator', async () => {
    const json = actualsJson()
    const { store, requests } = await loadWith({ json })
    expect(store.status).toBe('ready')
    expect(requests).toContain(new URL(`data/${ACTUALS_FILE}`, document.baseURI).href)
    expect([...store.byIndicator.keys()]).toEqual(json.actuals.map((a) => a.indicatorId))
    expect(store.problem).toBeNull()
  })

  it.each([
    ['missing', { status: 404 }, 'http'],
    ['not JSON', { text: '{"schemaVersion": 1,' }, 'json'],
    ['unreachable', { networkError: true }, 'network'],
    ['of the wrong shape', { json: { schemaVersion: 1, actuals: 'none' } }, 'schema'],
    ['for another dataset', { json: { ...actualsJson(), datasetId: 'another-dataset' } }, 'mismatch'],
  ] as const)('reports a file that is %s, leaves every indicator pending and the budget ready', async (_name, answer, kind) => {
    const { store, budget } = await loadWith(answer)
    expect(store.status).toBe('error')
    expect(store.problem).toMatchObject({ kind, file: ACTUALS_FILE })
    expect(store.byIndicator.size).toBe(0)
    expect(budget.status).toBe('ready')
  })

  it('drops the actuals when another dataset without actuals is loaded', async () => {
    const { store, budget } = await loadWith({ json: actualsJson() })
    expect(store.status).toBe('ready')
    budget.catalogue = catalogueWithActuals('')
    await vi.waitFor(() => expect(store.status).toBe('none'))
    expect(store.byIndicator.size).toBe(0)
  })
})
