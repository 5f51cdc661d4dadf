/**
 * Synthetic catalogues for the scale benchmark: copies of the real dataset under invented
 * department ids and years (figures unchanged, so every copy reconciles). Written to
 * bench-results/ only; never shipped.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDataset } from '../../src/domain/parse'
import { CURRENT_SCHEMA_VERSION, type RawCatalogue, type RawDataset } from '../../src/domain/schema'
import { ALL_STEPS } from '../../src/domain/steps'
import { computeSummary } from '../../src/domain/summarise'

/** Line items of one dataset: the rows a reader can see (classification rows, tasks, indicators); an absent section counts none. */
export function countLineItems(d: RawDataset): number {
  return (
    d.functional.rows.length +
    (d.economic?.rows.length ?? 0) +
    (d.incomeStatement?.lines.length ?? 0) +
    (d.performance?.tasks.length ?? 0) +
    (d.performance?.dimensions.reduce((n, dim) => n + dim.indicators.length, 0) ?? 0)
  )
}

/** Writes a catalogue of `copies` datasets (10 years per department) into `dir`; returns its line-item count. */
export async function writeSyntheticCatalogue(dir: string, copies: number, sourceDir = 'public/data'): Promise<{ lineItems: number; datasets: number; bytes: number }> {
  const base = JSON.parse(await readFile(join(sourceDir, 'yantian-investment-center-2023.json'), 'utf8')) as RawDataset
  const source = JSON.parse(await readFile(join(sourceDir, 'index.json'), 'utf8')) as RawCatalogue
  if (base.schemaVersion !== CURRENT_SCHEMA_VERSION || source.schemaVersion !== CURRENT_SCHEMA_VERSION)
    throw new Error(`the benchmark copies format-${CURRENT_SCHEMA_VERSION} data; run npm run upgrade-data first`)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const catalogue: RawCatalogue = { schemaVersion: CURRENT_SCHEMA_VERSION, site: source.site, datasets: [] }
  let bytes = 0
  for (let i = 0; i < copies; i++) {
    const dept = Math.floor(i / 10)
    const year = 2023 - (i % 10)
    const id = i === 0 ? base.id : `synthetic-${dept}-${year}`
    const departmentId = i < 10 ? base.departmentId : `synthetic-${dept}`
    const department = i < 10 ? base.department : { zh: `合成部门 ${dept}`, en: `Synthetic department ${dept}` }
    const d: RawDataset = { ...base, id, departmentId, department, year }
    const file = `${id}.json`
    const text = JSON.stringify(d)
    bytes += text.length
    await writeFile(join(dir, file), text)
    catalogue.datasets.push({ id, departmentId, department, year, phase: base.phase, file })
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify(catalogue))
  return { lineItems: countLineItems(base) * copies, datasets: copies, bytes }
}

/**
 * A district's catalogue: `departments` departments × `years` years each (60 × 5 for issue 13's target),
 * copies of the real dataset under invented ids, as a portal publishing every department would hold,
 * each entry with its summary (the district landing's figures).
 */
export async function writeDistrictCatalogue(dir: string, departments: number, years: number, sourceDir = 'public/data'): Promise<{ datasets: number; catalogueBytes: number }> {
  const base = JSON.parse(await readFile(join(sourceDir, 'yantian-investment-center-2023.json'), 'utf8')) as RawDataset
  const source = JSON.parse(await readFile(join(sourceDir, 'index.json'), 'utf8')) as RawCatalogue
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const catalogue: RawCatalogue = { schemaVersion: CURRENT_SCHEMA_VERSION, site: source.site, datasets: [] }
  // Every copy has the base's figures, so one summary (what `npm run summarise-data` writes) serves all.
  const parsed = parseDataset(base, ALL_STEPS)
  if (!parsed.ok) throw new Error(`the benchmark's base dataset does not parse: ${parsed.problem.details.join('; ')}`)
  const summary = computeSummary(parsed.value)
  for (let dept = 0; dept < departments; dept++)
    for (let y = 0; y < years; y++) {
      const year = base.year - y
      const first = dept === 0
      const departmentId = first ? base.departmentId : `district-${dept}`
      const id = first && y === 0 ? base.id : `${departmentId}-${year}`
      const department = first ? base.department : { zh: `合成部门 ${dept}`, en: `Synthetic department ${dept}` }
      const file = `${id}.json`
      await writeFile(join(dir, file), JSON.stringify({ ...base, id, departmentId, department, year }))
      catalogue.datasets.push({ id, departmentId, department, year, phase: base.phase, file, summary })
    }
  for (const f of ['classification-names.json', 'glossary-codes.json']) await writeFile(join(dir, f), await readFile(join(sourceDir, f)))
  const text = JSON.stringify(catalogue)
  await writeFile(join(dir, 'index.json'), text)
  return { datasets: catalogue.datasets.length, catalogueBytes: text.length }
}
