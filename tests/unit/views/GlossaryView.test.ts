import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import GlossaryView from '@/views/GlossaryView.vue'
import { makeDataset } from '../../fixtures/dataset'
import { stubDataFolder } from '../helpers/fetch'
import { mountWithApp } from '../helpers/mount'

const shipped = (): { source: { zh: string; en: string }; codes: { code: string; explanation: { zh: string; en: string } }[] } =>
  JSON.parse(readFileSync('public/data/glossary-codes.json', 'utf8'))

async function mountGlossary(path: string, locale: 'zh-CN' | 'en' = 'zh-CN', dataset = makeDataset()) {
  const mounted = await mountWithApp(GlossaryView, { dataset, locale, path })
  await flushPromises()
  await flushPromises()
  return mounted
}

describe('GlossaryView', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the document’s own terms and an explanation of every code, labelled as the site’s', async () => {
    stubDataFolder({ 'glossary-codes.json': { json: shipped() } })
    const raw = makeDataset()
    const { wrapper } = await mountGlossary('/zh-CN/glossary')
    const text = wrapper.text()
    for (const g of raw.glossary) {
      expect(text).toContain(g.term.zh)
      expect(text).toContain(g.definition.zh)
    }
    const file = shipped()
    for (const row of [...raw.functional.rows, ...raw.economic.rows]) {
      const entry = wrapper.get(`[data-code="${row.code}"]`)
      expect(entry.text()).toContain(row.name.zh)
      expect(entry.text()).toContain(file.codes.find((c) => c.code === row.code)!.explanation.zh)
      expect(entry.find(`a[href*="node=${row.code}"]`).exists()).toBe(true)
    }
    expect(wrapper.get('[data-testid="codes-source"]').text()).toBe(file.source.zh)
  })

  it('speaks English throughout in English', async () => {
    stubDataFolder({ 'glossary-codes.json': { json: shipped() } })
    const raw = makeDataset()
    const { wrapper } = await mountGlossary('/en/glossary', 'en')
    expect(wrapper.text()).toContain(raw.glossary[0]!.term.en)
    expect(wrapper.text()).toContain(shipped().codes.find((c) => c.code === raw.economic.rows[0]!.code)!.explanation.en)
    // Chinese appears only as a bracketed original beside its translation: "public institutions (事业单位)".
    expect(wrapper.text().replace(/\([^)]*\)/g, '')).not.toMatch(/[\u4e00-\u9fff]{2,}/)
  })

  it('focuses the entry named by ?term=', async () => {
    stubDataFolder({ 'glossary-codes.json': { json: shipped() } })
    const code = makeDataset().economic.rows.at(-1)!.code
    const { wrapper } = await mountGlossary(`/zh-CN/glossary?term=${code}`)
    const entry = wrapper.get(`[data-code="${code}"]`)
    expect(document.activeElement).toBe(entry.element)
    expect(entry.classes()).toContain('is-target')
  })

  it('focuses a document term by its id', async () => {
    stubDataFolder({ 'glossary-codes.json': { json: shipped() } })
    await mountGlossary('/zh-CN/glossary?term=doc-1')
    expect(document.activeElement?.textContent).toContain(makeDataset().glossary[0]!.term.zh)
  })

  it.each([
    ['missing', { status: 404 }],
    ['not JSON', { text: '{oops' }],
    ['invalid', { json: { schemaVersion: 1, codes: 'none' } }],
  ] as const)('still shows the document’s glossary, with a notice, when the code file is %s', async (_label, file) => {
    stubDataFolder({ 'glossary-codes.json': file })
    const raw = makeDataset()
    const { wrapper } = await mountGlossary('/zh-CN/glossary')
    expect(wrapper.find('[data-testid="glossary-unavailable"]').exists()).toBe(true)
    expect(wrapper.text()).toContain(raw.glossary[0]!.definition.zh)
  })

  it('shows data text literally, never as markup', async () => {
    stubDataFolder({ 'glossary-codes.json': { json: shipped() } })
    const raw = makeDataset()
    raw.glossary[0]!.definition.zh = '<img src=x onerror="window.__pwned=1">'
    const { wrapper } = await mountGlossary('/zh-CN/glossary', 'zh-CN', raw)
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror="window.__pwned=1">')
  })
})
