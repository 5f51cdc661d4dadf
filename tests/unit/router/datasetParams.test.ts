import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '@/router'
import { datasetLocation, entryQuery, isCanonicalFor, requestOf, viewQueryOf } from '@/router/datasetParams'
import { makeMultiFolder } from '../../fixtures/catalogues'

const entries = makeMultiFolder().catalogue.datasets
const entry = (id: string) => {
  const e = entries.find((d) => d.id === id)
  if (!e) throw new Error(id)
  return e
}

async function routerAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  return router
}

describe('dataset parameters in the URL', () => {
  it('writes a budget as dept and year, final accounts with phase=final', () => {
    expect(entryQuery(entry('test-department-2029'))).toEqual({ dept: 'test-department', year: '2029' })
    expect(entryQuery(entry('test-department-2030-final'))).toEqual({ dept: 'test-department', year: '2030', phase: 'final' })
  })

  it('reads what the URL asks for, the old ?d= included', () => {
    expect(requestOf({ dept: 'x', year: '2023', phase: 'final', node: '201' })).toEqual({ departmentId: 'x', year: '2023', phase: 'final' })
    expect(requestOf({ d: 'yantian-2023' })).toEqual({ id: 'yantian-2023' })
    expect(requestOf({ node: '201' })).toEqual({})
  })

  it('knows a canonical URL from one to complete', () => {
    const e = entry('test-department-2030-final')
    expect(isCanonicalFor({ dept: 'test-department', year: '2030', phase: 'final', node: '1' }, e)).toBe(true)
    expect(isCanonicalFor({ dept: 'test-department', year: '2030' }, e)).toBe(false)
    expect(isCanonicalFor({ d: e.id }, e)).toBe(false)
    expect(isCanonicalFor({}, e)).toBe(false)
  })

  it('keeps only the view state when asked to', () => {
    expect(viewQueryOf({ dept: 'x', year: '1', phase: 'final', d: 'y', node: '201', tree: 'economic' })).toEqual({ node: '201', tree: 'economic' })
  })
})

describe('carrying the dataset across navigation (one router guard)', () => {
  const DATASET = 'dept=test-department&year=2029'

  it.each([
    ['a nav link (named route, no query)', { name: 'flows', params: { locale: 'en' } }, `/en/flows?${DATASET}`],
    ['a view replacing its own query', { query: { verdict: 'rounding' } }, `/en/classification?${DATASET}&verdict=rounding`],
    ['the language switch', { name: 'classification', params: { locale: 'zh-CN' }, query: { node: '201' } }, `/zh-CN/classification?${DATASET}&node=201`],
    ['a path link', '/en', `/en?${DATASET}`],
  ] as const)('adds the current dataset to %s, in its href and where it lands', async (_name, to, expected) => {
    const router = await routerAt(`/en/classification?${DATASET}&node=201`)
    expect(router.resolve(to).fullPath).toBe(expected)
    await router.push(to)
    expect(router.currentRoute.value.fullPath).toBe(expected)
  })

  it('keeps replace as replace (no history entry for a view’s own state)', async () => {
    const history = createMemoryHistory()
    const router = createAppRouter(history)
    await router.push(`/en/checks?${DATASET}`)
    await router.push(`/en/flows?${DATASET}`)
    await router.replace({ query: { tree: 'economic' } })
    expect(router.currentRoute.value.fullPath).toBe(`/en/flows?${DATASET}&tree=economic`)
    router.back()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(router.currentRoute.value.fullPath).toBe(`/en/checks?${DATASET}`)
  })

  it('leaves a link that names a dataset as it is, and adds nothing when the page names none', async () => {
    const router = await routerAt(`/en/flows?${DATASET}`)
    expect(router.resolve({ name: 'flows', params: { locale: 'en' }, query: { dept: 'other-department', year: '2030' } }).fullPath).toBe(
      '/en/flows?dept=other-department&year=2030',
    )
    expect(router.resolve({ query: { d: 'x' } }).fullPath).toBe('/en/flows?d=x')
    const bare = await routerAt('/en/flows')
    expect(bare.resolve({ name: 'checks', params: { locale: 'en' } }).fullPath).toBe('/en/checks')
  })

  it('links to another dataset in the same view and language, without the old dataset’s selection', async () => {
    const router = await routerAt(`/en/classification?${DATASET}&node=201&tree=economic`)
    const to = datasetLocation(router.currentRoute.value, entry('test-department-2030-final'))
    expect(router.resolve(to).fullPath).toBe('/en/classification?dept=test-department&year=2030&phase=final')
    const fromNotFound = await routerAt('/en/nowhere')
    expect(fromNotFound.resolve(datasetLocation(fromNotFound.currentRoute.value, entry('other-department-2030'))).fullPath).toBe(
      '/zh-CN?dept=other-department&year=2030',
    )
  })
})
