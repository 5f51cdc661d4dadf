import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

// Engine smoke: every view in both languages at 390 px in Firefox ESR (puppeteer-core over
// WebDriver BiDi) and WebKitGTK (WebKitWebDriver under xvfb-run), against the built app in dist/
// (or $E2E_DIST) served under /budget/ with the production CSP. One browser per engine, reused
// across views; the files run one after another so a 2-core machine stays responsive.
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    name: 'engines',
    environment: 'node',
    include: ['tests/engines/**/*.test.ts'],
    globalSetup: ['tests/engines/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
})
