#!/usr/bin/env node
// `npm test`: every check the project has, in order, with each step's own output streamed:
//   lint · typecheck · validate-data · build · unit tests (vitest) · browser tests (vitest + Chromium)
//   · engine smoke (vitest + Firefox ESR and WebKitGTK)
// Lint, typecheck, validate-data and build count as one test each; the three vitest runs add their
// own counts (from their JSON reports). The last line is always `N passed, N failed` (plus
// `, N skipped` when any were), and the exit code is non-zero when anything failed or crashed.
//
// Development flags:
//   --only e2e | engines | unit | lint,typecheck…   run just those steps (e2e and engines bring the build along)
//   --skip-build                          reuse the existing build (with --only e2e or engines)
//   --out-dir DIR                         build to DIR instead of dist/ (the browser tests use it)
//   anything else                         passed to vitest, e.g. a test file or -t 'name'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BIN = path.join(ROOT, 'node_modules', '.bin')
const RESULTS = path.join(ROOT, 'test-results')
/** Written by the engine smoke's global setup: one line per engine it skipped (tests/engines/support/global-setup.ts). */
const MISSING_ENGINES = path.join(RESULTS, 'engines-missing.txt')
const STEP_IDS = ['lint', 'typecheck', 'validate-data', 'build', 'unit', 'e2e', 'engines']
/** Steps that test the build in a browser. */
const BROWSER_STEPS = ['e2e', 'engines']

/** Reads the command line; unknown `--flags` are an error, plain words go to vitest. */
function parseArgs(argv) {
  const options = { only: null, skipBuild: false, outDir: 'dist', vitestArgs: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--only') options.only = (argv[++i] ?? '').split(',').filter(Boolean)
    else if (a.startsWith('--only=')) options.only = a.slice('--only='.length).split(',').filter(Boolean)
    else if (a === '--skip-build') options.skipBuild = true
    else if (a === '--out-dir') options.outDir = argv[++i] ?? 'dist'
    else if (a.startsWith('--out-dir=')) options.outDir = a.slice('--out-dir='.length)
    else if (a === '--') continue
    else options.vitestArgs.push(a)
  }
  if (options.only) {
    const unknown = options.only.filter((s) => !STEP_IDS.includes(s))
    if (unknown.length || !options.only.length) {
      console.error(`--only takes one or more of ${STEP_IDS.join(', ')} (comma-separated); got "${options.only.join(',')}"`)
      process.exit(2)
    }
  }
  return options
}

/** Runs a command with the terminal attached; resolves to its exit code (or 1 when it could not start). */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', (e) => {
      console.error(`could not start ${command}: ${e.message}`)
      resolve(1)
    })
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

/** Counts from a vitest JSON report; a non-zero exit with no failed test counts as one failure (a crash). */
function vitestCounts(reportFile, exitCode) {
  let report = null
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'))
  } catch {
    // no report: the run crashed before writing it
  }
  if (!report) return { passed: 0, failed: 1, skipped: 0, note: 'crashed before reporting' }
  const passed = report.numPassedTests ?? 0
  let failed = report.numFailedTests ?? 0
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  let note = ''
  if (exitCode !== 0 && failed === 0) {
    failed = 1
    note = 'failed outside any test (setup, import or hook error)'
  }
  return { passed, failed, skipped, note }
}

const options = parseArgs(process.argv.slice(2))
const wants = (id) =>
  !options.only || options.only.includes(id) || (id === 'build' && BROWSER_STEPS.some((b) => options.only?.includes(b)) && !options.skipBuild)
const outDir = path.resolve(ROOT, options.outDir)
const buildArgs = options.outDir === 'dist' ? ['build'] : ['build', '--outDir', outDir, '--emptyOutDir']
const vitestReport = (name) => ['--reporter=default', '--reporter=json', `--outputFile=${path.join('test-results', `${name}.json`)}`]

/** The steps, in order. `single` steps count as one test; vitest steps report their own counts. */
const STEPS = [
  { id: 'lint', label: 'eslint .', command: path.join(BIN, 'eslint'), args: ['.'] },
  { id: 'typecheck', label: 'vue-tsc --noEmit -p tsconfig.json', command: path.join(BIN, 'vue-tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { id: 'validate-data', label: 'npm run validate-data', command: 'npm', args: ['run', '--silent', 'validate-data'] },
  { id: 'build', label: `vite ${buildArgs.join(' ')}`, command: path.join(BIN, 'vite'), args: buildArgs },
  {
    id: 'unit',
    label: 'vitest run (tests/unit)',
    command: path.join(BIN, 'vitest'),
    args: ['run', ...vitestReport('unit'), ...options.vitestArgs],
    report: path.join(RESULTS, 'unit.json'),
  },
  {
    id: 'e2e',
    label: `vitest run -c vitest.e2e.config.ts (browser, against ${path.relative(ROOT, outDir) || '.'})`,
    command: path.join(BIN, 'vitest'),
    args: ['run', '-c', 'vitest.e2e.config.ts', ...vitestReport('e2e'), ...options.vitestArgs],
    report: path.join(RESULTS, 'e2e.json'),
    env: { E2E_DIST: outDir },
    needs: 'build',
  },
  {
    id: 'engines',
    label: `vitest run -c vitest.engines.config.ts (Firefox ESR and WebKitGTK, against ${path.relative(ROOT, outDir) || '.'})`,
    command: path.join(BIN, 'vitest'),
    args: ['run', '-c', 'vitest.engines.config.ts', ...vitestReport('engines'), ...options.vitestArgs],
    report: path.join(RESULTS, 'engines.json'),
    env: { E2E_DIST: outDir },
    needs: 'build',
  },
]

const results = []
for (const step of STEPS) {
  if (!wants(step.id)) continue
  const needed = step.needs && results.find((r) => r.id === step.needs)
  if (needed && needed.failed) {
    console.log(`\n▶ ${step.id}: not run, because ${step.needs} failed`)
    results.push({ id: step.id, single: true, passed: 0, failed: 1, skipped: 0, seconds: 0, note: `not run: ${step.needs} failed` })
    continue
  }
  if (BROWSER_STEPS.includes(step.id) && !existsSync(path.join(outDir, 'index.html'))) {
    console.log(`\n▶ ${step.id}: no build in ${outDir}`)
    results.push({ id: step.id, single: true, passed: 0, failed: 1, skipped: 0, seconds: 0, note: `no build in ${outDir}` })
    continue
  }
  console.log(`\n▶ ${step.id}: ${step.label}`)
  if (step.report) rmSync(step.report, { force: true })
  if (step.id === 'engines') rmSync(MISSING_ENGINES, { force: true })
  const started = Date.now()
  const code = await run(step.command, step.args, step.env)
  const seconds = (Date.now() - started) / 1000
  const counts = step.report
    ? vitestCounts(step.report, code)
    : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, note: code === 0 ? '' : `exit code ${code}` }
  if (step.id === 'e2e' && counts.skipped && !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))
    counts.note = 'browser tests skipped: no Chromium'
  if (step.id === 'engines') {
    const missing = existsSync(MISSING_ENGINES) ? readFileSync(MISSING_ENGINES, 'utf8').trim() : ''
    if (missing) counts.note = missing.split('\n').map((line) => line.replace(/ smoke skipped: .*— install Debian's /, ' skipped: no ')).join('; ')
  }
  results.push({ id: step.id, single: !step.report, seconds, ...counts })
}

const total = results.reduce((acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, skipped: acc.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
})
const plural = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`

console.log('\n── summary ──')
for (const r of results) {
  const verdict = r.single ? (r.failed ? 'FAILED' : 'ok') : plural(r)
  console.log(`  ${r.id.padEnd(14)} ${verdict.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)}s${r.note ? `  (${r.note})` : ''}`)
}
console.log(plural(total))
process.exitCode = total.failed > 0 ? 1 : 0
