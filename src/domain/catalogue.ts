/**
 * Which dataset of the catalogue a reader asks for: by department, year and phase (the URL's
 * `dept`, `year`, `phase`), or by the old dataset id (`d`), or nothing (the default). A request
 * naming something the catalogue lacks is answered with what it does hold, never with other data.
 */
import type { Catalogue, CatalogueEntry, Text } from './types'

export type Phase = CatalogueEntry['phase']

/** The phases a dataset can be, the default (budget, 预算) first. */
export const PHASES = ['budget', 'final'] as const satisfies readonly Phase[]

/** What a link asks for. Strings as they come from a URL; everything absent means "the default". */
export interface DatasetRequest {
  /** The old form: a dataset id ("yantian-investment-center-2023"). */
  id?: string
  departmentId?: string
  /** "2023"; absent: the department's latest year. */
  year?: string | number
  /** "budget" | "final"; absent: budget when the year has one. */
  phase?: string
}

/** One department of the catalogue, with the dataset a link to it opens. */
export interface Department {
  departmentId: string
  department: Text
  /** Its latest year (the budget when that year has both). */
  latest: CatalogueEntry
  /** Its datasets, latest year first, budget before final within a year. */
  datasets: CatalogueEntry[]
}

/** Why a request names no dataset, with what the catalogue offers instead. */
export type MissingDataset =
  | { what: 'id'; id: string; departments: Department[] }
  | { what: 'department'; departmentId: string; departments: Department[] }
  | { what: 'year'; department: Department; year: string; phase: string }

export type Selection = { ok: true; entry: CatalogueEntry } | { ok: false; missing: MissingDataset }

const phaseRank = (p: Phase): number => PHASES.indexOf(p)
/** Latest year first; budget before final within a year. */
/** Latest year first; within a year, the budget before the final accounts. */
export const byRecency = (a: CatalogueEntry, z: CatalogueEntry): number => z.year - a.year || phaseRank(a.phase) - phaseRank(z.phase)

/** The catalogue's departments in listed order, each with its datasets. */
export function listDepartments(catalogue: Catalogue): Department[] {
  const byId = new Map<string, CatalogueEntry[]>()
  for (const d of catalogue.datasets) byId.set(d.departmentId, [...(byId.get(d.departmentId) ?? []), d])
  return [...byId].map(([departmentId, entries]) => {
    const datasets = [...entries].sort(byRecency)
    const latest = datasets[0] as CatalogueEntry
    return { departmentId, department: latest.department, latest, datasets }
  })
}

/** Reads a URL year: "2023" → 2023; anything else (absent, "abc", "2023.5") → undefined. */
function parseYear(year: string | number | undefined): number | undefined {
  const n = typeof year === 'number' ? year : year !== undefined && /^\d{1,4}$/.test(year.trim()) ? Number(year) : NaN
  return Number.isInteger(n) ? n : undefined
}

/**
 * The dataset a request names: by id; by department (its latest year), year and phase (budget
 * unless `final`); or, asking nothing, the latest year of the first listed department.
 */
export function resolveEntry(catalogue: Catalogue, request: DatasetRequest = {}): Selection {
  const departments = listDepartments(catalogue)
  if (request.id !== undefined && request.departmentId === undefined) {
    const entry = catalogue.datasets.find((d) => d.id === request.id)
    return entry ? { ok: true, entry } : { ok: false, missing: { what: 'id', id: request.id, departments } }
  }
  const department = request.departmentId === undefined ? departments[0] : departments.find((d) => d.departmentId === request.departmentId)
  if (!department) return { ok: false, missing: { what: 'department', departmentId: request.departmentId ?? '', departments } }
  const phase = request.phase ?? 'budget'
  const wantYear = request.year === undefined ? undefined : parseYear(request.year)
  const entry =
    request.year === undefined
      ? // No year: the latest, in the phase asked for (either, when none was asked).
        department.datasets.find((d) => request.phase === undefined || d.phase === request.phase)
      : department.datasets.find((d) => d.year === wantYear && d.phase === phase)
  if (entry) return { ok: true, entry }
  return { ok: false, missing: { what: 'year', department, year: String(request.year ?? ''), phase } }
}

/** The dataset to show: the one asked for, else the latest year of the first listed department. */
export function selectEntry(catalogue: Catalogue, request?: string | DatasetRequest): CatalogueEntry | undefined {
  const selection = resolveEntry(catalogue, typeof request === 'string' ? { id: request } : request)
  return selection.ok ? selection.entry : undefined
}

/** True when the catalogue holds two or more departments: the site then opens on the district landing. */
export function hasDistrict(catalogue: Pick<Catalogue, 'datasets'>): boolean {
  const first = catalogue.datasets[0]?.departmentId
  return catalogue.datasets.some((d) => d.departmentId !== first)
}

/**
 * True when a request opens the district landing rather than a dataset: the catalogue holds two or more
 * departments and the request names none (a year or phase alone names no department). The landing reads
 * the catalogue alone, so no dataset is loaded for it.
 */
export function opensLanding(catalogue: Pick<Catalogue, 'datasets'>, request: DatasetRequest | undefined): boolean {
  return hasDistrict(catalogue) && request?.id === undefined && request?.departmentId === undefined
}
