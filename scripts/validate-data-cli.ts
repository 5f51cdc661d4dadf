/**
 * The body of `npm run validate-data [dir] [--strict]`: for every dataset in the catalogue, the schema,
 * the tree structure and every reconciliation check, printed one per line. A contradiction in a
 * document (a mismatch beyond the published rounding) is a FINDING, printed and counted; the exit
 * code is 1 only for a broken file (unreadable, schema, structure, newer format) — or, with
 * `--strict`, for any finding too.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { computeChecks, computeVerdictCounts, type Check, type CheckSide } from '../src/domain/checks'
import { findUnknownEditorialPaths } from '../src/domain/editorial'
import { parseCatalogue, parseDataset } from '../src/domain/parse'
import { ALL_STEPS } from '../src/domain/steps'
import { computeSummary, diffSummary } from '../src/domain/summarise'
import { describeSummaryProblem } from '../src/domain/summary'

function describeSide(s: CheckSide): string {
  const where = s.ref.table ? `table ${s.ref.table}` : s.ref.part ? `part ${s.ref.part}` : 'text'
  const what = [s.label.key, s.label.code, s.label.name?.zh, s.label.measure, s.label.year].filter((x) => x !== undefined).join(' ')
  return `${where} ${what} = ${s.value}`
}

function describeCheck(c: Check): string {
  const mark = c.verdict === 'ok' ? 'ok      ' : c.verdict === 'rounding' ? 'rounding' : 'FINDING '
  const gap = c.verdict === 'ok' ? '' : `  (difference ${c.difference}, rounding allows ±${c.tolerance})`
  return `  ${mark} ${c.id}: ${describeSide(c.left)}  vs  ${describeSide(c.right)}${gap}`
}

function readJson(path: string): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: JSON.parse(readFileSync(path, 'utf8')) as unknown }
  } catch (e) {
    return { ok: false, message: String(e) }
  }
}

/** Validates every dataset of the catalogue in `args[0]` (default public/data); returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const strict = args.includes('--strict')
  const dir = resolve(args.filter((a) => !a.startsWith('--'))[0] ?? 'public/data')
  const rawCatalogue = readJson(resolve(dir, 'index.json'))
  if (!rawCatalogue.ok) {
    console.log(`index.json: cannot read: ${rawCatalogue.message}`)
    return 1
  }
  const catalogue = parseCatalogue(rawCatalogue.data, ALL_STEPS)
  if (!catalogue.ok) {
    console.log(`index.json: ${catalogue.problem.kind} failure\n  ${catalogue.problem.details.join('\n  ')}`)
    return 1
  }
  let failed = 0
  let findings = 0
  for (const entry of catalogue.value.datasets) {
    const raw = readJson(resolve(dir, entry.file))
    if (!raw.ok) {
      console.log(`${entry.file}: cannot read: ${raw.message}`)
      failed++
      continue
    }
    const parsed = parseDataset(raw.data, ALL_STEPS)
    if (!parsed.ok) {
      console.log(`${entry.file}: ${parsed.problem.kind} failure\n  ${parsed.problem.details.join('\n  ')}`)
      failed++
      continue
    }
    // This site's own editorial notes must name something in the file (a typo would silently show nothing).
    const unknownPaths = findUnknownEditorialPaths(parsed.value)
    if (unknownPaths.length) {
      console.log(`${entry.file}: editorial failure\n  ${unknownPaths.map((p) => `editorial note path ${p} names nothing in the dataset`).join('\n  ')}`)
      failed++
      continue
    }
    // The landing's summary must be this dataset's: a stale or hand-edited one would show other figures.
    if (entry.summary !== undefined) {
      const problem = describeSummaryProblem(entry) ?? diffSummary(entry.summary, computeSummary(parsed.value)).join('\n  ')
      if (problem) {
        console.log(`index.json entry ${entry.id}: summary failure (npm run summarise-data rewrites it)\n  ${problem}`)
        failed++
        continue
      }
    }
    const checks = computeChecks(parsed.value)
    const counts = computeVerdictCounts(checks)
    console.log(
      `${entry.file}: schema ok; ${checks.length} checks: ${counts.ok} ok, ${counts.rounding} within published rounding, ${counts.mismatch} contradiction(s) in the document`,
    )
    for (const c of checks) console.log(describeCheck(c))
    findings += counts.mismatch
  }
  const broken = failed ? `${failed} dataset(s) broken` : 'every file valid'
  const found = findings ? `; ${findings} contradiction(s) found in the documents, shown as findings` : ''
  console.log(`validate-data: ${broken}${found}${strict && findings ? ' (--strict: failing on findings)' : ''}`)
  return failed || (strict && findings) ? 1 : 0
}
