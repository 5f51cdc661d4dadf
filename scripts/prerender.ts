/**
 * The pre-rendered pages (issue #18): for each dataset of the catalogue and each UI language, the
 * overview's first screen and a static rendering of every official table, as HTML written at build
 * time by Vue's own server renderer from the real `App.vue` and views, the same store filled from the
 * same data files, and the app's messages: one source of truth for the markup. Run through Vite's
 * `runnerImport` by the `prerender-pages` plugin (vite.config.ts), as `static-exports.ts` is.
 *
 * A page carries a JSON block (`PAGE_STATE_ID`, `src/prerenderPage.ts`) naming its dataset, language
 * and view; the app opens that page with no hash and mounts once its data is there, replacing the
 * HTML with the same render (no second layout). A blocking same-origin script (`prerender-gate.js`)
 * hides the pre-rendered content when the URL's hash names another page (a deep link).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createPinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import App from '../src/App.vue'
import { createAppI18n, ensureMessages } from '../src/i18n'
import { createAppRouter } from '../src/router'
import { entryQuery } from '../src/router/datasetParams'
import { useBudgetStore } from '../src/stores/budget'
import { hasDistrict, listDepartments, selectEntry } from '../src/domain/catalogue'
import { listYears } from '../src/domain/district'
import { CLASSIFICATION_NAMES_FILE, parseClassificationNames } from '../src/domain/classificationNames'
import { computeOverview } from '../src/domain/derive'
import { withClassificationNames } from '../src/domain/englishNames'
import { formatAmount } from '../src/domain/format'
import { DEFAULT_LOCALE, LANGUAGES, LOCALES, languageOf, type Locale } from '../src/domain/languages'
import { parseCatalogue, parseDataset } from '../src/domain/parse'
import { ALL_STEPS } from '../src/domain/steps'
import { localize, type Budget, type Catalogue, type CatalogueEntry } from '../src/domain/types'
import { needsClassificationNames } from '../src/domain/untranslated'
import { PAGE_STATE_ID, pageHash, pageHashes, type AppLoad, type PageState, type PageView } from '../src/prerenderPage'
import { escapeHtml } from './site-head'
import prerenderZh from '../src/i18n/locales/zh-CN/prerender.json'
import prerenderEn from '../src/i18n/locales/en/prerender.json'

/** The pre-rendered pages' own messages (head, links for readers without scripts), which the app never loads. */
const OWN_MESSAGES: Record<Locale, unknown> = { 'zh-CN': prerenderZh, en: prerenderEn }

/** The views pre-rendered for each dataset (with two or more departments, the district landing too). */
export const PRERENDERED_VIEWS = ['overview', 'tables'] as const satisfies readonly PageView[]

/** One page to write: which dataset (none for the district landing), in which language, which view. */
export type PageTarget =
  | { entry: CatalogueEntry; locale: Locale; view: (typeof PRERENDERED_VIEWS)[number]; landing: boolean }
  | { entry: null; locale: Locale; view: 'district'; landing: boolean }
/* `landing`: the site's landing page (index.html), in the default language: the district landing when
   the catalogue holds two or more departments (as the app opens), else the default dataset's overview. */

/** A catalogue with every dataset parsed, as the app's store holds them. */
export interface SiteData {
  catalogue: Catalogue
  budgets: ReadonlyMap<string, Budget>
}

/** Reads and validates a data folder (catalogue, datasets, the shared English names) as the app would. */
export function readSiteData(dataDir: string): SiteData {
  const cat = parseCatalogue(JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')), ALL_STEPS)
  if (!cat.ok) throw new Error(`prerender: index.json: ${cat.problem.details.join('; ')}`)
  let names: ReturnType<typeof parseClassificationNames> | null = null
  const budgets = new Map<string, Budget>()
  for (const entry of cat.value.datasets) {
    const parsed = parseDataset(JSON.parse(readFileSync(join(dataDir, entry.file), 'utf8')), ALL_STEPS)
    if (!parsed.ok) throw new Error(`prerender: ${entry.file}: ${parsed.problem.details.join('; ')}`)
    let b = parsed.value
    if (needsClassificationNames(b)) {
      names ??= parseClassificationNames(JSON.parse(readFileSync(join(dataDir, CLASSIFICATION_NAMES_FILE), 'utf8')))
      if (names.ok) b = withClassificationNames(b, names.value)
    }
    budgets.set(entry.id, b)
  }
  return { catalogue: cat.value, budgets }
}

/**
 * "index.html", "<id>.html", "<id>.en.html", "<id>.tables.html", "<id>.tables.en.html", "district.en.html":
 * flat, so `./assets/…` resolves under any sub-path.
 */
export function pageFileName(target: PageTarget): string {
  if (target.landing) return 'index.html'
  const lang = target.locale === DEFAULT_LOCALE ? '' : `.${target.locale}`
  if (target.entry === null) return `district${lang}.html`
  const view = target.view === 'overview' ? '' : `.${target.view}`
  return `${target.entry.id}${view}${lang}.html`
}

/**
 * Every page of a catalogue: each dataset × language × pre-rendered view, and with two or more
 * departments the district landing in each language. index.html is the default language's district
 * landing, or with one department its default dataset's overview.
 */
export function listPages(catalogue: Catalogue): PageTarget[] {
  const district = hasDistrict(catalogue)
  const landing = district ? undefined : selectEntry(catalogue)
  const datasets = catalogue.datasets.flatMap((entry) =>
    LOCALES.flatMap((locale) =>
      PRERENDERED_VIEWS.map((view) => ({ entry, locale, view, landing: view === 'overview' && locale === DEFAULT_LOCALE && entry.id === landing?.id })),
    ),
  )
  if (!district) return datasets
  return [...LOCALES.map((locale) => ({ entry: null, locale, view: 'district' as const, landing: locale === DEFAULT_LOCALE })), ...datasets]
}

/** The page's state for the app (`src/prerenderPage.ts`). */
export function pageState(target: PageTarget): PageState {
  const { entry, locale, view, landing } = target
  const query = entry ? entryQuery(entry) : {}
  return { dataset: entry?.id ?? null, locale, view, query, landing, hash: pageHash(locale, view, query), hashes: pageHashes(locale, view, query, landing) }
}

/** What a pre-rendered page holds: the app's markup and its head's texts. */
export interface RenderedPage {
  /** The server render of `App.vue` on the page's route. */
  appHtml: string
  title: string
  description: string
  /** The messages the page's own additions use (`prerender.*`), in its language. */
  say: (key: string, params?: Record<string, string | number>) => string
}

/** Renders the app on one page's route, with the store holding the page's dataset (or the catalogue alone) as if it had loaded. */
export async function renderPage(data: SiteData, target: PageTarget): Promise<RenderedPage> {
  if (target.entry && !data.budgets.has(target.entry.id)) throw new Error(`prerender: no dataset ${target.entry.id}`)
  const i18n = createAppI18n(target.locale)
  await ensureMessages(i18n, target.locale, 'all')
  i18n.global.mergeLocaleMessage(target.locale, { prerender: OWN_MESSAGES[target.locale] } as never)
  // Base '#': links are written as the app's hash history writes them ("#/en/tables?…").
  const router = createAppRouter(createMemoryHistory('#'))
  const pinia = createPinia()
  const app = createSSRApp(App).use(pinia).use(i18n).use(router)
  const store = useBudgetStore(pinia)
  store.catalogue = data.catalogue
  // The district landing: the state the app mounts with there, the catalogue alone (no dataset).
  const shown = target.entry
  const budget = shown ? data.budgets.get(shown.id) : undefined
  if (shown && budget) {
    store.selected = shown
    store.budget = budget
    store.otherYears = new Map(
      data.catalogue.datasets
        .filter((d) => d.departmentId === budget.departmentId && d.phase === budget.phase && d.id !== budget.id)
        .flatMap((d) => {
          const other = data.budgets.get(d.id)
          return other ? [[other.year, other] as const] : []
        }),
    )
  }
  store.status = 'ready'
  await router.push(target.entry ? { name: target.view, params: { locale: target.locale }, query: entryQuery(target.entry) } : { name: 'district', params: { locale: target.locale } })
  await router.isReady()
  const appHtml = await renderToString(app)

  const t = (key: string, params: Record<string, string | number> = {}): string => i18n.global.t(key, params)
  const site = data.catalogue.site.name[languageOf(target.locale).text] ?? data.catalogue.site.name.zh
  if (!target.entry || !budget) {
    const years = listYears(data.catalogue)
    const params = { site, departments: listDepartments(data.catalogue).length, datasets: data.catalogue.datasets.length, years: years.length > 1 ? `${years.at(-1)}–${years[0]}` : String(years[0] ?? '') }
    return { appHtml, title: t('prerender.districtTitle', params), description: t('prerender.districtDescription', params), say: t }
  }
  const phase = t(`app.phase.${target.entry.phase}`)
  const ov = computeOverview(budget)
  const params = {
    department: localize(budget.department, target.locale),
    yearAndPhase: t('app.yearAndPhase', { year: target.entry.year, phase }),
    total: formatAmount(ov.expenditure.current, target.locale),
    site,
  }
  const overview = target.view === 'overview'
  return { appHtml, title: t(overview ? 'prerender.title' : 'prerender.tablesTitle', params), description: t(overview ? 'prerender.description' : 'prerender.tablesDescription', params), say: t }
}

/** The files a pre-rendered page needs from the build. */
export interface PageAssets {
  /** The gate script's file name ("assets/prerender-gate-….js"). */
  gate: string
  /** The stylesheets of a view's chunks, to apply before any script runs (the overview's are only preloaded by index.html). */
  viewCss: (view: PageView) => readonly string[]
  /** The JS chunks a view's route loads (its chunk, those it imports, the entry's imports), for the gate to preload. */
  viewModules: (view: PageView) => readonly string[]
}

/** The links for readers without scripts: the page's other view and language; on the district landing, every department's pages. */
function staticNav(data: SiteData, target: PageTarget, say: RenderedPage['say']): string {
  const other = LANGUAGES.find((l) => l.tag !== target.locale)
  const district = hasDistrict(data.catalogue)
  const href = (t: PageTarget): string => `./${escapeHtml(pageFileName(t))}`
  const item = (to: PageTarget, label: string): string =>
    `<li><a href="${href(to)}"${to.locale === target.locale ? '' : ` lang="${languageOf(to.locale).htmlLang}"`}>${escapeHtml(label)}</a></li>`
  // The very pages listPages writes (so a link names the file written, index.html included).
  const pages = listPages(data.catalogue)
  const page = (entry: CatalogueEntry | null, view: PageView, locale: Locale): PageTarget => {
    const found = pages.find((p) => p.entry?.id === entry?.id && p.view === view && p.locale === locale)
    if (!found) throw new Error(`prerender: no ${view} page for ${entry?.id ?? 'the district'} in ${locale}`)
    return found
  }
  const items: string[] = []
  if (target.entry === null) {
    for (const d of listDepartments(data.catalogue)) {
      const name = localize(d.department, target.locale)
      const years = d.datasets.map((e) => `<a href="${href(page(e, 'overview', target.locale))}">${escapeHtml(say('app.yearAndPhase', { year: e.year, phase: say(`app.phase.${e.phase}`) }))}</a>`)
      items.push(`<li>${escapeHtml(name)}: ${years.join(' · ')}</li>`)
    }
  } else {
    items.push(target.view === 'overview' ? item(page(target.entry, 'tables', target.locale), say('prerender.tablesLink')) : item(page(target.entry, 'overview', target.locale), say('prerender.overviewLink')))
    if (district) items.push(item(page(null, 'district', target.locale), say('prerender.districtLink')))
  }
  if (other) items.push(item(page(target.entry, target.view, other.tag), say('prerender.otherLanguage')))
  return `<noscript><nav class="static-nav" aria-label="${escapeHtml(say('prerender.staticNav'))}"><ul>${items.join('')}</ul></nav></noscript>`
}

/** `template` (the built index.html) turned into one pre-rendered page. */
export function fillPage(template: string, data: SiteData, target: PageTarget, page: RenderedPage, assets: PageAssets): string {
  const lang = languageOf(target.locale)
  // The app's script and preloads leave the HTML for the block's `load`: the gate requests them after the first paint.
  const modules = assets.viewModules(target.view).map((f) => `./${f}`)
  const { html: rest, load } = takeAppLoad(template, target.entry ? `./data/${target.entry.file}` : null, modules)
  const state = JSON.stringify({ ...pageState(target), load } satisfies PageState).replace(/</g, '\\u003c')
  const head = [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${escapeHtml(page.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(page.description)}" />`,
    `<meta property="og:locale" content="${lang.htmlLang.replace('-', '_')}" />`,
    `<script type="application/json" id="${PAGE_STATE_ID}">${state}</script>`,
    `<script src="./${assets.gate}"></script>`,
  ].join('\n    ')
  // After the entry's stylesheet, in the order the app would add them (the cascade is the same).
  const stylesheets = assets.viewCss(target.view).map((css) => `  <link rel="stylesheet" crossorigin href="./${css}">\n  `)
  const bootLine = /<p class="boot"[^>]*>([\s\S]*?)<\/p>/.exec(template)?.[1] ?? ''
  const app = [
    `<p class="boot prerender-boot" role="status">${bootLine}</p>`,
    // Before the page's content; on the district landing (a line per department) after it.
    target.entry ? page.appHtml.replace(/<main id="main"/, (m) => `${staticNav(data, target, page.say)}${m}`) : page.appHtml.replace(/<\/main>/, (m) => `${m}${staticNav(data, target, page.say)}`),
  ].join('')
  return (
    rest
      .replace(/<html lang="[^"]*"/, `<html lang="${lang.htmlLang}"`)
      .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(page.title)}</title>\n    ${head}`)
      .replace(/(<meta name="description" content=")[^"]*(")/, `$1${escapeHtml(page.description)}$2`)
      .replace(/<div id="app">[\s\S]*?<\/div>/, () => `<div id="app">${app}</div>`)
      // Each page applies its own view's stylesheets: index.html's preloads of the overview's are not needed.
      .replace(/\s*<link rel="preload"[^>]*as="style"[^>]*>/g, '')
      .replace('</head>', () => `${stylesheets.join('')}</head>`)
  )
}

/**
 * The built index.html without the app's entry script, and the elements the gate script adds to start
 * the app (`scripts/prerender-gate.js`): the catalogue and `dataFile` (the page's own dataset; none for the
 * district landing) to preload, then `modules`, then the entry script.
 */
export function takeAppLoad(template: string, dataFile: string | null, modules: readonly string[]): { html: string; load: AppLoad } {
  let script = ''
  const html = template.replace(/\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/, (_, src: string) => {
    script = src
    return ''
  })
  if (!script) throw new Error('prerender: the built index.html has no module script')
  const load: AppLoad = [
    ...['./data/index.json', ...(dataFile ? [dataFile] : [])].map((href) => ({ tag: 'link' as const, attrs: { rel: 'preload', href, as: 'fetch', crossorigin: 'anonymous' } })),
    ...modules.map((href) => ({ tag: 'link' as const, attrs: { rel: 'modulepreload', crossorigin: '', href } })),
    { tag: 'script', attrs: { type: 'module', crossorigin: '', src: script } },
  ]
  return { html, load }
}

/** Every pre-rendered page of the catalogue in `dataDir`, built from `template` (the built index.html). */
export async function prerenderSite(dataDir: string, template: string, assets: PageAssets): Promise<{ fileName: string; html: string }[]> {
  const data = readSiteData(dataDir)
  const out: { fileName: string; html: string }[] = []
  for (const target of listPages(data.catalogue)) {
    const page = await renderPage(data, target)
    out.push({ fileName: pageFileName(target), html: fillPage(template, data, target, page, assets) })
  }
  return out
}
