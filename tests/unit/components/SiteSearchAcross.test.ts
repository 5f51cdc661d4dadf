import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import SiteSearch from '@/components/tools/SiteSearch.vue'
import { parseCatalogue } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import type { Locale } from '@/domain/types'
import { makeMultiFolder, makeSingleFolder, type FixtureFolder } from '../../fixtures/catalogues'
import { makePriorYearDataset } from '../../fixtures/prior-year/dataset'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'
import { createTestI18n } from '../helpers/i18n'
import { mountWithApp } from '../helpers/mount'

const glossaryFile = (): unknown => JSON.parse(readFileSync('public/data/glossary-codes.json', 'utf8'))
const i18n = { 'zh-CN': createTestI18n('zh-CN'), en: createTestI18n('en') }
const message = (locale: Locale, key: string, params: Record<string, unknown> = {}): string => i18n[locale].global.t(key, params)
const label = (locale: Locale, d: { department: { zh: string; en?: string }; year: number; phase: string }): string =>
  `${locale === 'en' ? (d.department.en ?? d.department.zh) : d.department.zh} · ${message(locale, 'app.yearAndPhase', { year: d.year, phase: message(locale, `app.phase.${d.phase}`) })}`

/** Mounts the search on the folder's first dataset, with its catalogue, serving `files` (the folder's, by default). */
async function mountOn(folder: FixtureFolder, locale: Locale, files: Record<string, FakeFile> = {}) {
  const served: Record<string, FakeFile> = { 'glossary-codes.json': { json: glossaryFile() } }
  for (const [file, json] of Object.entries(folder.files)) served[file] = { json }
  const { requests } = stubDataFolder({ ...served, ...files })
  const entry = folder.catalogue.datasets[0]!
  const mounted = await mountWithApp(SiteSearch, { dataset: folder.files[entry.file] as RawDataset, locale, path: `/${locale}` })
  const parsed = parseCatalogue(folder.catalogue, {})
  if (!parsed.ok) throw new Error(parsed.problem.details.join('\n'))
  mounted.store.catalogue = parsed.value
  mounted.store.selected = parsed.value.datasets[0]
  const input = mounted.wrapper.get('input[role="combobox"]')
  await input.trigger('focus')
  return { ...mounted, input, requests }
}

/** A functional code printed by both the open dataset and its year before. */
function sharedCode(folder: FixtureFolder): string {
  const open = folder.files[folder.catalogue.datasets[0]!.file]!
  const before = new Set(makePriorYearDataset(open.year - 1).functional.rows.map((r) => r.code))
  return open.functional.rows.find((r) => r.code.length === 7 && before.has(r.code))!.code
}

describe('SiteSearch across datasets', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it.each(['zh-CN', 'en'] as const)('lists the open dataset first, then each other dataset by department and year, and the one it could not read · %s', async (locale) => {
    const folder = makeMultiFolder()
    const broken = folder.catalogue.datasets.find((d) => d.year === 2028)!
    const { wrapper, input } = await mountOn(folder, locale, { [broken.file]: { status: 404 } })
    const code = sharedCode(folder)
    await input.setValue(code)
    const others = folder.catalogue.datasets.slice(1).filter((d) => d !== broken)
    await vi.waitFor(() => expect(wrapper.findAll('[role="group"][data-dataset]')).toHaveLength(others.length), { timeout: 3000 })

    const groups = wrapper.findAll('[role="group"]')
    expect(groups[0]!.attributes()).toHaveProperty('data-current')
    expect(groups[0]!.text()).toContain(label(locale, folder.catalogue.datasets[0]!))
    expect(groups[0]!.text()).toContain(message(locale, 'search.current'))
    const headings = groups.slice(1).map((g) => wrapper.get(`#${g.attributes('aria-labelledby')}`).text())
    for (const d of others) expect(headings.some((h) => h.includes(label(locale, d)))).toBe(true)
    // Each option says which dataset it belongs to, for a screen reader too; the first is the exact code.
    for (const g of groups.slice(1)) {
      const d = folder.catalogue.datasets.find((e) => e.id === g.attributes('data-dataset'))!
      const options = g.findAll('[role="option"]')
      expect(options[0]!.text()).toContain(code)
      expect(options[0]!.text()).toContain(label(locale, d))
    }
    expect(wrapper.text()).toContain(message(locale, 'search.failed', { dataset: label(locale, broken) }))
  })

  it('opens a hit of another department at its item, naming that dataset (final accounts too), by click and by keyboard', async () => {
    const folder = makeMultiFolder()
    const { wrapper, input, router } = await mountOn(folder, 'zh-CN')
    const code = sharedCode(folder)
    await input.setValue(code)
    const other = folder.catalogue.datasets.find((d) => d.departmentId === 'other-department')!
    await vi.waitFor(() => expect(wrapper.find(`[data-dataset="${other.id}"] [role="option"]`).exists()).toBe(true), { timeout: 3000 })
    await wrapper.get(`[data-dataset="${other.id}"] [role="option"]`).trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('classification'))
    expect(router.currentRoute.value.query).toEqual({ dept: other.departmentId, year: String(other.year), tree: 'functional', node: code })

    const final = folder.catalogue.datasets.find((d) => d.phase === 'final')!
    await input.setValue('')
    await input.setValue(code)
    await vi.waitFor(() => expect(wrapper.find(`[data-dataset="${final.id}"] [role="option"]`).exists()).toBe(true), { timeout: 3000 })
    const ids = wrapper.findAll('[role="option"]').map((o) => o.attributes('id'))
    const target = wrapper.get(`[data-dataset="${final.id}"] [role="option"]`).attributes('id')
    for (let i = 0; i <= ids.indexOf(target); i++) await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe(target)
    await input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ dept: final.departmentId, year: String(final.year), phase: 'final', tree: 'functional', node: code }))
  })

  it('says how many datasets it has searched while it reads the others', async () => {
    const folder = makeMultiFolder()
    const { wrapper, input } = await mountOn(folder, 'zh-CN')
    const slow = folder.catalogue.datasets.find((d) => d.departmentId === 'other-department')!
    let release = (): void => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const served = globalThis.fetch
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      if (String(input).endsWith(slow.file)) await held
      return served(input)
    })
    await input.setValue(sharedCode(folder))
    const others = folder.catalogue.datasets.length - 1
    const progress = message('zh-CN', 'search.progress', { done: others - 1, total: others })
    await vi.waitFor(() => expect(wrapper.text()).toContain(progress), { timeout: 3000 })
    expect(wrapper.find(`[data-dataset="${slow.id}"]`).exists()).toBe(false)
    release()
    await vi.waitFor(() => expect(wrapper.find(`[data-dataset="${slow.id}"]`).exists()).toBe(true), { timeout: 3000 })
    expect(wrapper.text()).not.toContain(progress)
  })

  it('with one dataset in the catalogue, reads no other file and lists no groups', async () => {
    const folder = makeSingleFolder()
    const { wrapper, input, requests } = await mountOn(folder, 'zh-CN')
    await input.setValue(sharedCode(folder))
    await new Promise((r) => setTimeout(r, 300))
    expect(wrapper.findAll('[role="option"]').length).toBeGreaterThan(0)
    expect(wrapper.find('[role="group"]').exists()).toBe(false)
    expect(requests.map((r) => r.split('/').pop())).toEqual(['glossary-codes.json'])
  })
})
