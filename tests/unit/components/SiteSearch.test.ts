import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SiteSearch from '@/components/tools/SiteSearch.vue'
import type { RawDataset } from '@/domain/schema'
import { makeDataset } from '../../fixtures/dataset'
import { stubDataFolder } from '../helpers/fetch'
import { mountWithApp } from '../helpers/mount'

const real = (): RawDataset => JSON.parse(readFileSync('public/data/yantian-investment-center-2023.json', 'utf8')) as RawDataset
const glossaryFile = (): unknown => JSON.parse(readFileSync('public/data/glossary-codes.json', 'utf8'))
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function mountSearch(dataset: RawDataset = makeDataset(), locale: 'zh-CN' | 'en' = 'zh-CN') {
  stubDataFolder({ 'glossary-codes.json': { json: glossaryFile() } })
  const mounted = await mountWithApp(SiteSearch, { dataset, locale, path: `/${locale}` })
  const input = mounted.wrapper.get('input[role="combobox"]')
  await input.trigger('focus')
  await flushPromises()
  return { ...mounted, input }
}

describe('SiteSearch', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('is a labelled combobox, collapsed until something is typed', async () => {
    const { wrapper, input } = await mountSearch()
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(input.attributes('aria-autocomplete')).toBe('list')
    const label = wrapper.get(`label[for="${input.attributes('id')}"]`)
    expect(label.text()).not.toBe('')
    expect(wrapper.get(`#${input.attributes('aria-controls')}`).attributes('role')).toBe('listbox')
  })

  it('lists 30227 first for 委托业务费 and opens it with the arrow keys and Enter', async () => {
    const raw = makeDataset()
    const row = raw.economic.rows.find((r) => r.name.zh === '委托业务费')!
    const { wrapper, input, router } = await mountSearch(raw)
    await input.setValue(row.name.zh)
    expect(input.attributes('aria-expanded')).toBe('true')
    const options = wrapper.findAll('[role="option"]')
    expect(options[0]!.text()).toContain(row.code)
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe(options[0]!.attributes('id'))
    expect(options[0]!.attributes('aria-selected')).toBe('true')
    await input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('classification'))
    expect(router.currentRoute.value.query).toEqual({ tree: 'economic', node: row.code })
    expect(input.attributes('aria-expanded')).toBe('false')
  })

  it('wraps around with the arrow keys', async () => {
    const { wrapper, input } = await mountSearch()
    await input.setValue('2')
    const ids = wrapper.findAll('[role="option"]').map((o) => o.attributes('id'))
    expect(ids.length).toBeGreaterThan(1)
    await input.trigger('keydown', { key: 'ArrowUp' })
    expect(input.attributes('aria-activedescendant')).toBe(ids.at(-1))
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe(ids[0])
  })

  it('opens the best result on Enter when none is chosen', async () => {
    const raw = makeDataset()
    const code = raw.functional.rows.find((r) => r.code.length === 7)!.code
    const { input, router } = await mountSearch(raw)
    await input.setValue(code)
    await input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ tree: 'functional', node: code }))
  })

  it('closes on Escape, then clears on a second Escape', async () => {
    const { input } = await mountSearch()
    await input.setValue('招商')
    await input.trigger('keydown', { key: 'Escape' })
    expect(input.attributes('aria-expanded')).toBe('false')
    expect((input.element as HTMLInputElement).value).toBe('招商')
    await input.trigger('keydown', { key: 'Escape' })
    expect((input.element as HTMLInputElement).value).toBe('')
  })

  it('opens a result on click', async () => {
    const raw = makeDataset()
    const { wrapper, input, router } = await mountSearch(raw)
    await input.setValue(raw.glossary[0]!.term.zh)
    await wrapper.findAll('[role="option"]').find((o) => o.attributes('data-kind') === 'term')!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('glossary'))
    expect(router.currentRoute.value.query).toEqual({ term: 'doc-1' })
  })

  it('finds the housing rows in English, by name and by explanation', async () => {
    const raw = real()
    const { wrapper, input } = await mountSearch(raw, 'en')
    await input.setValue('housing')
    const keys = wrapper.findAll('[role="option"]').map((o) => o.attributes('data-key'))
    const housing = raw.functional.rows.filter((r) => r.code.startsWith('221')).map((r) => r.code)
    expect(housing.length).toBeGreaterThan(1)
    for (const code of housing) expect(keys).toContain(code)
  })

  it('announces the number of results politely', async () => {
    const { wrapper, input } = await mountSearch()
    const status = wrapper.get('[role="status"]')
    expect(status.attributes('aria-live')).toBe('polite')
    await input.setValue('招商')
    await wait(450)
    expect(status.text()).toMatch(/\d/)
    await input.setValue('没有这样的东西')
    await wait(450)
    expect(status.text()).toBe(wrapper.get('.site-search__empty').text())
  })
})
