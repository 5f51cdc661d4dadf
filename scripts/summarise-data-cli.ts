/**
 * The body of `npm run summarise-data [dir]`: recomputes every catalogue entry's `summary` (the
 * figures the district landing and the comparison of departments read, `src/domain/summary.ts`)
 * from its dataset through `computeSummary`, and rewrites index.json (atomically) when any changed.
 * A dataset that does not parse is reported and its entry left without a summary.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseCatalogue, parseDataset } from '../src/domain/parse'
import type { RawCatalogue } from '../src/domain/schema'
import { ALL_STEPS } from '../src/domain/steps'
import { computeSummary } from '../src/domain/summarise'

export async function main(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const dir = resolve(args.filter((a) => !a.startsWith('--'))[0] ?? 'public/data')
  const catPath = resolve(dir, 'index.json')
  const cat = parseCatalogue(JSON.parse(readFileSync(catPath, 'utf8')), ALL_STEPS)
  if (!cat.ok) {
    out(`index.json: ${cat.problem.details.join('; ')} (npm run upgrade-data first if it is an older format)`)
    return 1
  }
  let failed = 0
  const datasets: RawCatalogue['datasets'] = cat.value.datasets.map((entry) => {
    const rest = { ...entry }
    delete rest.summary
    const parsed = parseDataset(JSON.parse(readFileSync(resolve(dir, entry.file), 'utf8')), ALL_STEPS)
    if (!parsed.ok) {
      out(`${entry.file}: ${parsed.problem.details.join('; ')}; its entry is left without a summary`)
      failed++
      return rest
    }
    out(`${entry.id}: summarised`)
    return { ...rest, summary: computeSummary(parsed.value) }
  })
  const next = `${JSON.stringify({ ...cat.value, datasets }, null, 2)}\n`
  writeFileSync(`${catPath}.tmp`, next)
  renameSync(`${catPath}.tmp`, catPath)
  out(`summarise-data: ${datasets.length - failed} of ${datasets.length} entries summarised in ${catPath}`)
  return failed ? 1 : 0
}
