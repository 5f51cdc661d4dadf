// Where the site opens: the district landing for a catalogue of two or more departments when the link
// names no dataset; the overview, as always, with one department or a link that names a dataset.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import AppHeader from '@/components/AppHeader.vue'
import DataGate from '@/components/DataGate.vue'
import { useDatasetRoute } from '@/composables/useDatasetRoute'
import { makeMultiFolder, makeSingleFolder, type FixtureFolder } from '../../fixtures/catalogues'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'
import { mountWithApp } from '../helpers/mount'

const Shell = defineComponent({
  setup() {
    useDatasetRoute()
    return () => h('div', [h(AppHeader), h(DataGate, null, { default: () => h('p', { class: 'view' }, 'view') })])
  },
})

async function open(folder: FixtureFolder, path: string) {
  const files: Record<string, FakeFile> = { 'index.json': { json: folder.catalogue } }
  for (const [name, json] of Object.entries(folder.files)) files[name] = { json }
  stubDataFolder(files)
  const mounted = await mountWithApp(Shell, { path, locale: 'zh-CN' })
  await vi.waitFor(() => expect(mounted.store.status).toBe('ready'))
  await flushPromises()
  return mounted
}

describe('the district landing as the way in', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('opens on the landing for two or more departments, with a bare URL and the site’s name as the heading', async () => {
    const folder = makeMultiFolder()
    const { router, wrapper } = await open(folder, '/zh-CN')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('district'))
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({})
    expect(wrapper.get('h1').text()).toBe(folder.catalogue.site.name.zh)
    expect(wrapper.find('.main-nav').exists()).toBe(false)
    expect(wrapper.get('[data-testid="district-link"]').attributes('href')).toBe('/zh-CN/district')
  })

  it('opens the department a link names, with the brand line leading to the landing', async () => {
    const folder = makeMultiFolder()
    const entry = folder.catalogue.datasets.at(-1)!
    const { router, wrapper } = await open(folder, `/zh-CN?dept=${entry.departmentId}&year=${entry.year}`)
    expect(router.currentRoute.value.name).toBe('overview')
    expect(wrapper.get('h1').text()).toBe(entry.department.zh)
    // No dataset parameter is carried into the district's link.
    expect(wrapper.get('[data-testid="district-link"]').attributes('href')).toBe('/zh-CN/district')
  })

  it('with one department, opens on its overview as before, with no district link', async () => {
    const { router, wrapper } = await open(makeSingleFolder(), '/zh-CN')
    expect(router.currentRoute.value.name).toBe('overview')
    expect(wrapper.find('[data-testid="district-link"]').exists()).toBe(false)
  })
})
