/**
 * The data the browser tests serve: the published files as they ship, and throw-away copies of
 * them with one thing broken or made hostile. Expected figures are always read from these files.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RawCatalogue, RawDataset } from '@/domain/schema'
import { parseDataset } from '@/domain/parse'
import { ALL_STEPS } from '@/domain/steps'
import { computeSummary } from '@/domain/summarise'
import type { Summary } from '@/domain/summary'
import { PUBLIC_DATA_DIR } from './env'

/** The catalogue file's name, fixed by the app. */
export const CATALOGUE_FILE = 'index.json'

function readJsonSync<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(PUBLIC_DATA_DIR, file), 'utf8')) as T
}

/** The published catalogue and its first (default) dataset, for expected figures and names. */
export function readPublished(): { catalogue: RawCatalogue; datasetFile: string; dataset: RawDataset } {
  const catalogue = readJsonSync<RawCatalogue>(CATALOGUE_FILE)
  const entry = catalogue.datasets[0]
  if (!entry) throw new Error(`${CATALOGUE_FILE} lists no dataset`)
  return { catalogue, datasetFile: entry.file, dataset: readJsonSync<RawDataset>(entry.file) }
}

/** The four real documents as imported (tests/fixtures/imported): their catalogue and each dataset by file name. */
export function readImported(): { catalogue: RawCatalogue; files: Map<string, RawDataset> } {
  const dir = 'tests/fixtures/imported'
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T
  const catalogue = read<RawCatalogue>(CATALOGUE_FILE)
  return { catalogue, files: new Map(catalogue.datasets.map((e) => [e.file, read<RawDataset>(e.file)])) }
}

/** A dataset's catalogue summary, as `npm run summarise-data` computes it. */
export function summaryOf(d: RawDataset): Summary {
  const parsed = parseDataset(d, ALL_STEPS)
  if (!parsed.ok) throw new Error(`${d.id}: ${parsed.problem.kind}`)
  return computeSummary(parsed.value)
}

/** A temporary copy of public/data that a test may break, mend and serve with `--data`. */
export class DataFolder {
  private constructor(readonly dir: string) {}

  /** Copies public/data into a fresh temporary folder. */
  static async copyOfPublished(): Promise<DataFolder> {
    const folder = new DataFolder(await mkdtemp(path.join(os.tmpdir(), 'budget-e2e-data-')))
    await folder.reset()
    return folder
  }

  /** The dataset file the catalogue lists first (the one the app opens by default). */
  get datasetFile(): string {
    return readPublished().datasetFile
  }

  /** Puts every file back as published. */
  async reset(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
    await cp(PUBLIC_DATA_DIR, this.dir, { recursive: true })
  }

  async readJson<T>(file: string): Promise<T> {
    return JSON.parse(await readFile(path.join(this.dir, file), 'utf8')) as T
  }

  async writeJson(file: string, value: unknown): Promise<void> {
    await writeFile(path.join(this.dir, file), `${JSON.stringify(value, null, 2)}\n`)
  }

  async writeText(file: string, text: string): Promise<void> {
    await writeFile(path.join(this.dir, file), text)
  }

  async remove(file: string): Promise<void> {
    await rm(path.join(this.dir, file), { force: true })
  }

  /** Reads a JSON file, lets `change` edit it in place, writes it back. */
  async editJson<T>(file: string, change: (value: T) => void): Promise<void> {
    const value = await this.readJson<T>(file)
    change(value)
    await this.writeJson(file, value)
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }
}
