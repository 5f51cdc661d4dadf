import { afterEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from '@/composables/useAfterFirstPaint'
import DataGate from '@/components/DataGate.vue'
import { makeCatalogue, makeDataset } from '../../fixtures/dataset'
import { stubDataFolder } from '../helpers/fetch'
import { mountWithApp } from '../helpers/mount'

describe('DataGate and ErrorPanel', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows an alert in the current language with a retry that recovers', async () => {
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, 'test-department-2030.json': { text: 'not json' } })
    const { wrapper, store } = await mountWithApp(DataGate, { locale: 'en', path: '/en' })
    await store.load()
    // The error panel's code loads when there is an error to explain.
    await vi.dynamicImportSettled()
    await wrapper.vm.$nextTick()
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain('not valid JSON')
    expect(alert.text()).toContain('test-department-2030.json')

    stubDataFolder({ 'index.json': { json: makeCatalogue() }, 'test-department-2030.json': { json: makeDataset() } })
    await alert.get('button').trigger('click')
    await vi.waitFor(() => expect(store.status).toBe('ready'))
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('lets a file whose figures contradict each other through, instead of an error (its checks flag the contradiction)', async () => {
    const raw = makeDataset()
    raw.functional.rows[0]!.total += 50
    stubDataFolder({ 'index.json': { json: makeCatalogue() }, 'test-department-2030.json': { json: raw } })
    const { wrapper, store } = await mountWithApp(DataGate)
    await store.load()
    await whenIdle()
    await vi.dynamicImportSettled()
    await wrapper.vm.$nextTick()
    expect(store.status).toBe('ready')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
    expect(store.verdictCounts.mismatch).toBeGreaterThan(0)
  })

  it('announces loading politely', async () => {
    stubDataFolder({})
    const { wrapper, store } = await mountWithApp(DataGate)
    store.status = 'loading'
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[role="status"]').text()).toContain('加载')
  })
})
