import * as v from 'valibot'
import { CatalogueSchema, CURRENT_SCHEMA_VERSION, DatasetSchema, type RawCatalogue, type RawDataset } from './schema'
import { CatalogueSchemaV1, DatasetSchemaV1 } from './schemaV1'
import { findUnknownEditorialPaths } from './editorial'
import { toWanDataset } from './units'
import { upgradeCatalogueV1, upgradeDatasetV1, versionOf } from './upgrade'
import { computeTree } from './tree'
import type { Budget, Catalogue } from './types'

/** Why a file could not be used, in terms a reader can act on. */
export interface DataProblem {
  /**
   * `schema`: a field is missing or of the wrong kind; `structure`: rows do not form a tree or ids repeat;
   * `version`: the file is of a newer format than this site reads.
   */
  kind: 'schema' | 'structure' | 'version'
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

/** A file of a newer format than this code: say so, rather than list every field it does not know. */
function newerProblem(version: unknown): DataProblem {
  return { kind: 'version', details: [`format version ${String(version)}; this site reads up to version ${CURRENT_SCHEMA_VERSION}`] }
}

/**
 * Reads a file of the current format, or of an older one through its upgrade step; the result is
 * always validated against the current schema.
 */
function readVersioned<Old, Current>(
  raw: unknown,
  current: v.GenericSchema<unknown, Current>,
  old: v.GenericSchema<unknown, Old>,
  upgrade: (o: Old) => Current,
): ParseResult<Current> {
  const { version, verdict } = versionOf(raw)
  if (verdict === 'newer') return { ok: false, problem: newerProblem(version) }
  let input = raw
  if (verdict === 'upgradable') {
    const older = v.safeParse(old, raw)
    if (!older.success) return { ok: false, problem: { kind: 'schema', details: describeIssues(older.issues) } }
    input = upgrade(older.output)
  }
  const result = v.safeParse(current, input)
  if (!result.success) return { ok: false, problem: { kind: 'schema', details: describeIssues(result.issues) } }
  return { ok: true, value: result.output }
}

/** Checks the catalogue file (`index.json`) against its schema (upgrading an older format). */
export function parseCatalogue(raw: unknown): ParseResult<Catalogue> {
  const result = readVersioned<v.InferOutput<typeof CatalogueSchemaV1>, RawCatalogue>(raw, CatalogueSchema, CatalogueSchemaV1, upgradeCatalogueV1)
  if (!result.ok) return result
  const ids = result.value.datasets.map((d) => d.id)
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i)
  if (repeated.length)
    return { ok: false, problem: { kind: 'structure', details: repeated.map((id) => `dataset id ${id} is listed twice`) } }
  return { ok: true, value: result.value }
}

/** Ids that must be unique, and references that must resolve, beyond what the schema can say. */
function structureProblems(data: RawDataset): string[] {
  const problems: string[] = []
  const repeated = (ids: string[], what: string): void =>
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) problems.push(`${what} ${id} appears twice`)
    })
  const kinds = data.tables.map((t) => t.kind)
  repeated(kinds, 'table kind')
  repeated(
    data.tables.map((t) => String(t.number)),
    'table number',
  )
  if (!kinds.includes(data.functional.table)) problems.push(`functional.table names ${data.functional.table}, which tables does not list`)
  if (data.economic && !kinds.includes(data.economic.table)) problems.push(`economic.table names ${data.economic.table}, which tables does not list`)
  const taskIds = new Set((data.performance?.tasks ?? []).map((t) => t.id))
  repeated(
    (data.performance?.tasks ?? []).map((t) => t.id),
    'task id',
  )
  for (const c of data.projectExpenditure?.categories ?? [])
    for (const id of c.taskIds ?? []) if (!taskIds.has(id)) problems.push(`project category ${c.id} names unknown task ${id}`)
  repeated(
    (data.projectExpenditure?.categories ?? []).map((c) => c.id),
    'project category id',
  )
  repeated(
    (data.performance?.dimensions ?? []).flatMap((d) => d.indicators.map((i) => i.id)),
    'indicator id',
  )
  for (const t of data.tables)
    for (const [i, r] of (t.grid?.rows ?? []).entries())
      if (r.cells.length !== t.grid?.columns.length) problems.push(`tables.${t.kind}.grid.rows.${i}: ${r.cells.length} cells for ${t.grid?.columns.length} columns`)
  for (const path of findUnknownEditorialPaths(data)) problems.push(`editorial note path ${path} names nothing in the dataset`)
  return problems
}

/**
 * Checks a dataset file against its schema (upgrading an older format), converts its amounts to
 * 万元 and builds its classification trees. A file whose figures contradict each other is NOT refused
 * here: that is the document's finding, reported by the checks.
 */
export function parseDataset(raw: unknown): ParseResult<Budget> {
  const result = readVersioned<v.InferOutput<typeof DatasetSchemaV1>, RawDataset>(raw, DatasetSchema, DatasetSchemaV1, upgradeDatasetV1)
  if (!result.ok) return result
  const data = toWanDataset(result.value)
  const functional = computeTree('functional', data.functional.unit, data.functional.rows)
  const economic = data.economic ? computeTree('economic', data.economic.unit, data.economic.rows) : undefined
  const problems = [...functional.problems, ...(economic?.problems ?? []), ...structureProblems(data)]
  if (problems.length || !functional.tree || (economic && !economic.tree)) return { ok: false, problem: { kind: 'structure', details: problems } }
  const budget: Budget = { ...data, functionalTree: functional.tree }
  if (economic?.tree) budget.economicTree = economic.tree
  return { ok: true, value: budget }
}
