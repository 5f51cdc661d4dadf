import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, type PropType } from 'vue'
import ClassificationView from '@/views/ClassificationView.vue'
import type { ClassFocus } from '@/domain/classification'
import { formatNumber } from '@/domain/format'
import type { ClassTree } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'

// The chart needs a canvas; the view's behaviour does not. The stub shows what the chart was asked to draw.
vi.mock('@/components/classification/SunburstChart.vue', () => ({
  __esModule: true,
  default: defineComponent({
    name: 'SunburstChartStub',
    props: {
      tree: { type: Object as PropType<ClassTree>, required: true },
      focus: { type: Object as PropType<ClassFocus>, required: true },
      measure: { type: String, required: true },
      decals: Boolean,
    },
    emits: ['open', 'up'],
    setup: (props) => () =>
      h('div', {
        'data-testid': 'sunburst',
        'data-tree': props.tree.classification,
        'data-focus': props.focus.focus?.code ?? '',
        'data-selected': props.focus.selected?.code ?? '',
        'data-measure': props.measure,
        'data-decals': String(props.decals),
      }),
  }),
}))

const codesInTable = (w: VueWrapper): string[] => w.findAll('tbody td.class-table__code').map((td) => td.text())
const amountsInTable = (w: VueWrapper): string[] => w.findAll('tbody tr').map((tr) => tr.findAll('td.num')[0]!.text())
const chart = (w: VueWrapper) => w.get('[data-testid="sunburst"]')

describe('ClassificationView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('opens on the functional 类 with their published totals, in table and chart', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(ClassificationView, { dataset: raw, path: '/zh-CN/classification' })
    const roots = raw.functional.rows.filter((r) => r.code.length === 3)
    expect(codesInTable(wrapper)).toEqual(roots.map((r) => r.code))
    expect(amountsInTable(wrapper)).toEqual(roots.map((r) => formatNumber(r.total, 'zh-CN')))
    expect(wrapper.get('tfoot').text()).toContain(formatNumber(raw.functional.unit.total, 'zh-CN'))
    expect(chart(wrapper).attributes()).toMatchObject({ 'data-tree': 'functional', 'data-focus': '', 'data-measure': 'total' })
  })

  it('switches the measure: URL, table and chart follow; published zeros stay in the table', async () => {
    const raw = makeDataset()
    const { wrapper, router } = await mountWithApp(ClassificationView, { dataset: raw, path: '/zh-CN/classification?node=20113' })
    await wrapper.get('input[name="class-measure"][value="basic"]').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ node: '20113', measure: 'basic' })
    const children = raw.functional.rows.filter((r) => r.code.startsWith('20113') && r.code.length === 7)
    expect(codesInTable(wrapper)).toEqual(children.map((r) => r.code))
    expect(amountsInTable(wrapper)).toEqual(children.map((r) => formatNumber(r.basic, 'zh-CN')))
    expect(children.some((r) => r.basic === 0)).toBe(true)
    expect(chart(wrapper).attributes('data-measure')).toBe('basic')
  })

  it('switches to the economic tree at its top level', async () => {
    const raw = makeDataset()
    const { wrapper, router } = await mountWithApp(ClassificationView, { dataset: raw, path: '/zh-CN/classification?node=201' })
    await wrapper.get('input[name="class-tree"][value="economic"]').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ tree: 'economic' })
    expect(codesInTable(wrapper)).toEqual(raw.economic.rows.filter((r) => r.code.length === 3).map((r) => r.code))
    expect(chart(wrapper).attributes('data-tree')).toBe('economic')
  })

  it('drills down from the table and moves focus to the new level', async () => {
    const raw = makeDataset()
    const { wrapper, router } = await mountWithApp(ClassificationView, { dataset: raw, path: '/zh-CN/classification' })
    await wrapper.get('tbody tr a').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ node: '201' })
    expect(codesInTable(wrapper)).toEqual(raw.functional.rows.filter((r) => r.code.length === 5 && r.code.startsWith('201')).map((r) => r.code))
    expect(document.activeElement?.id).toBe('classification-table-title')
    expect(wrapper.get('[role="status"]').text()).toContain('201')
    const crumbs = wrapper.get('nav')
    expect(crumbs.find('a').exists()).toBe(true)
    expect(crumbs.get('[aria-current="page"]').text()).toContain('201')
  })

  it('goes up one level with Escape, the button and the chart centre', async () => {
    const { wrapper, router } = await mountWithApp(ClassificationView, { dataset: makeDataset(), path: '/zh-CN/classification?node=2011308' })
    await wrapper.get('section.classification').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ node: '20113' })
    await wrapper.get('button.where__up').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ node: '201' })
    wrapper.findComponent({ name: 'SunburstChartStub' }).vm.$emit('up')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({})
    expect(wrapper.find('button.where__up').exists()).toBe(false)
  })

  it('drills down from the chart', async () => {
    const { wrapper, router } = await mountWithApp(ClassificationView, { dataset: makeDataset(), path: '/zh-CN/classification' })
    wrapper.findComponent({ name: 'SunburstChartStub' }).vm.$emit('open', '20113')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ node: '20113' })
    expect(chart(wrapper).attributes('data-focus')).toBe('20113')
  })

  it('opens a shared link to an item inside its parent, with every figure of its row', async () => {
    const raw = makeDataset()
    const item = raw.functional.rows.find((r) => r.code === '2011308')!
    const { wrapper } = await mountWithApp(ClassificationView, { dataset: raw, path: '/zh-CN/classification?node=2011308&measure=project' })
    expect(chart(wrapper).attributes()).toMatchObject({ 'data-focus': '20113', 'data-selected': '2011308', 'data-measure': 'project' })
    const details = wrapper.get('[data-testid="class-details"]').text()
    expect(details).toContain(item.name.zh)
    for (const value of [item.total, item.basic, item.project]) expect(details).toContain(formatNumber(value, 'zh-CN'))
    expect(details).toContain('政府采购')
    expect(wrapper.get('tr[aria-current="true"]').text()).toContain('2011308')
  })

  it('falls back to the whole table for an unknown code, without an error', async () => {
    const { wrapper } = await mountWithApp(ClassificationView, { dataset: makeDataset(), path: '/zh-CN/classification?node=9999999&measure=nonsense' })
    expect(chart(wrapper).attributes()).toMatchObject({ 'data-focus': '', 'data-measure': 'total' })
    expect(wrapper.find('[data-testid="class-details"]').exists()).toBe(false)
  })

  it('shows a rounding gap next to the published parent, which it leaves unchanged', async () => {
    const raw = makeDataset()
    const child = raw.economic.rows.find((r) => r.code === '30101')!
    child.total += 1
    child.basic += 1
    const parent = raw.economic.rows.find((r) => r.code === '301')!
    const { wrapper } = await mountWithApp(ClassificationView, { dataset: raw, path: '/zh-CN/classification?tree=economic&node=301' })
    expect(wrapper.get('.class-table__published').text()).toContain(formatNumber(parent.total, 'zh-CN'))
    expect(wrapper.get('[data-testid="rows-sum"]').text()).toContain(formatNumber(parent.total + 1, 'zh-CN'))
    const note = wrapper.get('[data-testid="class-gaps"]').text()
    expect(note).toContain(formatNumber(parent.total, 'zh-CN'))
    expect(note).toContain(formatNumber(parent.total + 1, 'zh-CN'))
  })

  it('shows names from the data as text, never as markup', async () => {
    const raw = makeDataset()
    raw.functional.rows.find((r) => r.code === '201')!.name.zh = '<img src=x onerror=alert(1)>'
    const { wrapper } = await mountWithApp(ClassificationView, { dataset: raw, path: '/zh-CN/classification?node=201' })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror=alert(1)>')
  })

  it('speaks English when the URL says so', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(ClassificationView, { dataset: raw, locale: 'en', path: '/en/classification?tree=economic' })
    expect(wrapper.text()).toContain(raw.economic.rows[0]!.name.en)
    // The unit label names 万元 on purpose; nothing else is in Chinese.
    expect(wrapper.text().replaceAll('万元', '')).not.toMatch(/[\u4e00-\u9fff]{2,}/)
  })
})
