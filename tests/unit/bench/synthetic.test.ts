import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCatalogue, parseDataset } from '@/domain/parse'
import { CURRENT_SCHEMA_VERSION } from '@/domain/schema'
import { countLineItems, writeSyntheticCatalogue } from '../../../scripts/bench/synthetic'
import { omit, readYantian } from '../helpers/present'

describe(writeSyntheticCatalogue, () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })

  it('writes a format-2 catalogue whose every dataset parses, and counts the copies’ line items', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-'))
    dirs.push(dir)
    const copies = 12
    const result = await writeSyntheticCatalogue(dir, copies)
    const base = readYantian()
    expect(result).toMatchObject({ datasets: copies, lineItems: countLineItems(base) * copies })
    const catalogue = parseCatalogue(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')))
    if (!catalogue.ok) throw new Error(catalogue.problem.details.join('\n'))
    expect(catalogue.value.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(catalogue.value.datasets).toHaveLength(copies)
    for (const entry of catalogue.value.datasets) {
      const parsed = parseDataset(JSON.parse(await readFile(join(dir, entry.file), 'utf8')))
      if (!parsed.ok) throw new Error(`${entry.file}: ${parsed.problem.details.join('\n')}`)
      expect(parsed.value.functional.rows).toEqual(base.functional.rows)
    }
  })

  it('counts only the sections a dataset has', () => {
    const base = readYantian()
    const minimal = omit(base, 'economic', 'incomeStatement', 'performance')
    expect(countLineItems(minimal)).toBe(base.functional.rows.length)
  })
})
