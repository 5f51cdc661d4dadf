/**
 * Benchmark (not a test): how long a drill-down and a measure / classification switch take on
 * this machine, for the classification and flows views. Target: under 100 ms each.
 *
 *   npm run bench            (all benchmarks; this one is its "interaction" part)
 *   npm run bench -- --only interaction [--node-only | --url http://127.0.0.1:5301/]
 *
 * 1. Node: the pure work behind each interaction (derivations + option builders), median and p95
 *    of 200 runs, on the published dataset.
 * 2. Chromium (skipped with --node-only): the app built into a temporary folder and served by
 *    `vite preview` (or the running app at --url), 1366×900 and 360×800; time from the click or
 *    key press to the next painted frame after the page shows the new state (median of 5).
 *    ECharts redraws synchronously when vue-echarts sets the option, so that frame includes the chart.
 * Prints one table. Imports are relative: the module runner is started without the app's config.
 */
import { readFileSync } from 'node:fs'
import * as vite from 'vite'
import { chromium } from 'playwright-core'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildSankeyOption } from '../../src/charts/sankey'
import { buildSunburstOption } from '../../src/charts/sunburst'
import { computeBranch, computeFocus, computeGaps, computeSunburstData, selectTree } from '../../src/domain/classification'
import { computeFlows } from '../../src/domain/flows'
import { formatAmount, formatNumber, formatPercent } from '../../src/domain/format'
import { parseDataset } from '../../src/domain/parse'
import { ALL_STEPS } from '../../src/domain/steps'
import type { Budget, Classification, Measure } from '../../src/domain/types'

const args = process.argv
const NODE_ONLY = args.includes('--node-only')
const URL_ARG = args.includes('--url') ? args[args.indexOf('--url') + 1] : undefined
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const TARGET_MS = 100

export interface Row {
  where: string
  interaction: string
  medianMs: number
  p95Ms: number
  runs: number
}

const round = (x: number): number => Math.round(x * 100) / 100
function summarise(where: string, interaction: string, times: number[]): Row {
  const s = [...times].sort((a, z) => a - z)
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
  return { where, interaction, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), runs: s.length }
}

function loadBudget(): Budget {
  const raw: unknown = JSON.parse(readFileSync('public/data/yantian-investment-center-2023.json', 'utf8'))
  const parsed = parseDataset(raw, ALL_STEPS)
  if (!parsed.ok) throw new Error(parsed.problem.details.join('\n'))
  return parsed.value
}

/** The work of one classification-view render: derivations for the table and the chart option. */
function renderClassification(b: Budget, tree: Classification, measure: Measure, code: string | undefined, width: number): void {
  const t = selectTree(b, tree)
  const focus = computeFocus(t, code)
  computeBranch(t, focus.focus, measure)
  computeGaps(t, focus.focus, measure, 2)
  const data = computeSunburstData(t, focus, measure, width < 480 ? 1 : 2)
  buildSunburstOption(data, {
    width,
    height: Math.min(width, 560),
    tx: (x) => x.zh,
    amount: (v) => formatAmount(v, 'zh-CN'),
    pct: (v) => formatPercent(v, 'zh-CN'),
    labels: { whole: '全部支出', shareOfParent: '占上级', shareOfTotal: '占全部', drillIn: '点击展开' },
    description: '',
    decals: false,
    animation: true,
  })
}

function renderFlows(b: Budget, tree: Classification, width: number): void {
  const graph = computeFlows(b, tree)
  buildSankeyOption(graph, {
    width,
    height: 540,
    nodeName: (n) => n.code ?? n.id,
    amount: (v) => formatAmount(v, 'zh-CN'),
    short: (v) => formatNumber(v, 'zh-CN'),
    labels: { gapNote: () => '', derived: '' },
    description: '',
    animation: true,
  })
}

function timeNode(fn: () => void, runs = 200): number[] {
  for (let i = 0; i < 20; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return times
}

/** The pure work behind each interaction, in Node (200 runs each). */
export function benchNode(): Row[] {
  const b = loadBudget()
  const rows: Row[] = []
  for (const width of [1366, 360]) {
    const where = `node, ${width}px`
    rows.push(summarise(where, 'drill-down 201 → 20113', timeNode(() => renderClassification(b, 'functional', 'total', '20113', width))))
    rows.push(summarise(where, 'measure switch → basic', timeNode(() => renderClassification(b, 'functional', 'basic', '20113', width))))
    rows.push(summarise(where, 'tree switch → economic', timeNode(() => renderClassification(b, 'economic', 'total', undefined, width))))
    rows.push(summarise(where, 'flows switch → economic', timeNode(() => renderFlows(b, 'economic', width))))
  }
  return rows
}

/** One browser interaction: start page, what to do, and the DOM state that means it is done. */
interface Scenario {
  name: string
  start: string
  ready: string
  action: { selector: string; key?: string }
  done: { selector: string; includes?: string }
}

const SCENARIOS: Scenario[] = [
  {
    name: 'drill-down (table link)',
    start: '#/zh-CN/classification',
    ready: '.chart-frame canvas',
    action: { selector: '.class-table tbody tr a' },
    done: { selector: '#classification-table-title', includes: '201' },
  },
  {
    name: 'up one level (Esc)',
    start: '#/zh-CN/classification?node=20113',
    ready: '.chart-frame canvas',
    action: { selector: 'section.classification', key: 'Escape' },
    done: { selector: '#classification-table-title', includes: '201 ' },
  },
  {
    name: 'measure switch → basic',
    start: '#/zh-CN/classification?node=201',
    ready: '.chart-frame canvas',
    action: { selector: 'input[name="class-measure"][value="basic"]' },
    done: { selector: '#classification-table-title', includes: '基本支出' },
  },
  {
    name: 'tree switch → economic',
    start: '#/zh-CN/classification',
    ready: '.chart-frame canvas',
    action: { selector: 'input[name="class-tree"][value="economic"]' },
    done: { selector: '.class-table tbody', includes: '301' },
  },
  {
    name: 'language switch → English',
    start: '#/zh-CN/classification?node=201',
    ready: '.chart-frame canvas',
    action: { selector: '.lang-switch a[hreflang="en"]' },
    done: { selector: '#classification-table-title', includes: 'General public services' },
  },
  {
    name: 'flows switch → economic',
    start: '#/zh-CN/flows',
    ready: '.chart-frame canvas',
    action: { selector: 'input[name="flow-tree"][value="economic"]' },
    done: { selector: '.flow-table tbody', includes: '301' },
  },
]

/** Click-to-painted-frame in Chromium against `url` (or a fresh build served by vite preview). */
export async function benchBrowser(urlArg: string | undefined = URL_ARG): Promise<Row[]> {
  let url = urlArg
  let outDir: string | undefined
  let server: { close: () => Promise<void> } | undefined
  if (!url) {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'interaction-bench-'))
    await vite.build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    const preview = await vite.preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } })
    const address = preview.httpServer.address()
    url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/` : undefined
    server = { close: () => preview.close() }
    if (!url) throw new Error('preview server has no address')
  }
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS })
  const rows: Row[] = []
  try {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 360, height: 800 }]) {
      const page = await browser.newPage({ viewport })
      for (const s of SCENARIOS) {
        const times: number[] = []
        for (let i = 0; i < 5; i++) {
          await page.goto(`${url}${s.start}`)
          await page.reload()
          await page.waitForSelector(s.ready)
          times.push(
            await page.evaluate(async ({ action, done }) => {
              const holds = (): boolean => {
                const el = document.querySelector(done.selector)
                return Boolean(el) && (done.includes === undefined || (el?.textContent ?? '').includes(done.includes))
              }
              const target = document.querySelector<HTMLElement>(action.selector)
              if (!target) throw new Error(`no element ${action.selector}`)
              const t0 = performance.now()
              if (action.key) target.dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true }))
              else target.click()
              await new Promise<void>((resolve, reject) => {
                const check = (): void => {
                  if (holds()) resolve()
                  else if (performance.now() - t0 > 5000) reject(new Error(`timeout waiting for ${done.selector}`))
                  else requestAnimationFrame(check)
                }
                check()
              })
              await new Promise<void>((r) => requestAnimationFrame(() => r()))
              return performance.now() - t0
            }, s),
          )
        }
        rows.push(summarise(`chromium, ${viewport.width}px`, s.name, times))
      }
      await page.close()
    }
  } finally {
    await browser.close()
    await server?.close()
    if (outDir) await rm(outDir, { recursive: true, force: true })
  }
  return rows
}

/** Prints the rows as a table. */
export function print(rows: Row[]): void {
  const header = ['where', 'interaction', 'median ms', 'p95 ms', 'runs', `< ${TARGET_MS} ms`]
  const body = rows.map((r) => [r.where, r.interaction, r.medianMs.toFixed(2), r.p95Ms.toFixed(2), String(r.runs), r.p95Ms < TARGET_MS ? 'yes' : 'NO'])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ')
  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) console.log(line(b))
}

/** Runs the whole interaction benchmark (what the CLI line above does); `npm run bench` calls this. */
export async function main(): Promise<Row[]> {
  const rows = benchNode()
  if (!NODE_ONLY) rows.push(...(await benchBrowser()))
  print(rows)
  return rows
}
