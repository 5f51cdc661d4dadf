import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import * as v from 'valibot'
import { CatalogueSchema, DatasetSchema } from '../src/domain/schema'

/** Validates every dataset of a catalogue; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const dir = resolve(args[0] ?? 'public/data')
  const catalogue = v.safeParse(CatalogueSchema, JSON.parse(await readFile(resolve(dir, 'index.json'), 'utf8')))
  if (!catalogue.success) {
    console.log(v.summarize(catalogue.issues))
    return 1
  }
  let failed = 0
  for (const entry of catalogue.output.datasets) {
    const raw: unknown = JSON.parse(await readFile(resolve(dir, entry.file), 'utf8'))
    const parsed = v.safeParse(DatasetSchema, raw)
    if (!parsed.success) {
      console.log(`${entry.file}: schema failure\n${v.summarize(parsed.issues)}`)
      failed++
    } else console.log(`${entry.file}: schema ok`)
  }
  return failed ? 1 : 0
}
