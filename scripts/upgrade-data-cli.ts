/**
 * The body of `npm run upgrade-data [dir]`: rewrites every dataset and the catalogue of a data folder
 * (default public/data) in the current format, through the same tested upgrade steps the app runs on
 * load. Files already current are left untouched; a file that does not parse is reported and left.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseCatalogue } from '../src/domain/parse'
import { DatasetSchemaV1 } from '../src/domain/schemaV1'
import { CatalogueSchemaV1 } from '../src/domain/schemaV1'
import { UPGRADER, upgradeCatalogueV1, upgradeDatasetV1 } from '../src/domain/upgrade'
import { versionOf } from '../src/domain/version'
import * as v from 'valibot'

/** Writes next to the file, then renames over it: an interrupted run leaves the old file whole. */
function writeAtomic(path: string, data: unknown): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(data, null, 2)}\n`)
  renameSync(`${path}.tmp`, path)
}

export async function main(args: string[]): Promise<number> {
  const dir = resolve(args[0] ?? 'public/data')
  const catPath = resolve(dir, 'index.json')
  const rawCat: unknown = JSON.parse(readFileSync(catPath, 'utf8'))
  let failed = 0
  if (versionOf(rawCat).verdict === 'upgradable') {
    const old = v.safeParse(CatalogueSchemaV1, rawCat)
    if (!old.success) {
      console.log('index.json: not a valid version-1 catalogue')
      return 1
    }
    writeAtomic(catPath, upgradeCatalogueV1(old.output))
    console.log('index.json: upgraded to the current format')
  }
  const cat = parseCatalogue(JSON.parse(readFileSync(catPath, 'utf8')), { upgrader: UPGRADER })
  if (!cat.ok) {
    console.log(`index.json: ${cat.problem.details.join('; ')}`)
    return 1
  }
  for (const entry of cat.value.datasets) {
    const path = resolve(dir, entry.file)
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (versionOf(raw).verdict !== 'upgradable') continue
    const old = v.safeParse(DatasetSchemaV1, raw)
    if (!old.success) {
      console.log(`${entry.file}: not a valid version-1 dataset; left as it is`)
      failed++
      continue
    }
    writeAtomic(path, upgradeDatasetV1(old.output))
    console.log(`${entry.file}: upgraded to the current format`)
  }
  return failed ? 1 : 0
}
