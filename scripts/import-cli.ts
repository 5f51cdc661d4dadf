/**
 * The body of `npm run import`: a document's text → `readDocument` → `toDataset` → `parseDataset`
 * and `computeChecks` → a report, then `<dir>/<id>.json` and its entry in `<dir>/index.json`.
 * Writes are atomic (temp file + rename, the dataset first, then the catalogue), so an interrupted
 * import leaves the catalogue as it was. Refusals are one sentence and write nothing.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { computeChecks, computeVerdictCounts, type Check, type CheckSide } from '../src/domain/checks'
import { CLASSIFICATION_NAMES_FILE, parseClassificationNames } from '../src/domain/classificationNames'
import { parseCatalogue, parseDataset } from '../src/domain/parse'
import { ALL_STEPS } from '../src/domain/steps'
import { computeSummary } from '../src/domain/summarise'
import type { Summary } from '../src/domain/summary'
import { CURRENT_SCHEMA_VERSION, type RawCatalogue, type RawDataset } from '../src/domain/schema'
import { readDocument } from '../src/import/read'
import type { Report } from '../src/import/report'
import { toDataset } from '../src/import/toDataset'
import type { MappingNote } from '../src/import/mapContext'
import type { Where } from '../src/import/types'

const REPO_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../public/data')
/** The catalogue's site name when the import creates it: neutral, for any department. */
const NEUTRAL_SITE = { name: { zh: '部门预算公开', en: 'Departmental budgets' } }

export interface ImportOptions {
  document: string
  dataDir: string
  json: boolean
  date: string
}

/** Where lines go (console.log by default; tests collect them). */
export type Out = (line: string) => void

class Refusal extends Error {}

function parseArgs(args: readonly string[], today: string): ImportOptions {
  let document: string | undefined
  let dataDir = 'public/data'
  let json = false
  let date = today
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--json') json = true
    else if (a === '--data') dataDir = args[++i] ?? ''
    else if (a === '--date') date = args[++i] ?? ''
    else if (a?.startsWith('--')) throw new Refusal(`Unknown option ${a}: use npm run import -- <document> [--data <dir>] [--json] [--date YYYY-MM-DD].`)
    else if (document === undefined) document = a
    else throw new Refusal(`Only one document can be imported at a time; ${a} is a second one.`)
  }
  if (!document) throw new Refusal('No document given: use npm run import -- <document> [--data <dir>] [--json].')
  if (!dataDir) throw new Refusal('--data needs a folder.')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Refusal(`--date needs a date written YYYY-MM-DD, not ${date || 'nothing'}.`)
  return { document: resolve(document), dataDir: resolve(dataDir), json, date }
}

/** The document's text, or a refusal saying why it cannot be read. */
function readText(path: string): string {
  if (!existsSync(path)) throw new Refusal(`The file ${path} does not exist.`)
  let bytes: Buffer
  try {
    if (!statSync(path).isFile()) throw new Refusal(`${path} is not a file.`)
    bytes = readFileSync(path)
  } catch (e) {
    if (e instanceof Refusal) throw e
    throw new Refusal(`The file ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}).`)
  }
  if (bytes.includes(0)) throw new Refusal(`The file ${path} is binary, not text: it contains NUL bytes.`)
  return new TextDecoder('utf-8').decode(bytes)
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown
}

function loadNames(dataDir: string) {
  const own = resolve(dataDir, CLASSIFICATION_NAMES_FILE)
  const path = existsSync(own) ? own : resolve(REPO_DATA, CLASSIFICATION_NAMES_FILE)
  const parsed = parseClassificationNames(readJson(path))
  if (!parsed.ok) throw new Refusal(`${path} is not a valid dictionary of code names: ${parsed.problems[0]}.`)
  return parsed.value
}

/** The catalogue with this dataset's entry in place of an earlier import of the same department, year and phase. */
function nextCatalogue(path: string, d: RawDataset, file: string, summary: Summary): RawCatalogue {
  const entry = { id: d.id, departmentId: d.departmentId, department: d.department, year: d.year, phase: d.phase, file, summary }
  if (!existsSync(path)) return { schemaVersion: CURRENT_SCHEMA_VERSION, site: NEUTRAL_SITE, datasets: [entry] }
  let raw: unknown
  try {
    raw = readJson(path)
  } catch (e) {
    throw new Refusal(`The catalogue ${path} cannot be read as JSON (${(e as Error).message}), so nothing was written.`)
  }
  const parsed = parseCatalogue(raw, ALL_STEPS)
  if (!parsed.ok) throw new Refusal(`The catalogue ${path} is not valid (${parsed.problem.details[0] ?? parsed.problem.kind}), so nothing was written.`)
  const cat = parsed.value as RawCatalogue
  const same = (x: RawCatalogue['datasets'][number]) => x.id === d.id || (x.departmentId === d.departmentId && x.year === d.year && x.phase === d.phase)
  const at = cat.datasets.findIndex(same)
  const datasets = cat.datasets.filter((x, i) => i === at || !same(x)).map((x, i) => (i === at ? { ...x, ...entry } : x))
  return { ...cat, schemaVersion: CURRENT_SCHEMA_VERSION, datasets: at < 0 ? [...datasets, entry] : datasets }
}

/** Writes next to the target, then renames over it. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, text)
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw new Refusal(`Cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)}); the catalogue was left as it was.`)
  }
}

function where(at: Where | null): string {
  if (!at) return ''
  return at.page === null ? `line ${at.line}` : `p.${at.page} line ${at.line}`
}

function side(s: CheckSide): string {
  const ref = s.ref.table !== undefined ? `table ${s.ref.table}` : s.ref.part !== undefined ? `part ${s.ref.part}` : 'prose'
  return `${ref} ${[s.label.key, s.label.code, s.label.name?.zh, s.label.measure, s.label.year].filter((x) => x !== undefined).join(' ')} = ${s.value}`
}

const VERDICT_WORDS = { ok: 'ok', rounding: 'within rounding', mismatch: 'CONTRADICTION' } as const

function reportLines(report: Report, checks: readonly Check[], notes: readonly MappingNote[], d: RawDataset): string[] {
  const lines = [`Document: ${d.department.zh} · ${d.year} · ${d.phase === 'final' ? '决算 final accounts' : '预算 budget'} · amounts stored in ${d.unit}`, '', 'Tables read:']
  for (const t of report.tables)
    lines.push(`  ${t.number ? `${t.number} ` : ''}${t.title} · unit ${t.unit ?? '(none printed)'} · ${t.rows} rows · sums checked: ${t.verdicts.ok} ok, ${t.verdicts.withinRounding} within rounding, ${t.verdicts.contradiction} contradictions${t.empty ? ' · says it is empty' : ''}`)
  for (const t of d.tables.filter((x) => x.status === 'missing')) lines.push(`  ${t.title.zh} · listed in the contents, not in the text`)
  lines.push('', `Prose facts found: ${report.facts.length}`)
  for (const f of report.facts) lines.push(`  ${where(f.at)} · ${f.kind} · ${f.subject}: ${f.amount ?? ''} ${f.unit}`)
  const counts = computeVerdictCounts(checks)
  lines.push('', `Checks of the dataset: ${checks.length} (${counts.ok} ok, ${counts.rounding} within rounding, ${counts.mismatch} contradictions)`)
  for (const c of checks) lines.push(`  ${VERDICT_WORDS[c.verdict]} · ${c.id}: ${side(c.left)} vs ${side(c.right)}${c.verdict === 'ok' ? '' : ` (difference ${c.difference}, rounding allows ${c.tolerance})`}`)
  lines.push('', `Read but not in the dataset, or derived: ${notes.length}`)
  for (const n of notes) lines.push(`  ${where(n.at)}${n.at ? ' · ' : ''}${n.kind === 'derived' ? 'derived' : 'not placed'} · ${n.what}`)
  lines.push('', `Not read: ${report.unread.length}`)
  for (const u of report.unread) lines.push(`  ${where(u.at)}${u.toLine !== u.at.line ? `–${u.toLine}` : ''} · ${u.kind} · ${u.reason}: ${u.text}`)
  return lines
}

/** Runs one import; returns the exit code (0 written, 1 refused, 2 usage). */
export async function main(args: string[], out: Out = console.log, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  let opts: ImportOptions
  try {
    opts = parseArgs(args, today)
  } catch (e) {
    out(e instanceof Error ? e.message : String(e))
    return 2
  }
  try {
    const read = readDocument(readText(opts.document))
    if (!read.ok) throw new Refusal(read.reason)
    const mapped = toDataset(read.document, { names: loadNames(opts.dataDir), date: opts.date, file: basename(opts.document) })
    if (!mapped.ok) throw new Refusal(mapped.reason)
    const d = mapped.dataset
    const parsed = parseDataset(d, ALL_STEPS)
    if (!parsed.ok) throw new Refusal(`The dataset made from this document is not valid, so nothing was written: ${parsed.problem.details[0] ?? parsed.problem.kind}.`)
    const checks = computeChecks(parsed.value)
    const counts = computeVerdictCounts(checks)
    const file = `${d.id}.json`
    const catPath = resolve(opts.dataDir, 'index.json')
    if (!existsSync(opts.dataDir) || !statSync(opts.dataDir).isDirectory()) throw new Refusal(`The data folder ${opts.dataDir} does not exist.`)
    const catalogue = nextCatalogue(catPath, d, file, computeSummary(parsed.value))
    writeAtomic(resolve(opts.dataDir, file), `${JSON.stringify(d, null, 2)}\n`)
    writeAtomic(catPath, `${JSON.stringify(catalogue, null, 2)}\n`)
    const rows = read.document.tables.reduce((n, t) => n + t.rows.length, 0)
    const summary = `imported ${d.id}: ${read.document.tables.length} tables, ${rows} rows, ${read.document.facts.length} prose facts; checks: ${counts.ok} ok, ${counts.rounding} within rounding, ${counts.mismatch} contradictions`
    if (opts.json) {
      const report: Partial<Report> = { ...read.report }
      delete report.lines
      out(JSON.stringify({ id: d.id, file: resolve(opts.dataDir, file), report, checks, notes: mapped.notes, summary }, null, 2))
    } else {
      for (const line of reportLines(read.report, checks, mapped.notes, d)) out(line)
      out(summary)
    }
    return 0
  } catch (e) {
    if (!(e instanceof Refusal)) throw e
    out(e.message)
    return 1
  }
}
