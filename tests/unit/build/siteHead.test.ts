import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { escapeHtml, fillSiteHead } from '../../../scripts/site-head'
import type { RawCatalogue } from '@/domain/schema'

const INDEX_HTML = readFileSync('index.html', 'utf8')
const published = JSON.parse(readFileSync('public/data/index.json', 'utf8')) as RawCatalogue
const description = (tag: string) => (JSON.parse(readFileSync(`src/i18n/locales/${tag}/app.json`, 'utf8')) as { siteDescription: string }).siteDescription
const DESCRIPTIONS = { 'zh-CN': description('zh-CN'), en: description('en') }

const titleOf = (html: string) => /<title>(.*)<\/title>/.exec(html)?.[1]
const descriptionOf = (html: string) => /<meta name="description" content="([^"]*)"/.exec(html)?.[1]

describe(fillSiteHead, () => {
  it('names the site from the catalogue in the title and description, no department', () => {
    const html = fillSiteHead(INDEX_HTML, published.site, DESCRIPTIONS)
    expect(titleOf(html)).toBe(`${published.site.name.zh} · ${published.site.name.en}`)
    expect(descriptionOf(html)).toContain(published.site.name.zh)
    expect(descriptionOf(html)).toContain(published.site.name.en)
    for (const d of published.datasets) expect(html).not.toContain(d.department.zh)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).not.toMatch(/%[A-Z_]+%/)
  })

  it('escapes the names, so a catalogue can never add markup to the page', () => {
    const site = { name: { zh: '<script>alert(1)</script>', en: 'A "quoted" & <b>bold</b> site' } }
    const html = fillSiteHead(INDEX_HTML, site, DESCRIPTIONS)
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<b>')
    expect(titleOf(html)).toBe(`${escapeHtml(site.name.zh)} · ${escapeHtml(site.name.en)}`)
    expect(descriptionOf(html)).toContain('&quot;quoted&quot; &amp;')
  })

  it('writes an untranslated name once', () => {
    expect(titleOf(fillSiteHead(INDEX_HTML, { name: { zh: '某区预算公开' } }, DESCRIPTIONS))).toBe('某区预算公开')
  })
})
