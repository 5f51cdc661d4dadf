#!/usr/bin/env node
// `npm run bench`: the speed and size benchmark of issue 8. Not run by the tests or CI.
//
//   npm run bench [-- --skip lighthouse,interaction,scale | --only scale] [--runs 3]
//
// 1. size: builds the app and sums the gzipped JS needed for the first page (entry chunk, its
//    static imports and the overview route's chunk), and the lazily loaded chart chunk.
// 2. lighthouse: Lighthouse 12.2.3 (pinned in package.json), mobile preset with simulated slow
//    4G, against the built app served gzipped from /budget/ under the strict CSP; median of N runs.
// 3. interaction: in Chromium, time from a click/keypress to the settled DOM for drill-down,
//    measure switch and language switch (median of 5 each).
// district: a synthetic 60 departments × 5 years catalogue (with summaries): Lighthouse on `#/zh-CN`
//    (which opens the district landing), the landing's first-load JS (in part 1), and in Chromium
//    the time from a sort or filter on the landing and the comparison to the next painted frame.
// 4. scale: synthetic catalogues at 1×, 100× and 1,000× this dataset's line items: Node time to
//    read, validate and derive them all, and in Chromium the app's cold load and chart render.
// Prints a summary table and writes bench-results/latest.json.
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { runnerImport } from 'vite'
import { chromium } from 'playwright-core'
import { startServer } from '../serve-static.mjs'

const args = process.argv.slice(2)
const PARTS = ['lighthouse', 'district', 'interaction', 'scale']
const skip = new Set(args.includes('--skip') ? args[args.indexOf('--skip') + 1].split(',') : [])
if (args.includes('--only')) for (const p of PARTS) if (!args[args.indexOf('--only') + 1].split(',').includes(p)) skip.add(p)
const RUNS = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3)
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const OUT = 'bench-results'
const results = { machine: machine(), date: new Date().toISOString() }

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10
const ms = (x) => Math.round(x * 10) / 10

async function measureSize() {
  execFileSync('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  const manifest = JSON.parse(await readFile('dist/.vite/manifest.json', 'utf8'))
  const gz = async (file) => gzipSync(await readFile(path.join('dist', file)), { level: 9 }).length
  const closure = (key, seen = new Set()) => {
    const chunk = manifest[key]
    if (!chunk || seen.has(chunk.file)) return seen
    seen.add(chunk.file)
    for (const imp of chunk.imports ?? []) closure(imp, seen)
    return seen
  }
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)
  const overviewKey = Object.keys(manifest).find((k) => k.endsWith('views/OverviewView.vue'))
  const firstLoad = closure(overviewKey, closure(entryKey))
  // The pre-rendered pages' gate script (scripts/prerender-gate.js) is JS every first page runs: counted too.
  const gate = (await readdir('dist/assets')).find((f) => /^prerender-gate-.*\.js$/.test(f))
  const gateJs = gate ? await gz(`assets/${gate}`) : 0
  let firstJs = gateJs
  for (const f of firstLoad) if (f.endsWith('.js')) firstJs += await gz(f)
  // The district landing's first page: the entry, its route chunk and the landing it loads at once (issue 16).
  const landingKeys = Object.keys(manifest).filter((k) => /views\/DistrictView\.vue$|district\/DistrictLanding\.vue$/.test(k))
  const landingLoad = landingKeys.reduce((seen, k) => closure(k, seen), closure(entryKey))
  let landingJs = gateJs
  for (const f of landingLoad) if (f.endsWith('.js')) landingJs += await gz(f)
  const css = new Set([entryKey, overviewKey].flatMap((k) => manifest[k]?.css ?? []))
  let firstCss = 0
  for (const f of css) firstCss += await gz(f)
  const chartKeys = Object.keys(manifest).filter((k) => /node_modules\/(echarts|zrender|vue-echarts)/.test(k) || manifest[k].name === 'ChartFrame')
  const chartFiles = new Set(chartKeys.map((k) => manifest[k].file))
  let chartJs = 0
  for (const f of chartFiles) chartJs += await gz(f)
  let allJs = 0
  for (const k of Object.keys(manifest)) if (manifest[k].file.endsWith('.js')) allJs += await gz(manifest[k].file)
  const data = await readFile('dist/data/index.json')
  results.size = {
    firstLoadJsKiB: kib(firstJs),
    firstLoadJsBytes: firstJs,
    gateJsBytes: gateJs,
    firstLoadCssKiB: kib(firstCss),
    firstLoadFiles: [...firstLoad],
    landingFirstLoadJsKiB: kib(landingJs),
    chartJsKiB: kib(chartJs),
    allJsKiB: kib(allJs),
    catalogueBytes: data.length,
  }
}

async function withServer(options, fn) {
  const server = await startServer({ root: 'dist', base: '/budget/', port: 0, ...options })
  try {
    return await fn(server.url)
  } finally {
    await server.close()
  }
}

/** Lighthouse mobile on the overview, median of RUNS: on the shipped data, or on another data folder (`dataDir`). */
async function lighthouseRuns(label, serverOptions = {}) {
  const runs = []
  await withServer(serverOptions, async (url) => {
    for (let i = 0; i < RUNS; i++) {
      const out = path.join(OUT, `lighthouse-${label}-${i + 1}.json`)
      // Asynchronous: the server runs in this process, so a blocking child would starve it.
      await promisify(execFile)(
        'node',
        [
          'node_modules/lighthouse/cli/index.js',
          `${url}#/zh-CN`,
          '--quiet',
          '--output=json',
          `--output-path=${out}`,
          '--only-categories=performance,accessibility,best-practices',
          `--chrome-flags=${CHROME_ARGS.join(' ')}`,
        ],
        { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 2 ** 20 },
      )
      const r = JSON.parse(await readFile(out, 'utf8'))
      runs.push({
        performance: Math.round(r.categories.performance.score * 100),
        accessibility: Math.round(r.categories.accessibility.score * 100),
        bestPractices: Math.round(r.categories['best-practices'].score * 100),
        lcpMs: Math.round(r.audits['largest-contentful-paint'].numericValue),
        tbtMs: Math.round(r.audits['total-blocking-time'].numericValue),
        cls: Math.round(r.audits['cumulative-layout-shift'].numericValue * 1000) / 1000,
        fcpMs: Math.round(r.audits['first-contentful-paint'].numericValue),
      })
    }
  })
  const pick = (k) => median(runs.map((r) => r[k]))
  return { runs, median: Object.fromEntries(['performance', 'accessibility', 'bestPractices', 'lcpMs', 'tbtMs', 'cls', 'fcpMs'].map((k) => [k, pick(k)])) }
}

async function runLighthouse() {
  results.lighthouse = await lighthouseRuns('shipped')
}

/** Issue 13's target: the overview with a catalogue of 60 departments × 5 years (a synthetic district). */
async function runDistrict() {
  const { module: synthetic } = await runnerImport('./scripts/bench/synthetic.ts', { configFile: false, logLevel: 'error' })
  const dir = path.join(OUT, 'district-60x5')
  const info = await synthetic.writeDistrictCatalogue(dir, 60, 5)
  // Built for that catalogue (BUDGET_DATA_DIR), so its pre-rendered pages hold its figures: 300 datasets × 2 languages × 2 views.
  const outDir = path.join(OUT, 'dist-district')
  const started = performance.now()
  execFileSync('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit',
    // NODE_ENV: the `runnerImport` above set it to "development" in this process; inherited, it made this a
    // development build of Vue (warnings, HMR hooks), which every district figure before 2026-12-03 measured.
    env: { ...process.env, NODE_ENV: 'production', BUDGET_DATA_DIR: dir },
  })
  const buildMs = Math.round(performance.now() - started)
  console.log(`district build (pre-rendering every page): ${buildMs} ms`)
  // With 60 departments `#/zh-CN` opens the district landing, so this is Lighthouse on the landing.
  results.district = { ...info, buildMs, ...(await lighthouseRuns('district', { root: outDir, dataDir: dir })) }
  const { module: district } = await runnerImport('./scripts/bench/district.ts', { configFile: false, logLevel: 'error' })
  results.district.interaction = await withServer({ root: outDir, dataDir: dir }, (url) => district.benchDistrict(url))
}

async function runInteraction() {
  const { module } = await runnerImport('./scripts/bench/interaction.ts', { configFile: false, logLevel: 'error' })
  const rows = await withServer({}, async (url) => [...module.benchNode(), ...(await module.benchBrowser(url))])
  module.print(rows)
  results.interaction = rows
}

async function runScale() {
  const { module: synthetic } = await runnerImport('./scripts/bench/synthetic.ts', { configFile: false, logLevel: 'error' })
  const { module: pipeline } = await runnerImport('./scripts/bench/pipeline.ts', { configFile: false, logLevel: 'error' })
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS })
  const out = []
  try {
    for (const copies of [1, 100, 1000]) {
      const dir = path.join(OUT, `synthetic-${copies}`)
      const info = await synthetic.writeSyntheticCatalogue(dir, copies)
      const nodeRuns = []
      for (let i = 0; i < 3; i++) nodeRuns.push((await pipeline.timePipeline(dir)).ms)
      const browserRuns = await withServer({ dataDir: dir, csp: false }, async (url) => {
        const runs = []
        for (let i = 0; i < 3; i++) {
          const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
          await page.goto(`${url}#/zh-CN`)
          await page.waitForSelector('[data-testid="total"]', { timeout: 60000 })
          const load = await page.evaluate(() => performance.now())
          const t0 = Date.now()
          await page.goto(`${url}#/zh-CN/classification`)
          await page.waitForSelector('canvas', { timeout: 60000 })
          const chart = Date.now() - t0
          runs.push({ load, chart })
          await page.close()
        }
        return runs
      })
      const nodeMs = median(nodeRuns)
      out.push({
        scale: `${copies}×`,
        datasets: info.datasets,
        lineItems: info.lineItems,
        megabytes: Math.round((info.bytes / 2 ** 20) * 10) / 10,
        nodeValidateDeriveAllMs: ms(nodeMs),
        nodeMicrosecondsPerLineItem: Math.round((nodeMs * 1000) / info.lineItems),
        browserOverviewLoadMs: ms(median(browserRuns.map((r) => r.load))),
        browserClassificationRenderMs: ms(median(browserRuns.map((r) => r.chart))),
      })
    }
  } finally {
    await browser.close()
  }
  results.scale = out
}

function printSummary() {
  const rows = []
  if (results.size) {
    rows.push(['first-load JS (gzip, gate script included)', `${results.size.firstLoadJsKiB} KiB`, '≤ 90 KiB'])
    rows.push(['district landing first-load JS (gzip)', `${results.size.landingFirstLoadJsKiB} KiB`, '≤ 90 KiB'])
    rows.push(['chart JS, lazy (gzip)', `${results.size.chartJsKiB} KiB`, 'on demand'])
  }
  if (results.lighthouse) {
    const m = results.lighthouse.median
    rows.push(['Lighthouse performance', m.performance, '≥ 95'])
    rows.push(['Lighthouse accessibility', m.accessibility, '100'])
    rows.push(['Lighthouse best practices', m.bestPractices, '≥ 95'])
    rows.push(['LCP', `${m.lcpMs} ms`, '≤ 2000 ms'])
    rows.push(['TBT', `${m.tbtMs} ms`, '≤ 150 ms'])
    rows.push(['CLS', m.cls, '≤ 0.05'])
  }
  if (results.district) {
    const m = results.district.median
    rows.push([`district ${results.district.datasets} datasets: Lighthouse performance`, m.performance, '≥ 95'])
    rows.push([`district: LCP / TBT / CLS`, `${m.lcpMs} ms / ${m.tbtMs} ms / ${m.cls}`, ''])
    for (const r of results.district.interaction ?? []) rows.push([`district ${r.where}: ${r.interaction}`, `${r.medianMs} ms (p95 ${r.p95Ms})`, '< 100 ms'])
  }
  for (const r of results.interaction ?? []) rows.push([`${r.where}: ${r.interaction}`, `${ms(r.medianMs)} ms (p95 ${ms(r.p95Ms)})`, '< 100 ms'])
  for (const s of results.scale ?? []) {
    rows.push([`scale ${s.scale}: validate+derive all (Node)`, `${s.nodeValidateDeriveAllMs} ms (${s.nodeMicrosecondsPerLineItem} µs/item)`, s.scale === '1000×' ? '< 1000 ms, linear' : 'linear'])
    rows.push([`scale ${s.scale}: app load / chart (Chromium)`, `${s.browserOverviewLoadMs} / ${s.browserClassificationRenderMs} ms`, ''])
  }
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), 6))
  console.log(`\nmachine: ${results.machine}`)
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(w[i])).join('  '))
}

await mkdir(OUT, { recursive: true })
if (!existsSync(CHROME)) console.log(`note: ${CHROME} not found; browser parts skipped`)
await measureSize()
if (!skip.has('lighthouse') && existsSync(CHROME)) await runLighthouse()
if (!skip.has('district') && existsSync(CHROME)) await runDistrict()
if (!skip.has('interaction') && existsSync(CHROME)) await runInteraction()
if (!skip.has('scale') && existsSync(CHROME)) await runScale()
await writeFile(path.join(OUT, 'latest.json'), JSON.stringify(results, null, 2))
printSummary()
