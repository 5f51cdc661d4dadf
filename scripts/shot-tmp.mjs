import { chromium } from 'playwright-core'
import { startServer } from './serve-static.mjs'
const [,, root, dataDir, ...paths] = process.argv
const srv = await startServer({ root, base: '/budget/', dataDir, port: 0 })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
for (const js of [false, true]) for (const p of paths) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js })
  const page = await ctx.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push('pageerror ' + e.message))
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console ' + m.text()) })
  let shift = 0
  if (js) await page.addInitScript(() => { window.__s = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__s += e.value }).observe({ type: 'layout-shift', buffered: true }) })
  await page.goto(srv.url + p)
  await page.waitForTimeout(2500)
  if (js) shift = await page.evaluate(() => window.__s)
  const name = `${js ? 'js' : 'nojs'}-${p.replace(/[^a-z0-9]+/gi, '_') || 'index'}`
  await page.screenshot({ path: `/tmp/shots/${name}.png` })
  console.log(name, 'url', page.url().replace(srv.url, ''), 'shift', shift, 'title', await page.title(), errors)
  await ctx.close()
}
await browser.close(); await srv.close(); process.exit(0)
