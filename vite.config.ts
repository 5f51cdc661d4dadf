import { fileURLToPath, URL } from 'node:url'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { createServer, minify, runnerImport, type Plugin, type PluginOption } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import type { Catalogue } from './src/domain/types.ts'
import { LANGUAGES } from './src/domain/languages.ts'
import { fillSiteHead } from './scripts/site-head.ts'

/**
 * The data folder the build reads (catalogue, datasets): `BUDGET_DATA_DIR`, default `public/data`, so a
 * benchmark or a test can build the head, the pre-rendered pages and the exports for another catalogue.
 * (The site still ships `public/`; serve another data folder with `serve-static.mjs --data`.)
 */
const DATA_DIR = process.env.BUDGET_DATA_DIR ?? 'public/data'

/**
 * index.html's `<html lang>`, `<title>` and `<meta name="description">` from the catalogue's site
 * name and each UI language's `app.siteDescription` message (`scripts/site-head.ts`).
 */
function siteHead(): Plugin {
  return {
    name: 'site-head',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const { site } = JSON.parse(readFileSync(`${DATA_DIR}/index.json`, 'utf8')) as Catalogue
        const descriptions = Object.fromEntries(
          LANGUAGES.map((l) => [l.tag, (JSON.parse(readFileSync(`src/i18n/locales/${l.tag}/app.json`, 'utf8')) as { siteDescription?: string }).siteDescription]),
        )
        return fillSiteHead(html, site, descriptions)
      },
    },
  }
}

/** The overview, the route most first visits open: its chunks get V8's compile hint (`compileHints`). */
const LANDING_ROUTE = 'src/views/OverviewView.vue'

/**
 * V8's explicit compile hint (Chrome ≥ 126; a plain comment elsewhere) on the chunks the first page
 * runs almost entirely (the entry, the landing route and their static imports): every function is
 * compiled while the file streams in, off the main thread, instead of lazily on first call in the
 * middle of the first render. Measured: the main thread's compile time on the first load falls to
 * about a third (docs/BENCHMARKS.md). Added after minification and after Vite's own additions,
 * since the comment must open the file.
 */
function compileHints(landing = LANDING_ROUTE): Plugin {
  return {
    name: 'v8-compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk')
        const firstPage = new Set(
          chunks.filter((c) => c.isEntry || c.facadeModuleId?.endsWith(landing)).flatMap((c) => [c.fileName, ...c.imports]),
        )
        // Not on the few-line chunks (the entry, Rolldown's runtime): nothing there to compile ahead, and the comment costs bytes.
        for (const chunk of chunks) if (firstPage.has(chunk.fileName) && chunk.code.length > 2048) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`
      },
    },
  }
}

/**
 * Publishes every table of every dataset as static CSV files beside the data (`data/exports/…`), so a
 * plain link downloads them where blob URLs do not work (WeChat's and QQ's in-app browsers). Built by
 * the same domain code and messages as the app's download button; served on the fly by the dev server.
 */
function staticExports(): Plugin {
  const root = fileURLToPath(new URL('.', import.meta.url))
  const dataDir = resolve(root, DATA_DIR)
  // Through Vite's module runner, as the project's scripts are (the domain code imports without extensions).
  const load = async (): Promise<typeof import('./scripts/static-exports')> =>
    (await runnerImport<typeof import('./scripts/static-exports')>('./scripts/static-exports.ts', { configFile: false, logLevel: 'error' })).module
  return {
    name: 'static-exports',
    async generateBundle() {
      const { buildStaticExports } = await load()
      for (const f of buildStaticExports(dataDir, root)) this.emitFile({ type: 'asset', fileName: `data/${f.path}`, source: f.text })
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const match = /\/data\/(exports\/[\w.-]+\/[\w.-]+\.csv)$/.exec(req.url ?? '')
        if (!match) return next()
        const { buildStaticExports } = await load()
        const file = buildStaticExports(dataDir, root).find((f) => f.path === match[1])
        if (!file) return next()
        res.setHeader('Content-Type', 'text/csv; charset=utf-8')
        res.end(file.text)
      })
    },
  }
}

/**
 * The pre-rendered pages (`scripts/prerender.ts`): index.html becomes the default dataset's overview in
 * the default language, with the figures in the HTML; each dataset × language × pre-rendered view gets
 * its own page beside it (`<id>.html`, `<id>.en.html`, `<id>.tables.html`, …). Rendered by Vue's server
 * renderer from the app's own components, after Vite has written index.html (its final links).
 */
function prerenderPages(): Plugin {
  const root = fileURLToPath(new URL('.', import.meta.url))
  return {
    name: 'prerender-pages',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html']
        if (index?.type !== 'asset' || typeof index.source !== 'string') throw new Error('prerender-pages: no index.html')
        // Minified: it blocks the first paint, and its comments are most of its bytes.
        const gateSource = (await minify('prerender-gate.js', readFileSync(resolve(root, 'scripts/prerender-gate.js'), 'utf8'), { compress: true, mangle: true })).code
        const gate = this.getFileName(this.emitFile({ type: 'asset', name: 'prerender-gate.js', source: gateSource }))
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk')
        // A view's chunk and the chunks it imports (not the entry: index.html links it and its CSS already).
        const viewChunks = (view: string): (typeof chunks)[number][] => {
          const closure = new Set<string>()
          const visit = (c: (typeof chunks)[number] | undefined): void => {
            if (!c || c.isEntry || closure.has(c.fileName)) return
            closure.add(c.fileName)
            for (const i of c.imports) visit(chunks.find((x) => x.fileName === i))
          }
          visit(chunks.find((c) => c.facadeModuleId?.endsWith(`/src/views/${view[0]?.toUpperCase()}${view.slice(1)}View.vue`)))
          return chunks.filter((c) => closure.has(c.fileName))
        }
        const viewCss = (view: string): string[] => viewChunks(view).flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])])
        // The view's chunk and its imports, then the entry's own imports: what the gate preloads for the page's route.
        const entryImports = chunks.find((c) => c.isEntry)?.imports ?? []
        const viewModules = (view: string): string[] => [...new Set([...viewChunks(view).map((c) => c.fileName), ...entryImports])]
        // A Vite server of the app's own plugins, in SSR mode, loads the app's modules (lazy routes and messages included).
        const server = await createServer({
          configFile: false,
          root,
          logLevel: 'error',
          appType: 'custom',
          plugins: appPlugins(),
          resolve: { alias: ALIAS },
          server: { middlewareMode: true, hmr: false, ws: false, watch: null },
        })
        try {
          const { prerenderSite } = (await server.ssrLoadModule('/scripts/prerender.ts')) as typeof import('./scripts/prerender')
          for (const page of await prerenderSite(resolve(root, DATA_DIR), index.source, { gate, viewCss, viewModules })) {
            if (page.fileName === 'index.html') index.source = page.html
            else this.emitFile({ type: 'asset', fileName: page.fileName, source: page.html })
          }
        } finally {
          await server.close()
        }
      },
    },
  }
}

/** The plugins that compile the app's own modules (components, precompiled messages), for the build and the pre-render. */
function appPlugins(): PluginOption[] {
  return [
    vue(),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))],
      runtimeOnly: true,
      dropMessageCompiler: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: true,
      escapeHtml: true,
    }),
  ]
}

const ALIAS = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

// `base: './'` makes one build work under any sub-path (/, /budget/, /portal/x/):
// assets and data are resolved relative to index.html, and routing uses the URL hash.
export default defineConfig({
  base: './',
  plugins: [
    ...appPlugins(),
    siteHead(),
    compileHints(),
    staticExports(),
    prerenderPages(),
  ],
  define: {
    // Composition API only: drop Vue's Options API and devtools hooks from the bundle.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    // vue-i18n's own flag (its esm-bundler build leaves it to the bundler): no devtools hooks in production.
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  resolve: {
    alias: ALIAS,
  },
  build: {
    target: 'es2020',
    // No JS preload helper for lazy chunks (their CSS is still loaded by Vite): a view's shared chunks are
    // fetched when its chunk imports them, one round trip later on the first visit to that view, instead of a
    // table of every chunk's dependencies in the entry (0.9 KiB gzip of the first load). A pre-rendered page's
    // own route chunks are preloaded by its gate script (the `prerender-pages` plugin's viewModules).
    modulePreload: false,
    cssCodeSplit: true,
    // dist/.vite/manifest.json: lets the benchmark find exactly what the first page loads.
    manifest: true,
    rolldownOptions: {
      output: {
        // The first page's code in two chunks instead of many small shared ones (each compresses
        // worse on its own): the framework with valibot, and the data layer. Charts stay apart.
        codeSplitting: {
          groups: [
            { name: 'framework', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify|valibot)[\\/]/, priority: 2 },
            {
              name: 'data',
              test: /src[\\/](domain[\\/](schema|parse|tree|catalogue|format|types|derive|numeric|version|untranslated|languages|editorialPaths)\.ts|stores[\\/](budget|settings)\.ts|i18n[\\/]index\.ts|composables[\\/](useLocale|useDatasetRoute|usePageTitle|useDatasetLabels)\.ts|components[\\/](DerivedTag|AppHeader|AppNav|LanguageSwitch|DataGate|HeaderTools|SwitcherPlaceholder)\.vue|App\.vue|router[\\/](index|datasetParams|locale)\.ts)$/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    env: { TZ: 'UTC' },
  },
})
