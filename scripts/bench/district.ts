/**
 * Benchmark (not a test) of the district pages with a synthetic 60 × 5 catalogue (issue 16): in
 * Chromium at 360 and 1366 px, the time from a sort or filter action to the next painted frame after
 * the page shows the new state (median and p95 of RUNS), on the landing and on the comparison.
 * Target: under 100 ms. Run by `npm run bench` (its "district" part), against the built app.
 */
import { chromium, type Page } from 'playwright-core'

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const RUNS = 7

export interface Row {
  where: string
  interaction: string
  medianMs: number
  p95Ms: number
  runs: number
}

/** One action and where it starts: a click on `selector`, or choosing `value` in the select `selector`, or typing `value` into it. */
interface Scenario {
  name: string
  start: string
  ready: string
  action: { selector: string; kind: 'click' | 'select' | 'type'; values?: string[] }
  /** The element whose change means the new state is shown. */
  watch: string
}

const SCENARIOS: Scenario[] = [
  { name: 'landing: sort by department name', start: '#/zh-CN/district', ready: '[data-testid=landing-table] tbody tr', action: { selector: 'button[data-sort="name"]', kind: 'click' }, watch: '[data-testid=landing-table]' },
  {
    name: 'landing: filter by year',
    start: '#/zh-CN/district',
    ready: '[data-testid=landing-table] tbody tr',
    action: { selector: '[data-testid=filter-year]', kind: 'select', values: ['2022', '2021', ''] },
    watch: '.district-view',
  },
  {
    name: 'landing: search a name',
    start: '#/zh-CN/district',
    ready: '[data-testid=landing-table] tbody tr',
    action: { selector: '[data-testid=filter-search]', kind: 'type', values: ['合成部门 1', '合成部门 2', ''] },
    watch: '.district-view',
  },
  {
    name: 'compare: sort by department name',
    start: '#/zh-CN/district/compare',
    ready: '[data-testid=compare-table] tbody tr',
    action: { selector: 'button[data-sort="name"]', kind: 'click' },
    watch: '[data-testid=compare-table]',
  },
  {
    name: 'compare: filter by year',
    start: '#/zh-CN/district/compare',
    ready: '[data-testid=compare-table] tbody tr',
    action: { selector: '[data-testid=compare-year]', kind: 'select', values: ['2022', '2021', '2023'] },
    watch: '.district-compare',
  },
]

/** Starts the action in the page and resolves with the ms until the frame after the first DOM change under `watch` is painted. */
function timeAction(page: Page, s: Scenario, run: number): Promise<number> {
  const value = s.action.values?.[run % s.action.values.length] ?? ''
  return page.evaluate(
    ({ selector, kind, value, watch }) =>
      new Promise<number>((resolve) => {
        const target = document.querySelector(watch) as Element
        const el = document.querySelector(selector) as HTMLElement
        let t0 = 0
        const observer = new MutationObserver(() => {
          observer.disconnect()
          // The frame that shows the change: the next animation frame, then its paint.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
        })
        observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true })
        t0 = performance.now()
        if (kind === 'click') el.click()
        else {
          ;(el as HTMLInputElement).value = value
          el.dispatchEvent(new Event(kind === 'select' ? 'change' : 'input', { bubbles: true }))
        }
      }),
    { selector: s.action.selector, kind: s.action.kind, value, watch: s.watch },
  )
}

const round = (x: number): number => Math.round(x * 10) / 10
function summarise(where: string, interaction: string, times: number[]): Row {
  const s = [...times].sort((a, z) => a - z)
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
  return { where, interaction, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), runs: s.length }
}

/** Every scenario at 360 and 1366 px against the app at `url` (serving the 60 × 5 catalogue). */
export async function benchDistrict(url: string): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS })
  const rows: Row[] = []
  try {
    for (const width of [360, 1366]) {
      for (const s of SCENARIOS) {
        const page = await browser.newPage({ viewport: { width, height: width < 500 ? 800 : 900 } })
        await page.goto(`${url}${s.start}`)
        // The pre-rendered landing has its rows before any script: wait for the app to take over (its loading line gone).
        await page.waitForFunction(() => !document.querySelector('#app > .prerender-boot'), undefined, { timeout: 60000 })
        await page.waitForSelector(s.ready, { timeout: 60000 })
        const times: number[] = []
        for (let i = 0; i < RUNS; i++) {
          times.push(await timeAction(page, s, i))
          await page.waitForTimeout(150)
        }
        rows.push(summarise(`chromium, ${width}px`, s.name, times))
        await page.close()
      }
    }
  } finally {
    await browser.close()
  }
  return rows
}
