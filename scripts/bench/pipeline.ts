/**
 * Node side of the scale benchmark: read + JSON.parse + validate + derive every dataset of a
 * catalogue, as `npm run validate-data` and the app do, timed with performance.now().
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { computeChecks } from '../../src/domain/checks'
import { computeOverview } from '../../src/domain/derive'
import { parseCatalogue, parseDataset } from '../../src/domain/parse'

/** Milliseconds to load, validate and derive every dataset listed in `dir/index.json`. */
export async function timePipeline(dir: string): Promise<{ ms: number; datasets: number; checks: number }> {
  const start = performance.now()
  const cat = parseCatalogue(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')))
  if (!cat.ok) throw new Error(cat.problem.details.join('\n'))
  let checks = 0
  // Read ahead: the next files load on libuv's thread pool while this thread validates.
  const AHEAD = 8
  const entries = cat.value.datasets
  const pending = entries.slice(0, AHEAD).map((e) => readFile(join(dir, e.file), 'utf8'))
  for (const [i, entry] of entries.entries()) {
    const next = entries[i + AHEAD]
    if (next) pending.push(readFile(join(dir, next.file), 'utf8'))
    const text = await pending[i]
    if (text === undefined) throw new Error(`${entry.file}: not read`)
    const parsed = parseDataset(JSON.parse(text))
    if (!parsed.ok) throw new Error(`${entry.file}: ${parsed.problem.details.join('\n')}`)
    const results = computeChecks(parsed.value)
    if (results.some((c) => c.verdict === 'mismatch')) throw new Error(`${entry.file}: mismatch`)
    computeOverview(parsed.value)
    checks += results.length
  }
  return { ms: performance.now() - start, datasets: cat.value.datasets.length, checks }
}
