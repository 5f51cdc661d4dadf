/**
 * Fetching and parsing one dataset file, apart from the store that shows one: the budget store loads
 * the selected dataset through it, and the district search loads the other datasets of the catalogue
 * through it without changing what is selected. One parse path: JSON, the optional steps the file
 * needs (an older format's upgrade, a 元 file's conversion), validation, then the shared English names
 * of classification codes for a file that lacks some.
 */
import type { MissingDataset } from '@/domain/catalogue'
import type { ClassificationNames } from '@/domain/classificationNames'
import { parseDataset } from '@/domain/parse'
import { stepsNeeded, type ParseSteps } from '@/domain/version'
import { needsClassificationNames } from '@/domain/untranslated'
import type { Budget } from '@/domain/types'

/** What went wrong while loading, in terms the error panel can explain. */
export interface LoadError {
  /** network: no answer; http: an error status (404…); json: not JSON; schema / structure: not a valid file;
   *  version: a newer format than this site reads; unknownDataset: the URL names no listed dataset
   *  (`missing` says which part: the id, the department, or the year/phase, with what exists instead).
   *  (Figures that contradict each other are the document's finding, shown and flagged, never an error.) */
  kind: 'network' | 'http' | 'json' | 'schema' | 'structure' | 'version' | 'unknownDataset'
  /** The file concerned, relative to the data folder ("index.json"). */
  file: string
  status?: number
  /** Technical details, one per line (field paths, failed checks). */
  details: string[]
  /** unknownDataset: what the link named that the catalogue lacks, and what it holds instead. */
  missing?: MissingDataset
}

export type Fetched = { ok: true; data: unknown } | { ok: false; error: LoadError }
export type LoadedDataset = { ok: true; budget: Budget } | { ok: false; error: LoadError }

/** GETs `file` relative to the data folder `base` and reads it as JSON; a failure says which kind. */
export async function fetchJson(base: string, file: string): Promise<Fetched> {
  let response: Response
  try {
    // Plain GET, same mode and credentials as the <link rel=preload> in index.html, so the preload is reused.
    response = await fetch(new URL(file, base))
  } catch (e) {
    return { ok: false, error: { kind: 'network', file, details: [String(e)] } }
  }
  if (!response.ok) return { ok: false, error: { kind: 'http', file, status: response.status, details: [`HTTP ${response.status}`] } }
  try {
    return { ok: true, data: JSON.parse(await response.text()) as unknown }
  } catch (e) {
    return { ok: false, error: { kind: 'json', file, details: [String(e)] } }
  }
}

/** The parse steps a file needs (an older format's upgrade, a 元 file's conversion), loaded only then. */
export async function stepsFor(raw: unknown): Promise<ParseSteps> {
  const need = stepsNeeded(raw)
  const [upgrade, units] = await Promise.all([need.upgrader ? import('@/domain/upgrade') : null, need.toWan ? import('@/domain/units') : null])
  return { ...(upgrade ? { upgrader: upgrade.UPGRADER } : {}), ...(units ? { toWan: units.toWanDataset } : {}) }
}

/** Fetches and parses `file` of the data folder `base`: the budget, or what went wrong. */
export type DatasetLoader = (base: string, file: string) => Promise<LoadedDataset>

/** A loader with its own cache of the English names dictionary, fetched once and only for a file that needs it. */
export function createDatasetLoader(): DatasetLoader {
  let names: Promise<ClassificationNames | null> | null = null
  return async (base, file) => {
    const fetched = await fetchJson(base, file)
    if (!fetched.ok) return fetched
    const parsed = parseDataset(fetched.data, await stepsFor(fetched.data))
    if (!parsed.ok) return { ok: false, error: { ...parsed.problem, file } }
    let budget = parsed.value
    // Without the dictionary (missing or broken) the names stay Chinese, marked: never an error.
    if (needsClassificationNames(budget)) {
      names ??= import('@/domain/classificationNames').then(async ({ CLASSIFICATION_NAMES_FILE, parseClassificationNames }) => {
        const f = await fetchJson(base, CLASSIFICATION_NAMES_FILE)
        const parsed = f.ok ? parseClassificationNames(f.data) : null
        return parsed?.ok ? parsed.value : null
      })
      const [dict, { withClassificationNames }] = await Promise.all([names, import('@/domain/englishNames')])
      if (dict) budget = withClassificationNames(budget, dict)
    }
    return { ok: true, budget }
  }
}
