import * as v from 'valibot'
import { CatalogueSchema, CURRENT_SCHEMA_VERSION, DatasetSchema, type RawDataset } from './schema'
import { versionOf, type ParseSteps, type Upgrader } from './version'
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

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
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
 * Reads a file of the current format, or of an older one through `upgrade` (the steps of `upgrade.ts`,
 * which the caller passes when it has them: the app loads them only for an older file); the result is
 * always validated against the current schema.
 */
function readVersioned<Current>(raw: unknown, current: v.GenericSchema<unknown, Current>, upgrade: ((raw: unknown) => ReturnType<Upgrader['dataset']>) | undefined): ParseResult<Current> {
  const { version, verdict } = versionOf(raw)
  if (verdict === 'newer') return { ok: false, problem: newerProblem(version) }
  let input = raw
  if (verdict === 'upgradable') {
    if (!upgrade) return { ok: false, problem: { kind: 'version', details: [`format version ${String(version)}: read it with the upgrade step (npm run upgrade-data)`] } }
    const up = upgrade(raw)
    if (!up.ok) return { ok: false, problem: { kind: 'schema', details: up.details } }
    input = up.value
  }
  const result = v.safeParse(current, input)
  if (!result.success) return { ok: false, problem: { kind: 'schema', details: describeIssues(result.issues) } }
  return { ok: true, value: result.output }
}

/** Checks the catalogue file (`index.json`) against its schema (upgrading an older format with `upgrader`). */
export function parseCatalogue(raw: unknown, steps?: Pick<ParseSteps, 'upgrader'>): ParseResult<Catalogue> {
  const result = readVersioned(raw, CatalogueSchema, steps?.upgrader?.catalogue)
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
  return problems
}

/**
 * Checks a dataset file against its schema (upgrading an older format with `steps.upgrader`), converts its
 * amounts to 万元 (`steps.toWan`, for a file in 元) and builds its classification trees. The steps are passed in
 * so that the app loads their code only for a file that needs them (`ALL_STEPS` in `steps.ts` has them all). A file whose figures contradict each other is NOT refused
 * here: that is the document's finding, reported by the checks.
 */
export function parseDataset(raw: unknown, steps?: ParseSteps): ParseResult<Budget> {
  const result = readVersioned(raw, DatasetSchema, steps?.upgrader?.dataset)
  if (!result.ok) return result
  if (result.value.unit !== '万元' && !steps?.toWan) return { ok: false, problem: { kind: 'version', details: [`amounts in ${result.value.unit}: read it with the unit step (units.ts)`] } }
  const data = steps?.toWan && result.value.unit !== '万元' ? steps.toWan(result.value) : result.value
  const functional = computeTree('functional', data.functional.unit, data.functional.rows)
  const economic = data.economic ? computeTree('economic', data.economic.unit, data.economic.rows) : undefined
  const problems = [...functional.problems, ...(economic?.problems ?? []), ...structureProblems(data)]
  if (problems.length || !functional.tree || (economic && !economic.tree)) return { ok: false, problem: { kind: 'structure', details: problems } }
  const budget: Budget = { ...data, functionalTree: functional.tree }
  if (economic?.tree) budget.economicTree = economic.tree
  return { ok: true, value: budget }
}
