import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '@/router'
import { useBudgetStore } from '@/stores/budget'
import { useDatasetRoute } from '@/composables/useDatasetRoute'
import { makeMultiFolder, makeSingleFolder, type FixtureFolder } from '../../fixtures/catalogues'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'
import { createTestI18n } from '../helpers/i18n'

function serve(folder: FixtureFolder): { requests: string[] } {
  const files: Record<string, FakeFile> = { 'index.json': { json: folder.catalogue } }
  for (const [name, json] of Object.entries(folder.files)) files[name] = { json }
  return stubDataFolder(files)
}

describe('useBudgetStore: the dataset a link names', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('loads the department, year and phase asked for', async () => {
    serve(makeMultiFolder())
    const store = useBudgetStore()
    await store.load({ departmentId: 'test-department', year: '2030', phase: 'final' })
    expect(store.status).toBe('ready')
    expect(store.budget?.id).toBe('test-department-2030-final')
    expect(store.selected?.id).toBe('test-department-2030-final')
  })

  it('reports an unknown department as its own error, offering the departments, and loads no dataset', async () => {
    const { requests } = serve(makeMultiFolder())
    const store = useBudgetStore()
    await store.load({ departmentId: 'no-such-department', year: '2030' })
    expect(store.status).toBe('error')
    expect(store.error?.kind).toBe('unknownDataset')
    expect(store.error?.missing).toMatchObject({ what: 'department', departmentId: 'no-such-department' })
    expect(store.budget).toBeNull()
    expect(requests.map((r) => r.split('/').pop())).toEqual(['index.json'])
  })

  it('reports a year the department does not have, with the years it has', async () => {
    serve(makeMultiFolder())
    const store = useBudgetStore()
    await store.load({ departmentId: 'other-department', year: '2029' })
    expect(store.error?.missing?.what).toBe('year')
    const missing = store.error?.missing
    if (missing?.what !== 'year') throw new Error('expected a missing year')
    expect(missing.department.datasets.map((d) => d.year)).toEqual([2030])
  })

  it('does not load again when the URL is completed to name the dataset already shown', async () => {
    const { requests } = serve(makeMultiFolder())
    const store = useBudgetStore()
    await store.load()
    const before = requests.length
    expect(store.ensureLoaded({ departmentId: 'test-department', year: '2030' })).toBeUndefined()
    expect(requests.length).toBe(before)
    await store.ensureLoaded({ departmentId: 'test-department', year: '2029' })
    expect(store.budget?.id).toBe('test-department-2029')
  })
})

describe(useDatasetRoute, () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })
  const Probe = defineComponent({
    setup() {
      useDatasetRoute()
      return () => null
    },
  })

  /** Entries added to the history (the first navigation replaces the start entry). */
  let pushed: string[] = []

  async function open(folder: FixtureFolder, path: string) {
    serve(folder)
    setActivePinia(createPinia())
    const history = createMemoryHistory()
    const push = history.push.bind(history)
    pushed = []
    history.push = (to, state) => {
      pushed.push(to)
      push(to, state)
    }
    const router = createAppRouter(history)
    await router.push(path)
    await router.isReady()
    const store = useBudgetStore()
    mount(Probe, { global: { plugins: [router, createTestI18n()] } })
    await vi.waitFor(() => expect(store.status === 'ready' || store.status === 'error').toBe(true))
    await flushPromises()
    return { router, store }
  }

  it('completes a URL without dataset parameters with the default dataset, in place', async () => {
    const { router, store } = await open(makeSingleFolder(), '/en/flows?tree=economic')
    expect(store.budget?.id).toBe('test-department-2030')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/en/flows?dept=test-department&year=2030&tree=economic'))
    // In place: no history entry, so Back does not return to the incomplete URL.
    expect(pushed).toEqual([])
  })

  it('rewrites the old ?d= link to department and year', async () => {
    const { router, store } = await open(makeMultiFolder(), '/zh-CN/checks?d=test-department-2030-final&verdict=rounding')
    expect(store.budget?.id).toBe('test-department-2030-final')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/zh-CN/checks?dept=test-department&year=2030&phase=final&verdict=rounding'))
  })

  it('loads the dataset a changed URL names', async () => {
    const { router, store } = await open(makeMultiFolder(), '/en?dept=test-department&year=2030')
    await router.push({ query: { dept: 'other-department', year: '2030' } })
    expect(pushed).toEqual(['/en?dept=other-department&year=2030'])
    await vi.waitFor(() => expect(store.budget?.id).toBe('other-department-2030'))
    expect(router.currentRoute.value.fullPath).toBe('/en?dept=other-department&year=2030')
  })

  it('leaves a URL naming a missing department as it is, with the error', async () => {
    const { router, store } = await open(makeMultiFolder(), '/en?dept=nowhere&year=2030')
    expect(store.error?.missing?.what).toBe('department')
    expect(router.currentRoute.value.fullPath).toBe('/en?dept=nowhere&year=2030')
  })
})
