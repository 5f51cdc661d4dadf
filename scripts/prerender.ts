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
import { selectEntry } from '../src/domain/catalogue'
import { CLASSIFICATION_NAMES_FILE, parseClassificationNames } from '../src/domain/classificationNames'
import { computeOverview } from '../src/domain/derive'
import { withClassificationNames } from '../src/domain/englishNames'
import { formatAmount } from '../src/domain/format'
import { DEFAULT_LOCALE, LANGUAGES, LOCALES, languageOf, type Locale } from '../src/domain/languages'
import { parseCatalogue, parseDataset } from '../src/domain/parse'
import { ALL_STEPS } from '../src/domain/steps'
import { localize, type Budget, type Catalogue, type CatalogueEntry } from '../src/domain/types'
import { needsClassificationNames } from '../src/domain/untranslated'
import { PAGE_STATE_ID, pageHash, pageHashes, type PageState, type PageView } from '../src/prerenderPage'
import { escapeHtml } from './site-head'
import prerenderZh from '../src/i18n/locales/zh-CN/prerender.json'
import prerenderEn from '../src/i18n/locales/en/prerender.json'

/** The pre-rendered pages' own messages (head, links for readers without scripts), which the app never loads. */
const OWN_MESSAGES: Record<Locale, unknown> = { 'zh-CN': prerenderZh, en: prerenderEn }

/** The views that are pre-rendered (the district landing can be added here once it exists). */
export const PRERENDERED_VIEWS = ['overview', 'tables'] as const satisfies readonly PageView[]

/** One page to write: which dataset, in which language, which view. */
export interface PageTarget {
  entry: CatalogueEntry
  locale: Locale
  view: PageView
  /** true for the site's landing page (index.html): the catalogue's default dataset in the default language. */
  landing: boolean
}

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

/** "index.html", "<id>.html", "<id>.en.html", "<id>.tables.html", "<id>.tables.en.html": flat, so `./assets/…` resolves under any sub-path. */
export function pageFileName(target: Pick<PageTarget, 'entry' | 'locale' | 'view' | 'landing'>): string {
  if (target.landing) return 'index.html'
  const view = target.view === 'overview' ? '' : `.${target.view}`
  const lang = target.locale === DEFAULT_LOCALE ? '' : `.${target.locale}`
  return `${target.entry.id}${view}${lang}.html`
}

/** Every page of a catalogue: each dataset × language × pre-rendered view; the default dataset's overview in the default language is index.html. */
export function listPages(catalogue: Catalogue): PageTarget[] {
  const landing = selectEntry(catalogue)
  return catalogue.datasets.flatMap((entry) =>
    LOCALES.flatMap((locale) =>
      PRERENDERED_VIEWS.map((view) => ({ entry, locale, view, landing: view === 'overview' && locale === DEFAULT_LOCALE && entry.id === landing?.id })),
    ),
  )
}

/** The page's state for the app (`src/prerenderPage.ts`). */
export function pageState(target: PageTarget): PageState {
  const query = entryQuery(target.entry)
  const { entry, locale, view, landing } = target
  return { dataset: entry.id, locale, view, query, landing, hash: pageHash(locale, view, query), hashes: pageHashes(locale, view, query, landing) }
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

/** Renders the app on one page's route, with the store holding the page's dataset as if it had loaded. */
export async function renderPage(data: SiteData, target: PageTarget): Promise<RenderedPage> {
  const budget = data.budgets.get(target.entry.id)
  if (!budget) throw new Error(`prerender: no dataset ${target.entry.id}`)
  const i18n = createAppI18n(target.locale)
  await ensureMessages(i18n, target.locale, 'all')
  i18n.global.mergeLocaleMessage(target.locale, { prerender: OWN_MESSAGES[target.locale] } as never)
  // Base '#': links are written as the app's hash history writes them ("#/en/tables?…").
  const router = createAppRouter(createMemoryHistory('#'))
  const pinia = createPinia()
  const app = createSSRApp(App).use(pinia).use(i18n).use(router)
  const store = useBudgetStore(pinia)
  store.catalogue = data.catalogue
  store.selected = target.entry
  store.budget = budget
  store.otherYears = new Map(
    data.catalogue.datasets
      .filter((d) => d.departmentId === budget.departmentId && d.phase === budget.phase && d.id !== budget.id)
      .flatMap((d) => {
        const other = data.budgets.get(d.id)
        return other ? [[other.year, other] as const] : []
      }),
  )
  store.status = 'ready'
  await router.push({ name: target.view, params: { locale: target.locale }, query: entryQuery(target.entry) })
  await router.isReady()
  const appHtml = await renderToString(app)

  const t = (key: string, params: Record<string, string | number> = {}): string => i18n.global.t(key, params)
  const text = languageOf(target.locale).text
  const phase = t(`app.phase.${target.entry.phase}`)
  const ov = computeOverview(budget)
  const params = {
    department: localize(budget.department, target.locale),
    yearAndPhase: t('app.yearAndPhase', { year: target.entry.year, phase }),
    total: formatAmount(ov.expenditure.current, target.locale),
    site: data.catalogue.site.name[text] ?? data.catalogue.site.name.zh,
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
}

/** `template` (the built index.html) turned into one pre-rendered page. */
export function fillPage(template: string, data: SiteData, target: PageTarget, page: RenderedPage, assets: PageAssets): string {
  const lang = languageOf(target.locale)
  const other = LANGUAGES.find((l) => l.tag !== target.locale)
  const link = (view: PageView, locale: Locale, label: string): string =>
    `<li><a href="./${escapeHtml(pageFileName({ entry: target.entry, locale, view, landing: view === 'overview' && locale === DEFAULT_LOCALE && selectEntry(data.catalogue)?.id === target.entry.id }))}"${locale === target.locale ? '' : ` lang="${languageOf(locale).htmlLang}"`}>${escapeHtml(label)}</a></li>`
  const staticNav = [
    `<noscript><nav class="static-nav" aria-label="${escapeHtml(page.say('prerender.staticNav'))}"><ul>`,
    target.view === 'overview' ? link('tables', target.locale, page.say('prerender.tablesLink')) : link('overview', target.locale, page.say('prerender.overviewLink')),
    other ? link(target.view, other.tag, page.say('prerender.otherLanguage')) : '',
    '</ul></nav></noscript>',
  ].join('')
  const state = JSON.stringify(pageState(target)).replace(/</g, '\\u003c')
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
  const budget = data.budgets.get(target.entry.id)
  const dataFile = target.entry.file
  const bootLine = /<p class="boot"[^>]*>([\s\S]*?)<\/p>/.exec(template)?.[1] ?? ''
  const app = [
    `<p class="boot prerender-boot" role="status">${bootLine}</p>`,
    page.appHtml.replace(/<main id="main"/, `${staticNav}<main id="main"`),
  ].join('')
  let html = template
    .replace(/<html lang="[^"]*"/, `<html lang="${lang.htmlLang}"`)
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(page.title)}</title>\n    ${head}`)
    .replace(/(<meta name="description" content=")[^"]*(")/, `$1${escapeHtml(page.description)}$2`)
    .replace(/<div id="app">[\s\S]*?<\/div>/, () => `<div id="app">${app}</div>`)
    .replace('</head>', () => `${stylesheets.join('')}</head>`)
  // Preload this page's dataset instead of the default one (the catalogue's preload stays).
  if (budget) html = html.replace(/(<link rel="preload" href="\.\/data\/)(?!index\.json)[^"]+(")/, (_, a: string, z: string) => `${a}${escapeHtml(dataFile)}${z}`)
  // A stylesheet applied now needs no preload as well.
  for (const css of assets.viewCss(target.view)) html = html.replace(new RegExp(`\\s*<link rel="preload"[^>]*href="\\./${css.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`), '')
  return html
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
