/** The header switcher's choices around the dataset being read (loaded with the switcher, not the first page). */
import { byRecency, listDepartments } from './catalogue'
import type { Catalogue, CatalogueEntry } from './types'

/** One choice of the dataset switcher: what it shows and the dataset it opens. */
export interface DatasetChoice {
  entry: CatalogueEntry
  /** True for the dataset being read. */
  current: boolean
}

/** What the dataset switcher offers from `current`; a group with one choice offers nothing to change. */
export interface DatasetChoices {
  /** Each department: the same year and phase when it has them, else the same year, else its latest. */
  departments: DatasetChoice[]
  /** Each year of the current department: the same phase when that year has it, else the year's other. */
  years: DatasetChoice[]
  /** Each phase the current department publishes for the current year. */
  phases: DatasetChoice[]
}

/** The switcher's choices around the dataset being read. */
export function computeDatasetChoices(catalogue: Catalogue, current: CatalogueEntry): DatasetChoices {
  const departments = listDepartments(catalogue)
  const mine = departments.find((d) => d.departmentId === current.departmentId)?.datasets ?? [current]
  const choice = (entry: CatalogueEntry): DatasetChoice => ({ entry, current: entry.id === current.id })
  const years = [...new Set(mine.map((d) => d.year))].sort((a, z) => z - a)
  return {
    departments: departments.map((dep) =>
      choice(
        dep.datasets.find((d) => d.year === current.year && d.phase === current.phase) ??
          dep.datasets.find((d) => d.year === current.year) ??
          dep.latest,
      ),
    ),
    years: years.map((year) => choice(mine.find((d) => d.year === year && d.phase === current.phase) ?? (mine.find((d) => d.year === year) as CatalogueEntry))),
    phases: mine.filter((d) => d.year === current.year).sort(byRecency).map(choice),
  }
}
