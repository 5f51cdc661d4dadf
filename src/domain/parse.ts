import * as v from 'valibot'
import { findUnknownEditorialPaths } from './editorial'
import { CatalogueSchema, DatasetSchema } from './schema'
import { computeTree } from './tree'
import type { Budget, Catalogue } from './types'

/** Why a file could not be used, in terms a reader can act on. */
export interface DataProblem {
  /** `schema`: a field is missing or of the wrong kind; `structure`: rows do not form a tree or ids repeat. */
  kind: 'schema' | 'structure'
  /** One line per problem, naming the field path: "functional.rows.3.total: expected number". */
  details: string[]
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: DataProblem }

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.slice(0, 20).map((issue) => {
    const path = v.getDotPath(issue)
    return path ? `${path}: ${issue.message}` : issue.message
  })
}

/** Checks the catalogue file (`index.json`) against its schema. */
export function parseCatalogue(raw: unknown): ParseResult<Catalogue> {
  const result = v.safeParse(CatalogueSchema, raw)
  if (!result.success) return { ok: false, problem: { kind: 'schema', details: describeIssues(result.issues) } }
  const ids = result.output.datasets.map((d) => d.id)
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i)
  if (repeated.length)
    return { ok: false, problem: { kind: 'structure', details: repeated.map((id) => `dataset id ${id} is listed twice`) } }
  return { ok: true, value: result.output }
}

/** Checks a dataset file against its schema and builds its classification trees. */
export function parseDataset(raw: unknown): ParseResult<Budget> {
  const result = v.safeParse(DatasetSchema, raw)
  if (!result.success) return { ok: false, problem: { kind: 'schema', details: describeIssues(result.issues) } }
  const data = result.output
  const functional = computeTree('functional', data.functional.unit, data.functional.rows)
  const economic = computeTree('economic', data.economic.unit, data.economic.rows)
  const problems = [...functional.problems, ...economic.problems]
  const taskIds = new Set(data.performance.tasks.map((t) => t.id))
  for (const c of data.projectExpenditure.categories)
    for (const id of c.taskIds) if (!taskIds.has(id)) problems.push(`project category ${c.id} names unknown task ${id}`)
  const indicatorIds = data.performance.dimensions.flatMap((d) => d.indicators.map((i) => i.id))
  indicatorIds.forEach((id, i) => {
    if (indicatorIds.indexOf(id) !== i) problems.push(`indicator id ${id} appears twice`)
  })
  for (const path of findUnknownEditorialPaths(data)) problems.push(`editorial note path ${path} names nothing in the dataset`)
  if (problems.length || !functional.tree || !economic.tree)
    return { ok: false, problem: { kind: 'structure', details: problems } }
  return { ok: true, value: { ...data, functionalTree: functional.tree, economicTree: economic.tree } }
}
