// The district search at scale: writes a 60 × 5 district catalogue (scripts/bench/synthetic.ts) to
// bench-results/district-300, serves the built app (dist/, build first) with it, and times in Chromium, on a
// desktop and on a phone (4× CPU slowdown, 20 ms / 9 Mbit/s): the first other-department results after
// typing a code, every dataset searched, and a keystroke once all are cached.
//   npm run build && node scripts/bench/search-across.mjs
import { readFileSync } from 'node:fs'
import { runnerImport } from 'vite'
import { chromium } from 'playwright-core'
import { startServer } from '../serve-static.mjs'

const dir = 'bench-results/district-300'
const { module: synthetic } = await runnerImport('./scripts/bench/synthetic.ts', { configFile: false, logLevel: 'error' })
console.log(await synthetic.writeDistrictCatalogue(dir, 60, 5))
const server = await startServer({ root: 'dist', dataDir: dir, port: 0 })
const url = server.url ?? `http://127.0.0.1:${server.port}/budget/`
console.log('serving', url)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] })
// A 项 code of the first dataset, which every synthetic copy prints too.
const first = JSON.parse(readFileSync(`${dir}/index.json`, 'utf8')).datasets[0]
const CODE = JSON.parse(readFileSync(`${dir}/${first.file}`, 'utf8')).functional.rows.find((r) => r.code.length === 7).code
async function run(label, { viewport, cpu, net }) {
  const context = await browser.newContext({ viewport, isMobile: !!net, hasTouch: !!net })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  if (net) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: net.latency, downloadThroughput: net.down, uploadThroughput: net.up })
  let requests = 0
  page.on('request', (r) => { if (/\/data\/district-|\/data\/yantian/.test(r.url())) requests++ })
  await page.goto(`${url}#/zh-CN`)
  await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() && !document.querySelector('#main > .loading, .boot'), null, { timeout: 120000 })
  await page.getByRole('combobox').waitFor({ timeout: 60000 })
  const before = requests
  const box = page.getByRole('combobox')
  await box.focus()
  await page.waitForTimeout(500) // the search code and glossary load on focus
  const t0 = Date.now()
  await box.fill(CODE)
  await page.waitForSelector('[role="group"][data-dataset]', { timeout: 600000 })
  const first = Date.now() - t0
  await page.waitForFunction(() => !document.querySelector('.site-search__progress'), null, { timeout: 600000, polling: 100 })
  const all = Date.now() - t0
  // One more keystroke once everything is cached: how long until the list follows.
  const t1 = Date.now()
  await box.press('Backspace')
  await page.waitForFunction((q) => [...document.querySelectorAll('[role="group"][data-dataset] [role="option"]')].some((o) => o.textContent.includes(q) && !o.textContent.includes(q + '1')), CODE.slice(0, -1), { timeout: 60000 })
  const keystroke = Date.now() - t1
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)
  const groups = await page.locator('[role="group"][data-dataset]').count()
  console.log(JSON.stringify({ label, onLoadDatasetRequests: before, firstOtherResultsMs: first, allSearchedMs: all, keystrokeAfterCachedMs: keystroke, heapMiB: Math.round(heap / 2 ** 20), groups, requests }))
  await context.close()
}
await run('desktop', { viewport: { width: 1366, height: 900 } })
await run('phone: 4x CPU slowdown, 4G-ish (20 ms, 9 Mbit/s)', { viewport: { width: 390, height: 844 }, cpu: 4, net: { latency: 20, down: (9 * 1024 * 1024) / 8, up: (1.5 * 1024 * 1024) / 8 } })
await browser.close()
await server.close()
