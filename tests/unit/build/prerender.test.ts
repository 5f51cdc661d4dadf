// @vitest-environment node
// Node, as at build time: the server renderer runs with no document (the SSR guards are what is tested).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listPages, pageFileName, prerenderSite, readSiteData } from '../../../scripts/prerender'
import { computeOverview } from '@/domain/derive'
import { formatAmount } from '@/domain/format'
import { LOCALES } from '@/domain/languages'
import type { RawCatalogue, RawDataset } from '@/domain/schema'
import type { PageState } from '@/prerenderPage'
import { listDepartments } from '@/domain/catalogue'
import { localize } from '@/domain/types'

const TEMPLATE = readFileSync('index.html', 'utf8')
const ASSETS = { gate: 'assets/prerender-gate.js', viewCss: () => [], viewModules: () => ['assets/view.js'] }
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A copy of a data folder, with `edit` applied to its default dataset. */
function copyData(from: string, edit: (d: RawDataset) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'prerender-'))
  dirs.push(dir)
  cpSync(from, dir, { recursive: true })
  const cat = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as RawCatalogue
  const file = join(dir, cat.datasets[0]!.file)
  const d = JSON.parse(readFileSync(file, 'utf8')) as RawDataset
  edit(d)
  writeFileSync(file, JSON.stringify(d))
  return dir
}

const titleOf = (html: string) => /<title>(.*?)<\/title>/.exec(html)?.[1] ?? ''
const totalOf = (html: string) => /data-testid="total">([^<]*)</.exec(html)?.[1]

describe(prerenderSite, () => {
  it('writes the figures the data states: a total changed in the data is the total in the HTML and its title', async () => {
    const published = computeOverview(readSiteData('public/data').budgets.values().next().value!).expenditure.current
    const changed = published + 1
    const dir = copyData('public/data', (d) => {
      if (!d.overview?.expenditure) throw new Error('the published dataset states no expenditure total')
      d.overview.expenditure.amount = changed
    })
    const pages = await prerenderSite(dir, TEMPLATE, ASSETS)
    const index = pages.find((p) => p.fileName === 'index.html')!.html
    expect(totalOf(index)).toBe(formatAmount(changed, 'zh-CN'))
    expect(titleOf(index)).toContain(formatAmount(changed, 'zh-CN'))
    const unchanged = (await prerenderSite('public/data', TEMPLATE, ASSETS)).find((p) => p.fileName === 'index.html')!.html
    expect(totalOf(unchanged)).toBe(formatAmount(published, 'zh-CN'))
    const en = pages.find((p) => p.fileName.endsWith('.en.html') && !p.fileName.includes('.tables'))!.html
    expect(totalOf(en)).toBe(formatAmount(changed, 'en'))
  })

  it("leaves the app's script and preloads to the gate: each page names its own dataset to preload, the HTML none", async () => {
    const entrySrc = /<script type="module"[^>]*src="([^"]+)"/.exec(TEMPLATE)?.[1]
    expect(entrySrc).toBeTruthy()
    const data = readSiteData('tests/fixtures/imported')
    const pages = await prerenderSite('tests/fixtures/imported', TEMPLATE, ASSETS)
    for (const target of listPages(data.catalogue)) {
      const html = pages.find((p) => p.fileName === pageFileName(target))!.html
      expect(html).not.toMatch(/<script type="module"|rel="modulepreload"|as="fetch"/)
      // No style attribute: the CSP (style-src 'self') would refuse it, and a closed panel would show open without scripts.
      expect(html).not.toMatch(/<[^>]+\sstyle="/)
      const state = JSON.parse(/<script type="application\/json" id="prerender-page">(.*?)<\/script>/.exec(html)![1]!) as PageState
      const load = state.load ?? []
      // The entry script last, after the preloads.
      expect(load.at(-1)).toEqual({ tag: 'script', attrs: expect.objectContaining({ type: 'module', src: entrySrc }) })
      // The page's own route chunks, as the build lists them (ASSETS.viewModules), preloaded before the entry runs.
      expect(load.filter((e) => e.attrs.rel === 'modulepreload').map((e) => e.attrs.href)).toEqual(ASSETS.viewModules().map((f) => `./${f}`))
      const fetches = load.filter((e) => e.attrs.as === 'fetch').map((e) => e.attrs.href)
      // The district landing reads the catalogue alone; a dataset's page preloads its own file.
      expect(fetches).toEqual(['./data/index.json', ...(target.entry ? [`./data/${target.entry.file}`] : [])])
      expect(html.indexOf(ASSETS.gate)).toBeGreaterThan(html.indexOf('id="prerender-page"'))
    }
  })

  it('writes a page per dataset, language and view, each naming its department, year and total in its head', async () => {
    const data = readSiteData('tests/fixtures/imported')
    const pages = await prerenderSite('tests/fixtures/imported', TEMPLATE, ASSETS)
    expect(pages.map((p) => p.fileName).sort()).toEqual(listPages(data.catalogue).map(pageFileName).sort())
    // Four departments: each dataset's two views, and the district landing, in each language.
    expect(pages).toHaveLength((data.catalogue.datasets.length * 2 + 1) * LOCALES.length)
    for (const target of listPages(data.catalogue)) {
      if (!target.entry) continue
      const html = pages.find((p) => p.fileName === pageFileName(target))!.html
      const b = data.budgets.get(target.entry.id)!
      const total = formatAmount(computeOverview(b).expenditure.current, target.locale)
      const department = target.locale === 'en' ? (b.department.en ?? b.department.zh) : b.department.zh
      for (const field of [titleOf(html), /property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? '', /name="description" content="([^"]*)"/.exec(html)?.[1] ?? '']) {
        expect(field).toContain(total)
        expect(field).toContain(String(b.year))
        expect(field.replaceAll('&#39;', "'")).toContain(department)
      }
      expect(html).toContain(`<html lang="${target.locale}"`)
      if (target.entry.phase === 'final') expect(titleOf(html)).toMatch(target.locale === 'en' ? /final accounts/ : /决算/)
    }
  })

  it('with two or more departments, index.html is the district landing: every department, its total and a link to its pages without script', async () => {
    const data = readSiteData('tests/fixtures/imported')
    const pages = await prerenderSite('tests/fixtures/imported', TEMPLATE, ASSETS)
    const departments = listDepartments(data.catalogue)
    expect(departments.length).toBeGreaterThanOrEqual(2)
    for (const locale of LOCALES) {
      const target = listPages(data.catalogue).find((p) => p.entry === null && p.locale === locale)!
      const html = pages.find((p) => p.fileName === pageFileName(target))!.html
      expect(pageFileName(target)).toBe(locale === 'zh-CN' ? 'index.html' : 'district.en.html')
      expect(html).toContain(`<html lang="${locale}"`)
      expect(titleOf(html)).toContain(String(departments.length))
      const text = html.replaceAll('&#39;', "'").replaceAll('&amp;', '&')
      for (const d of departments) {
        expect(text).toContain(localize(d.department, locale))
        // Its latest document's row, with the total its tables state (the summary's), and the static page of each of its documents.
        const cell = new RegExp(`<tr data-dataset="${d.latest.id}"[\\s\\S]*?data-col="total"[^>]*>([^<]*)<`).exec(html)?.[1]
        expect(Number(cell?.replaceAll(',', ''))).toBe(data.budgets.get(d.latest.id)!.functionalTree.total)
        for (const e of d.datasets) expect(html).toContain(`href="./${pageFileName({ entry: e, locale, view: 'overview', landing: false })}"`)
      }
      const state = JSON.parse(/<script type="application\/json" id="prerender-page">(.*?)<\/script>/.exec(html)![1]!) as PageState
      expect(state.hashes).toContain(`#/${locale}/district`)
      if (locale === 'zh-CN') expect(state.hashes).toContain('')
    }
    // No dataset's overview claims the bare address.
    expect(listPages(data.catalogue).filter((p) => p.landing)).toEqual([expect.objectContaining({ entry: null, locale: 'zh-CN' })])
  })
})
