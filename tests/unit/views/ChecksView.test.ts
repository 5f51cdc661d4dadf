import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ChecksView from '@/views/ChecksView.vue'
import { formatNumber } from '@/domain/format'
import type { RawDataset } from '@/domain/schema'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'

/** The fixture with one rounding gap: a 款 one 万元 above its 项 (within the published rounding). */
function withRoundingGap(): RawDataset {
  const raw = makeDataset()
  const row = raw.economic.rows.find((r) => r.code === '30227')!
  row.total += 1
  row.project += 1
  return raw
}

describe('ChecksView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    vi.restoreAllMocks()
  })

  it('summarises the checks by verdict and lists every one under its group', async () => {
    const { wrapper, store } = await mountWithApp(ChecksView, { dataset: withRoundingGap(), path: '/zh-CN/checks' })
    const summary = wrapper.get('[data-testid="checks-summary"]').text()
    const counts = store.verdictCounts
    expect(counts.rounding).toBeGreaterThan(0)
    expect(summary).toContain(String(store.checks.length))
    expect(summary).toContain(`${counts.rounding} 项`)
    expect(wrapper.findAll('li.check')).toHaveLength(store.checks.length)
  })

  it('shows gaps first, with both figures, the difference, the tolerance and the verdict in words and symbol', async () => {
    const { wrapper, store } = await mountWithApp(ChecksView, { dataset: withRoundingGap(), path: '/zh-CN/checks' })
    const gap = store.checks.find((c) => c.verdict === 'rounding' && c.group === 'economic')!
    const section = wrapper.get('section[aria-labelledby="checks-economic"]')
    const first = section.get('li.check')
    expect(first.classes()).toContain('check--rounding')
    const item = wrapper.get(`[data-check="${gap.id}"]`)
    expect(item.text()).toContain('≈')
    expect(item.text()).toContain('尾数误差')
    expect(item.text()).toContain('表 8')
    expect(item.text()).toContain(formatNumber(gap.left.value, 'zh-CN'))
    expect(item.text()).toContain(formatNumber(gap.right.value, 'zh-CN'))
    expect(item.text()).toContain(`±${formatNumber(gap.tolerance, 'zh-CN')}`)
    expect(item.text()).toContain(formatNumber(gap.difference, 'zh-CN'))
  })

  it('filters by verdict from the URL and writes the filter back to it', async () => {
    const { wrapper, router, store } = await mountWithApp(ChecksView, { dataset: withRoundingGap(), path: '/en/checks?verdict=rounding', locale: 'en' })
    const items = wrapper.findAll('li.check')
    expect(items).toHaveLength(store.verdictCounts.rounding)
    expect(items.every((li) => li.classes('check--rounding'))).toBe(true)
    const pressed = wrapper.get('.verdict-filter [aria-pressed="true"]')
    expect(pressed.text()).toContain('Rounding gap')
    const all = wrapper.findAll('.verdict-filter button').find((b) => b.text().startsWith('All'))!
    await all.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.verdict).toBeUndefined()
    expect(wrapper.findAll('li.check')).toHaveLength(store.checks.length)
  })

  it('says so when no check matches the filter', async () => {
    const { wrapper } = await mountWithApp(ChecksView, { dataset: makeDataset(), path: '/en/checks?verdict=mismatch', locale: 'en' })
    expect(wrapper.findAll('li.check')).toHaveLength(0)
    expect(wrapper.text()).toContain('No check matches this filter.')
  })

  it('exports the checks shown as CSV, one row per check', async () => {
    const blobs: Blob[] = []
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => undefined }))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const { wrapper, store } = await mountWithApp(ChecksView, { dataset: withRoundingGap(), path: '/en/checks?verdict=rounding', locale: 'en' })
    await wrapper.get('.export-buttons button').trigger('click')
    const text = new TextDecoder().decode(await blobs[0]!.arrayBuffer())
    const lines = text.split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(store.verdictCounts.rounding + 1)
    expect(lines[1]).toContain('Rounding gap')
  })
})
