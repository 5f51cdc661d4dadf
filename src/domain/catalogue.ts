import type { Catalogue, CatalogueEntry } from './types'

/** The dataset to show: the one asked for, else the latest year of the first listed department. */
export function selectEntry(catalogue: Catalogue, id?: string): CatalogueEntry | undefined {
  if (id) return catalogue.datasets.find((d) => d.id === id)
  const first = catalogue.datasets[0]
  if (!first) return undefined
  return catalogue.datasets.filter((d) => d.departmentId === first.departmentId).sort((a, z) => z.year - a.year)[0]
}
