import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, type PropType } from 'vue'
import FlowsView from '@/views/FlowsView.vue'
import type { FlowGraph } from '@/domain/flows'
import { formatNumber } from '@/domain/format'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'

// The chart needs a canvas; the stub shows which graph the chart was asked to draw.
vi.mock('@/components/flows/SankeyChart.vue', () => ({
  __esModule: true,
  default: defineComponent({
    name: 'SankeyChartStub',
    props: { graph: { type: Object as PropType<FlowGraph>, required: true } },
    setup: (props) => () => h('div', { 'data-testid': 'sankey', 'data-tree': props.graph.classification, 'data-nodes': props.graph.nodes.length }),
  }),
}))

/** The fixture with one economic 类's project column raised by 1: table 8's kind of rounding gap. */
function withProjectGap() {
  const raw = makeDataset()
  const row = raw.economic.rows.find((r) => r.code.length === 3 && r.project > 0)!
  row.project += 1
  row.total += 1
  return raw
}

describe('FlowsView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists every flow of the functional classification with its published amount', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(FlowsView, { dataset: raw, path: '/zh-CN/flows' })
    expect(wrapper.get('[data-testid="sankey"]').attributes('data-tree')).toBe('functional')
    const rows = wrapper.findAll('.flow-table tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    const classRows = raw.functional.rows.filter((r) => r.code.length === 3)
    const expectedCount = 1 + 2 + classRows.reduce((n, r) => n + (r.basic > 0 ? 1 : 0) + (r.project > 0 ? 1 : 0), 0)
    expect(rows).toHaveLength(expectedCount)
    expect(rows[0]![2]).toBe(formatNumber(raw.incomeStatement.lines.find((l) => l.id === 'generalPublicBudget')!.amount, 'zh-CN'))
    for (const r of classRows)
      if (r.project > 0) expect(rows).toContainEqual(['项目支出', `${r.code} ${r.name.zh}`, formatNumber(r.project, 'zh-CN')])
    expect(wrapper.find('[data-testid="flow-gaps"]').exists()).toBe(false)
  })

  it('says that the document publishes no cross-table', async () => {
    const { wrapper } = await mountWithApp(FlowsView, { dataset: makeDataset(), path: '/en/flows', locale: 'en' })
    expect(wrapper.get('[data-testid="no-cross-table"]').text()).toMatch(/no table crossing/)
  })

  it('switches to the economic classes and keeps the choice in the URL', async () => {
    const raw = makeDataset()
    const { wrapper, router } = await mountWithApp(FlowsView, { dataset: raw, path: '/zh-CN/flows' })
    await wrapper.get('input[name="flow-tree"][value="economic"]').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ tree: 'economic' })
    expect(wrapper.get('[data-testid="sankey"]').attributes('data-tree')).toBe('economic')
    for (const r of raw.economic.rows.filter((x) => x.code.length === 3)) expect(wrapper.get('.flow-table').text()).toContain(`${r.code} ${r.name.zh}`)
  })

  it('shows and explains a rounding gap as a labelled, derived flow', async () => {
    const raw = withProjectGap()
    const { wrapper } = await mountWithApp(FlowsView, { dataset: raw, path: '/zh-CN/flows?tree=economic' })
    const note = wrapper.get('[data-testid="flow-gaps"]').text()
    expect(note).toContain('尾数差')
    expect(note).toContain(formatNumber(raw.economic.unit.project, 'zh-CN'))
    expect(note).toContain(formatNumber(raw.economic.unit.project + 1, 'zh-CN'))
    const derived = wrapper.get('.flow-table tr.is-derived')
    expect(derived.text()).toContain('尾数差')
    expect(derived.find('.derived-tag').exists()).toBe(true)
  })

  it('links each class to its branch in the classification view', async () => {
    const { wrapper } = await mountWithApp(FlowsView, { dataset: makeDataset(), path: '/zh-CN/flows?tree=economic' })
    const hrefs = wrapper.findAll('.flow-table a').map((a) => a.attributes('href'))
    expect(hrefs).toContain('/zh-CN/classification?tree=economic&node=301')
  })

  it('shows names from the data as text, never as markup', async () => {
    const raw = makeDataset()
    raw.functional.rows.find((r) => r.code === '201')!.name.zh = '<img src=x onerror=alert(1)>'
    const { wrapper } = await mountWithApp(FlowsView, { dataset: raw, path: '/zh-CN/flows' })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror=alert(1)>')
  })
})
