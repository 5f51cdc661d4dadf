import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import UnitSwitch from '@/components/tools/UnitSwitch.vue'
import { SETTINGS_KEY, useSettingsStore } from '@/stores/settings'
import { mountWithApp } from '../helpers/mount'

describe('UnitSwitch', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is a labelled group of two toggle buttons, 万元 pressed by default', async () => {
    const { wrapper } = await mountWithApp(UnitSwitch)
    const group = wrapper.get('[role="group"]')
    expect(document.getElementById(group.attributes('aria-labelledby')!)?.textContent).toBe('金额单位')
    const buttons = wrapper.findAll('button')
    expect(buttons.map((b) => b.text().replace('✓', '').trim())).toEqual(['万元', '元'])
    expect(buttons.map((b) => b.attributes('aria-pressed'))).toEqual(['true', 'false'])
  })

  it('switches the unit for the whole app and remembers it', async () => {
    const { wrapper } = await mountWithApp(UnitSwitch, { locale: 'en', path: '/en' })
    await wrapper.findAll('button')[1]!.trigger('click')
    expect(useSettingsStore().unit).toBe('yuan')
    expect(wrapper.findAll('button').map((b) => b.attributes('aria-pressed'))).toEqual(['false', 'true'])
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!).unit).toBe('yuan')
    await wrapper.findAll('button')[0]!.trigger('click')
    expect(useSettingsStore().unit).toBe('wan')
  })

  it('marks the chosen unit by a check mark as well as by colour', async () => {
    const { wrapper } = await mountWithApp(UnitSwitch)
    expect(wrapper.findAll('button')[0]!.text()).toContain('✓')
    expect(wrapper.findAll('button')[1]!.text()).not.toContain('✓')
  })
})
