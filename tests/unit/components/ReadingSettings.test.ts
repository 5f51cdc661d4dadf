import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ReadingSettings from '@/components/tools/ReadingSettings.vue'
import { SETTINGS_KEY, TEXT_SCALES, useSettingsStore } from '@/stores/settings'
import { mountWithApp } from '../helpers/mount'

async function mountSettings(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const mounted = await mountWithApp(ReadingSettings, { locale, path: `/${locale}` })
  return { ...mounted, settings: useSettingsStore() }
}

describe('ReadingSettings', () => {
  beforeEach(() => {
    localStorage.clear()
    delete document.documentElement.dataset.contrast
    document.documentElement.removeAttribute('style')
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is one compact button that opens and closes its panel', async () => {
    const { wrapper } = await mountSettings()
    const toggle = wrapper.get('button[aria-expanded]')
    const panel = wrapper.get(`#${toggle.attributes('aria-controls')}`)
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(panel.isVisible()).toBe(false)
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(panel.isVisible()).toBe(true)
  })

  it('offers every text size step as a radio in one named group, the current one checked', async () => {
    const { wrapper, settings } = await mountSettings()
    const radios = wrapper.findAll('input[type="radio"]')
    expect(radios.map((r) => Number((r.element as HTMLInputElement).value))).toEqual([...TEXT_SCALES])
    expect(new Set(radios.map((r) => r.attributes('name'))).size).toBe(1)
    expect(wrapper.get('fieldset legend').text()).toBeTruthy()
    const checked = radios.filter((r) => (r.element as HTMLInputElement).checked)
    expect(checked).toHaveLength(1)
    expect(Number((checked[0]!.element as HTMLInputElement).value)).toBe(settings.textScale)
    // Each radio is labelled by its percentage.
    radios.forEach((r, i) => expect(r.element.closest('label')?.textContent).toContain(`${TEXT_SCALES[i]! * 100}%`))
  })

  it('changes the text size of the whole page and remembers it', async () => {
    const { wrapper, settings } = await mountSettings()
    await wrapper.get('button[aria-expanded]').trigger('click')
    const largest = TEXT_SCALES[TEXT_SCALES.length - 1]!
    await wrapper.findAll('input[type="radio"]').at(-1)!.setValue(true)
    expect(settings.textScale).toBe(largest)
    expect(document.documentElement.style.getPropertyValue('--font-scale')).toBe(String(largest))
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!).textScale).toBe(largest)
  })

  it('switches high contrast on and off with a pressed-state button', async () => {
    const { wrapper, settings } = await mountSettings()
    await wrapper.get('button[aria-expanded]').trigger('click')
    const contrast = wrapper.get('button[aria-pressed]')
    expect(contrast.attributes('aria-pressed')).toBe('false')
    expect(contrast.attributes('aria-describedby')).toBeTruthy()
    await contrast.trigger('click')
    expect(contrast.attributes('aria-pressed')).toBe('true')
    expect(settings.contrast).toBe('high')
    expect(document.documentElement.dataset.contrast).toBe('high')
    await contrast.trigger('click')
    expect(document.documentElement.dataset.contrast).toBe('normal')
  })

  it('resets text size and contrast', async () => {
    const { wrapper, settings } = await mountSettings()
    settings.textScale = TEXT_SCALES[3]!
    settings.contrast = 'high'
    await wrapper.get('button[aria-expanded]').trigger('click')
    const reset = wrapper.findAll('.reading__action')[0]!
    await reset.trigger('click')
    expect(settings.textScale).toBe(TEXT_SCALES[0])
    expect(settings.contrast).toBe('normal')
  })

  it('closes on Escape and on Done, returning focus to its button', async () => {
    const { wrapper } = await mountSettings()
    const toggle = wrapper.get('button[aria-expanded]')
    await toggle.trigger('click')
    await wrapper.get('button[aria-pressed]').trigger('keydown', { key: 'Escape' })
    await nextTick()
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggle.element)

    await toggle.trigger('click')
    await wrapper.get('.reading__action--primary').trigger('click')
    await nextTick()
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggle.element)
  })

  it('speaks English', async () => {
    const { wrapper } = await mountSettings('en')
    await wrapper.get('button[aria-expanded]').trigger('click')
    expect(wrapper.text()).not.toMatch(/[\u4e00-\u9fff]/)
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toBeTruthy()
  })
})
