import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import TablesView from '@/views/TablesView.vue'
import { formatNumber, toYuan } from '@/domain/format'
import { CSV_BOM } from '@/domain/csv'
import { useSettingsStore } from '@/stores/settings'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'

/** Captures what the download helper hands to the browser. */
function stubDownloads(): Blob[] {
  const blobs: Blob[] = []
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => undefined }))
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  return blobs
}

describe('TablesView', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = vi.fn()
    localStorage.clear()
  })
  afterEach(() => {
    document.body.innerHTML = ''
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  it('lists the twelve tables in published order, with tables 2, 4 and 5 marked derived', async () => {
    const { wrapper } = await mountWithApp(TablesView, { dataset: makeDataset(), path: '/zh-CN/tables' })
    const cards = wrapper.findAll('section.table-card')
    expect(cards.map((c) => c.attributes('data-table'))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
    const derived = cards.filter((c) => c.find('h3 .derived-tag').exists()).map((c) => c.attributes('data-table'))
    expect(derived).toEqual(['2', '4', '5'])
    expect(wrapper.findAll('.toc li')).toHaveLength(12)
  })

  it('renders table 8 accessibly: caption, column and row headers, codes and published figures', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(TablesView, { dataset: raw, path: '/zh-CN/tables' })
    const table = wrapper.get('#table-8 table')
    expect(table.find('caption').text()).toContain('表 8')
    expect(table.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true)
    const rows = table.findAll('tbody tr')
    expect(rows).toHaveLength(raw.economic.rows.length + 1)
    rows.slice(1).forEach((tr, i) => {
      const r = raw.economic.rows[i]!
      expect(tr.get('th[scope="row"]').text()).toContain(`${r.code}`)
      expect(tr.get('th[scope="row"]').text()).toContain(r.name.zh)
      expect(tr.findAll('td.num').map((td) => td.text())).toEqual([r.total, r.basic, r.project].map((v) => formatNumber(v, 'zh-CN')))
    })
  })

  it('groups the procurement columns of table 3 under one spanning header', async () => {
    const { wrapper } = await mountWithApp(TablesView, { dataset: makeDataset(), path: '/zh-CN/tables' })
    const group = wrapper.get('#table-3 thead th[scope="colgroup"]')
    expect(group.attributes('colspan')).toBe('3')
    expect(wrapper.findAll('#table-3 thead tr')).toHaveLength(2)
  })

  it('prints table 12’s task amounts with two decimals as the document does, and its zero other funds as 0', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(TablesView, { dataset: raw, path: '/zh-CN/tables' })
    const rows = wrapper.findAll('#table-12 tbody tr').filter((tr) => tr.findAll('td.num').length === 3)
    expect(rows).toHaveLength(raw.performance.tasks.length + 1)
    const expected = [...raw.performance.tasks, raw.performance.tasksTotal]
    rows.forEach((tr, i) => {
      const [total, fiscal, other] = tr.findAll('td.num').map((td) => td.text())
      for (const [shown, value] of [[total, expected[i]!.total], [fiscal, expected[i]!.fiscal]] as const) {
        expect(shown).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/)
        expect(Number(shown!.replace(/,/g, ''))).toBe(value)
      }
      expect(other).toBe(String(expected[i]!.other))
    })
  })

  it('shows exact 元 when the reader switches the unit', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(TablesView, { dataset: raw, path: '/en/tables', locale: 'en' })
    useSettingsStore().unit = 'yuan'
    await flushPromises()
    const task = raw.performance.tasks.find((t) => !Number.isInteger(t.total))!
    const row = wrapper.findAll('#table-12 tbody tr').find((tr) => tr.text().includes(task.name.en))!
    expect(row.find('td.num').text()).toBe(formatNumber(toYuan(task.total), 'en', 0))
    expect(wrapper.get('#table-12 thead th.num').text()).toContain('yuan')
  })

  it('names the table in the URL and moves focus to it from the contents', async () => {
    const { wrapper, router } = await mountWithApp(TablesView, { dataset: makeDataset(), path: '/zh-CN/tables' })
    vi.useFakeTimers()
    const link = wrapper.findAll('.toc a')[7]!
    expect(link.attributes('href')).toContain('table=8')
    await link.trigger('click')
    await flushPromises()
    vi.runAllTimers()
    expect(router.currentRoute.value.query.table).toBe('8')
    expect(document.activeElement?.id).toBe('table-8-h')
  })

  it('downloads a table as CSV with a byte-order mark', async () => {
    const blobs = stubDownloads()
    const { wrapper } = await mountWithApp(TablesView, { dataset: makeDataset(), path: '/zh-CN/tables' })
    await wrapper.get('#table-8 .export-buttons button').trigger('click')
    expect(blobs).toHaveLength(1)
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([...new TextEncoder().encode(CSV_BOM)])
    expect(new TextDecoder().decode(bytes)).toContain('表 8')
    expect(blobs[0]!.type).toContain('text/csv')
  })

  it('shows data text literally, never as markup', async () => {
    const raw = makeDataset()
    raw.economic.rows[0]!.name.zh = '<img src=x onerror="window.__pwned=1">'
    const { wrapper } = await mountWithApp(TablesView, { dataset: raw, path: '/zh-CN/tables' })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x')
  })
})
