import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ClassificationView from '@/views/ClassificationView.vue'
import EmbedView from '@/views/EmbedView.vue'
import { createAppRouter } from '@/router'
import { formatAmount } from '@/domain/format'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'

async function mountEmbed(path: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const mounted = await mountWithApp(EmbedView, { dataset: makeDataset(), locale, path })
  await flushPromises()
  return mounted
}

// Tests use a memory history, so links read `http://host/zh-CN/…`; the app's hash history makes them `…/#/zh-CN/…`.
describe('EmbedView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is a route outside the navigation that tells the shell to leave out its chrome', () => {
    const router = createAppRouter()
    const route = router.resolve('/zh-CN/embed/table-8')
    expect(route.name).toBe('embed')
    expect(route.meta.embed).toBe(true)
    expect(route.params.what).toBe('table-8')
  })

  it('renders the overview summary with its own heading, the source and a link to the full dashboard', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountEmbed('/zh-CN/embed/overview-summary')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="total"]').exists()).toBe(true), { timeout: 15000 })
    expect(wrapper.get('[data-testid="total"]').text()).toBe(formatAmount(raw.overview.expenditure.amount, 'zh-CN'))
    expect(wrapper.get('h1').text()).toContain(raw.department.zh)
    const link = wrapper.get('.embed__source a')
    expect(link.attributes('target')).toBe('_blank')
    expect(link.attributes('rel')).toContain('noopener')
    expect(link.attributes('href')).toMatch(/^https?:\/\/.*\/zh-CN$/)
  })

  it('renders one table of the document, and links to it in the tables view', async () => {
    const { wrapper } = await mountEmbed('/en/embed/table-8', 'en')
    await vi.waitFor(() => expect(wrapper.find('[data-table="8"]').exists()).toBe(true), { timeout: 15000 })
    expect(wrapper.findAll('[data-table]')).toHaveLength(1)
    expect(wrapper.text()).toContain(makeDataset().economic.rows[0]!.name.en)
    expect(wrapper.get('.embed__source a').attributes('href')).toMatch(/^https?:\/\/.*\/en\/tables\?table=8$/)
  })

  it('keeps the query of a shared selection in the link to the full view', async () => {
    const { wrapper } = await mountEmbed('/zh-CN/embed/classification?node=201')
    await vi.waitFor(() => expect(wrapper.findComponent(ClassificationView).exists()).toBe(true), { timeout: 15000 })
    expect(wrapper.get('.embed__source a').attributes('href')).toMatch(/^https?:\/\/.*\/zh-CN\/classification\?node=201$/)
  })

  it('explains, in the page’s language, that a name it does not know cannot be embedded, listing the document’s tables', async () => {
    const { wrapper } = await mountEmbed('/en/embed/nope', 'en')
    const box = wrapper.get('[data-testid="embed-unknown"]')
    expect(box.text()).toContain('nope')
    for (const t of makeDataset().tables) expect(box.text()).toContain(`table-${t.number}`)
    expect(box.text()).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('takes any table number, and says in the page’s language when the document has no such table', async () => {
    const missing = Math.max(...makeDataset().tables.map((t) => t.number)) + 1
    const { wrapper } = await mountEmbed(`/en/embed/table-${missing}`, 'en')
    expect(wrapper.find('[data-testid="embed-unknown"]').exists()).toBe(false)
    const box = wrapper.get('[data-testid="embed-no-table"]')
    expect(box.text()).toContain(String(missing))
    expect(box.text()).not.toMatch(/[\u4e00-\u9fff]/)
  })
})
