import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import TermHint from '@/components/terms/TermHint.vue'
import { findGlossaryEntry, GLOSSARY_TERMS, TERM_IDS } from '@/components/terms/terms'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'
import { createTestI18n } from '../helpers/i18n'
import { LOCALES, type Locale } from '@/domain/types'

/** A message as the app shows it (JSON imports are precompiled, so read them through vue-i18n). */
const msg = (locale: Locale, key: string): string => createTestI18n(locale).global.t(key)

describe('TermHint', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is a closed disclosure button until tapped, then shows the document’s own definition', async () => {
    const raw = makeDataset()
    const entry = raw.glossary.find((g) => g.term.zh === '基本支出')!
    const { wrapper } = await mountWithApp(TermHint, { dataset: raw, props: { term: 'basicExpenditure' } })
    const button = wrapper.get('button')
    expect(button.attributes('type')).toBe('button')
    expect(button.attributes('aria-expanded')).toBe('false')
    // Closed, the explanation is not rendered at all (less to render on the first screen).
    expect(wrapper.find('[data-testid="term-explanation"]').exists()).toBe(false)

    await button.trigger('click')
    const panel = wrapper.get('[data-testid="term-explanation"]')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(button.attributes('aria-controls')).toBe(panel.attributes('id'))
    expect(panel.isVisible()).toBe(true)
    expect(panel.text()).toContain(entry.definition.zh)
    expect(wrapper.get('[data-source]').attributes('data-source')).toBe('document')
    expect(panel.text()).toContain(msg('zh-CN', 'terms.sourceDocument'))
  })

  it('falls back to this site’s explanation, labelled as such, when the document does not define the term', async () => {
    const { wrapper } = await mountWithApp(TermHint, { dataset: makeDataset(), props: { term: 'functionalClassification' } })
    await wrapper.get('button').trigger('click')
    const panel = wrapper.get('[data-testid="term-explanation"]')
    expect(panel.text()).toContain(msg('zh-CN', 'termsHelp.functionalClassification'))
    expect(panel.text()).toContain(msg('zh-CN', 'terms.sourceSite'))
    expect(wrapper.get('[data-source]').attributes('data-source')).toBe('site')
  })

  it('closes on Escape and gives focus back to its button', async () => {
    const { wrapper } = await mountWithApp(TermHint, { dataset: makeDataset(), props: { term: 'projectExpenditure' } })
    const button = wrapper.get('button')
    await button.trigger('click')
    await button.trigger('keydown', { key: 'Escape' })
    await nextTick()
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find('[data-testid="term-explanation"]').exists()).toBe(false)
    expect(document.activeElement).toBe(button.element)
  })

  it('shows the term as text and names its button after it, with the icon hidden from screen readers', async () => {
    const { wrapper } = await mountWithApp(TermHint, { dataset: makeDataset(), locale: 'en', path: '/en', props: { term: 'economicClassification' } })
    const label = createTestI18n('en').global.t('terms.economicClassification.label')
    expect(wrapper.get('.term__label').text()).toBe(label)
    const button = wrapper.get('button')
    expect(button.get('.visually-hidden').text()).toBe(createTestI18n('en').global.t('terms.explain', { term: label }))
    expect(button.text()).toContain(label)
    expect(button.get('.term__icon').attributes('aria-hidden')).toBe('true')
  })

  it('shows the label it is given, and tapping the term toggles too', async () => {
    const { wrapper } = await mountWithApp(TermHint, { dataset: makeDataset(), props: { term: 'basicExpenditure', label: '基本支出（人员和公用）' } })
    expect(wrapper.get('.term__label').text()).toBe('基本支出（人员和公用）')
    await wrapper.get('.term__label').trigger('click')
    expect(wrapper.get('button').attributes('aria-expanded')).toBe('true')
  })

  it('speaks English, with the document’s definition in our translation', async () => {
    const raw = makeDataset()
    const entry = raw.glossary.find((g) => g.term.zh === '基本支出')!
    const { wrapper } = await mountWithApp(TermHint, { dataset: raw, locale: 'en', path: '/en', props: { term: 'basicExpenditure' } })
    await wrapper.get('button').trigger('click')
    expect(wrapper.text()).toContain(entry.definition.en)
    expect(wrapper.text()).toContain(msg('en', 'terms.sourceDocument'))
    expect(wrapper.text()).not.toMatch(/[\u4e00-\u9fff]{2,}/)
  })

  it('shows glossary text literally, never as markup', async () => {
    const raw = makeDataset()
    raw.glossary[0]!.definition.zh = '<img src=x onerror="window.__pwned=1">'
    const { wrapper } = await mountWithApp(TermHint, { dataset: raw, props: { term: 'basicExpenditure' } })
    await wrapper.get('button').trigger('click')
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror="window.__pwned=1">')
  })
})

describe(findGlossaryEntry, () => {
  it('matches the document’s heading whatever its quotation marks', () => {
    const raw = makeDataset()
    raw.glossary.push({ term: { zh: '“三公”经费', en: 'The "three public expenses"' }, definition: { zh: '三项经费。', en: 'Three expenses.' } })
    expect(findGlossaryEntry(raw.glossary, 'threePublic')?.definition.zh).toBe('三项经费。')
  })

  it('finds nothing for a term the document does not define, or without a glossary', () => {
    expect(findGlossaryEntry(makeDataset().glossary, 'roundingGap')).toBeUndefined()
    expect(findGlossaryEntry(undefined, 'basicExpenditure')).toBeUndefined()
  })

  it('has a label and a fallback explanation for every term in both languages', () => {
    const { te } = createTestI18n().global
    expect(te('terms.noSuchTerm.label', 'en')).toBe(false)
    for (const id of TERM_IDS)
      for (const locale of LOCALES) {
        expect(te(`terms.${id}.label`, locale), `${locale} ${id}.label`).toBe(true)
        expect(te(`termsHelp.${id}`, locale), `${locale} termsHelp.${id}`).toBe(true)
      }
    expect(Object.keys(GLOSSARY_TERMS).every((k) => (TERM_IDS as readonly string[]).includes(k))).toBe(true)
  })
})
