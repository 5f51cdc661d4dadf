import { afterEach, describe, expect, it } from 'vitest'
import { afterPaint } from '@/composables/useAfterFirstPaint'
import OverviewView from '@/views/OverviewView.vue'
import { formatAmount } from '@/domain/format'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'

describe('OverviewView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('states the total, the change against the prior year and the derived prior-year figure', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(OverviewView, { dataset: raw })
    const text = wrapper.text()
    const total = raw.overview.expenditure.amount
    const change = raw.overview.expenditure.change!.amount
    expect(wrapper.get('[data-testid="total"]').text()).toBe(formatAmount(total, 'zh-CN'))
    expect(text).toContain(`减少 ${formatAmount(Math.abs(change), 'zh-CN')}`)
    expect(text).toContain(formatAmount(total - change, 'zh-CN'))
    expect(wrapper.find('.derived-tag').exists()).toBe(true)
    expect(text).toContain(raw.overview.changeReasons[0]!.zh)
  })

  it('shows the total and the story’s first topics first, the rest right after the first frame', async () => {
    const { wrapper } = await mountWithApp(OverviewView, { dataset: makeDataset(), firstFrame: true })
    expect(wrapper.find('[data-testid="total"]').exists()).toBe(true)
    expect(wrapper.findAll('.story__topic')).toHaveLength(2)
    expect(wrapper.find('.split__item').exists()).toBe(false)
    await afterPaint()
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('.story__topic').length).toBeGreaterThan(2)
    expect(wrapper.findAll('.split__item')).toHaveLength(2)
    expect(wrapper.find('[data-testid="checks-summary"]').exists()).toBe(true)
  })

  it('splits spending into basic and project with their shares', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(OverviewView, { dataset: raw })
    const items = wrapper.findAll('.split__item')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toContain(formatAmount(raw.functional.unit.basic, 'zh-CN'))
    expect(items[1]!.text()).toContain(formatAmount(raw.functional.unit.project, 'zh-CN'))
  })

  it('speaks English when the URL says so, with data text in English', async () => {
    const raw = makeDataset()
    const { wrapper } = await mountWithApp(OverviewView, { dataset: raw, locale: 'en', path: '/en' })
    expect(wrapper.get('[data-testid="total"]').text()).toBe(formatAmount(raw.overview.expenditure.amount, 'en'))
    expect(wrapper.text()).toContain(raw.overview.changeReasons[0]!.en)
    expect(wrapper.text()).not.toMatch(/[\u4e00-\u9fff]{2,}/)
  })

  it('summarises the reconciliation checks with a link to them', async () => {
    const { wrapper, store } = await mountWithApp(OverviewView, { dataset: makeDataset() })
    expect(wrapper.get('[data-testid="checks-summary"]').text()).toContain(String(store.checks.length))
    expect(wrapper.find('a[href*="/zh-CN/checks"]').exists()).toBe(true)
  })

  it('shows data text literally, never as markup', async () => {
    const raw = makeDataset()
    raw.overview.changeReasons[0]!.zh = '<img src=x onerror="window.__pwned=1">'
    const { wrapper } = await mountWithApp(OverviewView, { dataset: raw })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror="window.__pwned=1">')
  })
})
