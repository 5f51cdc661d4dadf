/**
 * `toDataset`: a `ParsedDocument` → a dataset of format version 2 (`src/domain/schema.ts`), with
 * what was read but not placed. Pure: the date and the dictionary of English code names come in,
 * so the same document always gives the same bytes. Nothing is invented: a blank stays absent, a
 * figure is stored exactly in the dataset's unit, Chinese as printed, English only for the codes the
 * shared dictionary knows and the table kinds' fixed titles. See README.md for the mapping.
 */
import type { ClassificationNames } from '../domain/classificationNames'
import { CURRENT_SCHEMA_VERSION, type PrecisionSection, type RawDataset, type RawTableEntry } from '../domain/schema'
import type { Amount, Fact, ParsedDocument, ParsedTable } from './types'
import { datasetIdOf, departmentIdOf } from './datasetIds'
import { classRows, pickEconomic, pickFunctional } from './mapClasses'
import { note, zh, type MapContext, type MappingNote } from './mapContext'
import { sectionsFromFacts, threePublicProse } from './mapFacts'
import { decimalsOf, emptyOf, gridOf, incomeStatementOf, performanceOf, tableEntries, threePublicOf } from './mapTables'

export interface ToDatasetOptions {
  names: ClassificationNames
  /** The import's date, ISO (2026-12-03): stored in `source.madeBy`. */
  date: string
  /** The source file's name, stored in `source.file`. */
  file: string
}

export type ToDatasetResult = { ok: false; reason: string } | { ok: true; dataset: RawDataset; notes: MappingNote[] }

type Printed = { unit: '万元' | '元'; decimals: number }

/** How a group of prose figures is printed: 万元, the most decimals any shows. */
function prosePrinted(facts: readonly Fact[]): Printed | undefined {
  const amounts = facts.flatMap((f) => (f.unit === '万元' ? [f.amount, f.prior?.amount, f.restated, f.change?.amount, ...Object.values(f.parts ?? {})] : [])).filter((a): a is Amount => !!a)
  return amounts.length ? { unit: '万元', decimals: Math.min(4, Math.max(...amounts.map((a) => a.decimals))) } : undefined
}

/** The tables whose figures the dataset holds in a section (so they need no grid). */
function sectionKinds(functional: ParsedTable, economic: ParsedTable | undefined, held: readonly ParsedTable[]): Set<ParsedTable> {
  return new Set([functional, ...(economic ? [economic] : []), ...held])
}

/** True when a second functional table prints exactly the functional rows (Yantian's 表7 = 表3). */
function sameAsFunctional(t: ParsedTable, functional: RawDataset['functional'], ctx: MapContext): boolean {
  const mapped = classRows(t, 'functional', { ...ctx, notes: [] })
  if (!mapped || mapped.rows.length !== functional.rows.length) return false
  return mapped.rows.every((r, i) => {
    const f = functional.rows[i]
    return f !== undefined && f.code === r.code && f.total === r.total && f.basic === r.basic && f.project === r.project
  })
}

/** Maps a parsed document onto a dataset; refuses (one sentence) when it lacks what every dataset needs. */
export function toDataset(doc: ParsedDocument, options: ToDatasetOptions): ToDatasetResult {
  const { department, year, phase } = doc.meta
  if (!department) return { ok: false, reason: 'The document names no department, so the dataset would have no department or id.' }
  if (!year) return { ok: false, reason: 'The document states no year, so the dataset would have no year or id.' }
  if (!phase) return { ok: false, reason: 'The document does not say whether it is a budget (预算) or final accounts (决算).' }
  const functionalTable = pickFunctional(doc.tables)
  if (!functionalTable) return { ok: false, reason: 'No functional-classification table (功能分类 with 类 codes) was read, and every dataset needs one.' }
  const unit = functionalTable.unit?.value ?? '万元'
  const ctx: MapContext = { unit, names: options.names, notes: [] }
  if (!functionalTable.unit) note(ctx, 'derived', `${functionalTable.title.value}: no unit line was read; amounts are taken as 万元`, functionalTable.title.at)
  const fMapped = classRows(functionalTable, 'functional', ctx)
  if (!fMapped) return { ok: false, reason: `The functional table ${functionalTable.title.value} has no total row with figures, so the dataset would have no total.` }
  const functional: RawDataset['functional'] = { table: functionalTable.kind as RawDataset['functional']['table'], unit: fMapped.unit, rows: fMapped.rows }

  const econ = pickEconomic(doc.tables)
  const eMapped = econ ? classRows(econ.table, 'economic', ctx) : null
  const economic: RawDataset['economic'] = econ && eMapped ? { table: econ.table.kind as RawDataset['functional']['table'], scope: econ.scope, unit: eMapped.unit, rows: eMapped.rows } : undefined

  const held: ParsedTable[] = []
  const summary = doc.tables.find((t) => t.kind === 'incomeExpenditureSummary')
  const incomeStatement = summary ? incomeStatementOf(summary, ctx) : undefined
  const tpTable = doc.tables.find((t) => t.kind === 'threePublic')
  const tpRows = tpTable ? threePublicOf(tpTable, year.value, ctx) : undefined
  if (tpTable && tpRows) held.push(tpTable)
  const threePublic = tpRows ? { ...tpRows, ...threePublicProse(doc.facts, ctx) } : undefined
  const perfTable = doc.tables.find((t) => t.kind === 'performanceTargets')
  const performance = perfTable ? performanceOf(perfTable, ctx) : undefined
  if (perfTable) held.push(perfTable)
  const empties: Partial<Pick<RawDataset, 'governmentFund' | 'stateCapital'>> = {}
  for (const kind of ['governmentFund', 'stateCapital'] as const) {
    const t = doc.tables.find((x) => x.kind === kind)
    const e = t ? emptyOf(t, ctx) : undefined
    if (t && e) {
      empties[kind] = e
      held.push(t)
    }
  }
  const holders = sectionKinds(functionalTable, econ?.table, held)
  const grids = new Map<ParsedTable, NonNullable<RawTableEntry['grid']>>()
  for (const t of doc.tables) {
    if (holders.has(t) || t.layout === 'text' && t.kind !== 'procurement') continue
    if (t.kind === 'generalPublicFunctional' && sameAsFunctional(t, functional, ctx)) continue
    if (t.rows.length) grids.set(t, gridOf(t, department.value, ctx))
  }
  if (perfTable && !performance) note(ctx, 'notPlaced', `${perfTable.title.value}: no 金额合计 row was read, so its tasks are not stored`, perfTable.title.at)

  const tablePrinted: Printed = { unit, decimals: decimalsOf(functionalTable) }
  const sections: Partial<Record<PrecisionSection, Printed>> = {}
  const differs = (p: Printed | undefined): p is Printed => !!p && (p.unit !== tablePrinted.unit || p.decimals !== tablePrinted.decimals)
  const ofTable = (t: ParsedTable | undefined): Printed | undefined => (t ? { unit: t.unit?.value ?? '万元', decimals: decimalsOf(t) } : undefined)
  const candidates: [PrecisionSection, Printed | undefined][] = [
    ['prose', prosePrinted(doc.facts.filter((f) => !['threePublic', 'procurement', 'operatingCosts'].includes(f.kind)))],
    ['threePublic', ofTable(tpTable)],
    ['performance', ofTable(perfTable)],
    ['procurement', prosePrinted(doc.facts.filter((f) => f.kind === 'procurement'))],
    ['operatingCosts', prosePrinted(doc.facts.filter((f) => f.kind === 'operatingCosts'))],
  ]
  for (const [k, p] of candidates) if (differs(p)) sections[k] = p

  const departmentId = departmentIdOf(department.value)
  const prose = sectionsFromFacts(doc.facts, functional, year.value, phase.value, ctx)
  const dataset: RawDataset = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: datasetIdOf(departmentId, year.value, phase.value),
    departmentId,
    department: zh(department.value),
    year: year.value,
    phase: phase.value,
    unit,
    precision: { tables: tablePrinted, ...(Object.keys(sections).length ? { sections } : {}) },
    source: {
      title: zh(doc.title?.value ?? `${year.value}年${department.value}部门${phase.value === 'final' ? '决算' : '预算'}`),
      file: options.file,
      corrections: [],
      madeBy: { method: 'import', date: options.date },
    },
    tables: tableEntries(doc.tables, doc.contents, grids, tablePrinted),
    ...(prose.profile ? { profile: prose.profile } : {}),
    ...(prose.overview ? { overview: prose.overview } : {}),
    ...(incomeStatement ? { incomeStatement } : {}),
    functional,
    ...(economic ? { economic } : {}),
    ...(prose.projectExpenditure ? { projectExpenditure: prose.projectExpenditure } : {}),
    ...(prose.procurement ? { procurement: prose.procurement } : {}),
    ...(threePublic ? { threePublic } : {}),
    ...(prose.performanceManagement ? { performanceManagement: prose.performanceManagement } : {}),
    ...(prose.operatingCosts ? { operatingCosts: prose.operatingCosts } : {}),
    ...(prose.assets ? { assets: prose.assets } : {}),
    ...empties,
    ...(performance ? { performance } : {}),
    ...(prose.itemStatements ? { itemStatements: prose.itemStatements } : {}),
  }
  if (!doc.title) note(ctx, 'derived', 'no cover title was read; source.title is composed from the department, year and phase', null)
  return { ok: true, dataset, notes: ctx.notes }
}
