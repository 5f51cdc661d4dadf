import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import AppHeader from '@/components/AppHeader.vue'
import DataGate from '@/components/DataGate.vue'
import { useDatasetRoute } from '@/composables/useDatasetRoute'
import { usePageTitle } from '@/composables/usePageTitle'
import { defineComponent, h } from 'vue'
import type { Locale } from '@/domain/types'
import { makeMultiFolder, makeSingleFolder, type FixtureFolder } from '../../fixtures/catalogues'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'
import { createTestI18n } from '../helpers/i18n'
import { mountWithApp } from '../helpers/mount'

const messages = (locale: Locale) => createTestI18n(locale).global

/** The header and the data gate, with the URL driving the store, as the app shell has them. */
const Shell = defineComponent({
  setup() {
    useDatasetRoute()
    usePageTitle()
    return () => h('div', [h(AppHeader), h(DataGate, null, { default: () => h('p', { class: 'view' }, 'view') })])
  },
})

async function open(folder: FixtureFolder, path: string, locale: Locale = 'zh-CN') {
  const files: Record<string, FakeFile> = { 'index.json': { json: folder.catalogue } }
  for (const [name, json] of Object.entries(folder.files)) files[name] = { json }
  stubDataFolder(files)
  const mounted = await mountWithApp(Shell, { path, locale })
  await vi.waitFor(() => expect(['ready', 'error']).toContain(mounted.store.status))
  await flushPromises()
  return mounted
}

const toggleOf = (w: VueWrapper) => w.find('.dataset-switcher__toggle')
const linkTexts = (w: VueWrapper, group: string) => w.findAll(`.dataset-switcher__list--${group} li`).map((li) => li.text())

describe('DatasetSwitcher in the header', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('with one dataset, the header is as before: the department, no switcher, the site’s name from the catalogue', async () => {
    const folder = makeSingleFolder()
    const { wrapper } = await open(folder, '/en')
    expect(wrapper.find('.dataset-switcher').exists()).toBe(false)
    expect(wrapper.get('h1').text()).toBe(folder.catalogue.datasets[0]!.department.en)
    expect(wrapper.get('.site-header__brand').text()).toBe(folder.catalogue.site.name.en)
    expect(document.title).toBe(`${messages('en').t('nav.overview')} · ${folder.catalogue.site.name.en}`)
  })

  it('with several, offers departments, years and phases; the current one marked, the others real links', async () => {
    const { wrapper } = await open(makeMultiFolder(), '/zh-CN/classification?dept=test-department&year=2030&node=201')
    const toggle = toggleOf(wrapper)
    expect(toggle.text()).toBe(messages('zh-CN').t('app.switcher.toggle'))
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(wrapper.get('.dataset-switcher__panel').attributes('aria-label')).toBe(messages('zh-CN').t('app.switcher.label'))
    expect(linkTexts(wrapper, 'departments')).toEqual(['测试部门', '另一部门'])
    expect(linkTexts(wrapper, 'years')).toEqual(['2030 年部门预算', '2029 年部门预算', '2028 年部门预算'])
    expect(linkTexts(wrapper, 'phases')).toEqual(['部门预算', '部门决算'])
    expect(wrapper.get('.dataset-switcher__list--years [aria-current="true"]').text()).toBe('2030 年部门预算')
    const hrefs = wrapper.findAll('.dataset-switcher__list--years a').map((a) => a.attributes('href'))
    // Same view and language; the old dataset's selection (node) dropped.
    expect(hrefs).toEqual(['/zh-CN/classification?dept=test-department&year=2029', '/zh-CN/classification?dept=test-department&year=2028'])
  })

  it('changing the year keeps the view and language, drops the selection and loads that year', async () => {
    const { wrapper, router, store } = await open(makeMultiFolder(), '/en/classification?dept=test-department&year=2030&node=201', 'en')
    await toggleOf(wrapper).trigger('click')
    const link = wrapper.findAll('.dataset-switcher__list--years a').find((a) => a.text() === '2029 budget')
    expect(link).toBeDefined()
    await link!.trigger('click')
    await vi.waitFor(() => expect(store.budget?.id).toBe('test-department-2029'))
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/en/classification?dept=test-department&year=2029')
    expect(wrapper.get('.site-header__meta').text()).toContain('2029 budget')
    expect(toggleOf(wrapper).attributes('aria-expanded')).toBe('false')
  })

  it('final accounts are named as such in the header and the phase list', async () => {
    const { wrapper } = await open(makeMultiFolder(), '/en?dept=test-department&year=2030&phase=final', 'en')
    expect(wrapper.get('.site-header__meta').text()).toContain('2030 final accounts')
    await toggleOf(wrapper).trigger('click')
    expect(wrapper.get('.dataset-switcher__list--phases [aria-current="true"]').text()).toBe('final accounts')
  })

  it('closes with Escape and gives focus back to its button', async () => {
    const { wrapper } = await open(makeMultiFolder(), '/en?dept=test-department&year=2030', 'en')
    await toggleOf(wrapper).trigger('click')
    await wrapper.get('.dataset-switcher__panel a').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(toggleOf(wrapper).attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggleOf(wrapper).element)
  })
})

describe('a link to data the catalogue lacks', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it.each(['zh-CN', 'en'] as const)('names the missing department and links to those that exist (%s)', async (locale) => {
    const { wrapper } = await open(makeMultiFolder(), `/${locale}/flows?dept=nowhere&year=2030`, locale)
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain(messages(locale).t('errors.unknownDepartment', { department: 'nowhere' }))
    const links = alert.findAll('a')
    expect(links.map((a) => a.text())).toEqual(locale === 'en' ? ['Test department', 'Other department'] : ['测试部门', '另一部门'])
    expect(links.map((a) => a.attributes('href'))).toEqual([`/${locale}/flows?dept=test-department&year=2030`, `/${locale}/flows?dept=other-department&year=2030`])
    expect(wrapper.find('.view').exists()).toBe(false)
    // The header does not pretend to show some other department.
    expect(wrapper.get('h1').text()).toBe(makeMultiFolder().catalogue.site.name[locale === 'en' ? 'en' : 'zh'])
  })

  it.each(['zh-CN', 'en'] as const)('names the missing year and lists the years the department has (%s)', async (locale) => {
    const { wrapper } = await open(makeMultiFolder(), `/${locale}?dept=other-department&year=2029`, locale)
    const alert = wrapper.get('[role="alert"]')
    const department = locale === 'en' ? 'Other department' : '另一部门'
    const phase = messages(locale).t('app.phase.budget')
    expect(alert.text()).toContain(messages(locale).t('errors.unknownYear', { department, year: '2029', phase }))
    expect(alert.findAll('a').map((a) => a.attributes('href'))).toEqual([`/${locale}?dept=other-department&year=2030`])
  })
})
