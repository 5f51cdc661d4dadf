/**
 * Upgrades older dataset and catalogue files to the current format, one tested step per version
 * (OWID's grapher migrations, in miniature). A file newer than this code is refused with a message.
 *
 * The app loads this module only when it meets an older file (`parseDataset(raw, UPGRADER)`), so the
 * first page does not carry the old schema.
 *
 * Version 1 was the format of the Shenzhen twelve-table departmental budget (部门预算) that the first
 * dataset used: amounts in 万元 as published, the tables numbered 1–12 as Shenzhen numbers them.
 */
import * as v from 'valibot'
import { describeIssues } from './parse'
import { CatalogueSchemaV1, DatasetSchemaV1, type RawDatasetV1, type RawCatalogueV1 } from './schemaV1'
import { CURRENT_SCHEMA_VERSION, type RawCatalogue, type RawDataset, type RawTableEntry } from './schema'
import type { Upgrader } from './version'

/** The twelve tables of a version-1 (Shenzhen) budget, as the document numbers and titles them. */
const V1_TABLES: readonly Omit<RawTableEntry, 'number'>[] = [
  { kind: 'incomeExpenditureSummary', title: { zh: '收支总表', en: 'Income and expenditure summary' }, status: 'published' },
  { kind: 'incomeSummary', title: { zh: '收入总表', en: 'Income summary' }, status: 'missing' },
  { kind: 'expenditureSummary', title: { zh: '支出总表', en: 'Expenditure summary' }, status: 'published' },
  { kind: 'basicSummary', title: { zh: '基本支出总表', en: 'Basic expenditure summary' }, status: 'missing' },
  { kind: 'projectSummary', title: { zh: '项目支出总表', en: 'Project expenditure summary' }, status: 'missing' },
  {
    kind: 'fiscalSummary',
    title: { zh: '政府预算拨款收支总表', en: 'Government budget appropriations: income and expenditure summary' },
    status: 'published',
  },
  { kind: 'generalPublicFunctional', title: { zh: '一般公共预算支出表（按功能分类）', en: 'General public budget expenditure (by function)' }, status: 'published' },
  { kind: 'generalPublicEconomic', title: { zh: '一般公共预算支出表（按经济分类）', en: 'General public budget expenditure (by economic type)' }, status: 'published' },
  { kind: 'threePublic', title: { zh: '一般公共预算“三公”经费支出表', en: '“Three public expenses” from the general public budget' }, status: 'published' },
  { kind: 'governmentFund', title: { zh: '政府性基金预算支出表', en: 'Government-managed funds budget expenditure' }, status: 'empty' },
  { kind: 'stateCapital', title: { zh: '国有资本经营预算支出表', en: 'State capital operations budget expenditure' }, status: 'empty' },
  {
    kind: 'performanceTargets',
    title: { zh: '部门（单位）整体支出绩效目标表', en: 'Overall expenditure performance targets of the department (unit)' },
    status: 'published',
  },
]

/** Where a version-1 (Shenzhen) budget's prose states each section: 第一部分 … 第九部分. */
const V1_PROSE_PARTS = {
  profile: 1,
  overview: 2,
  basicBreakdown: 3,
  projectExpenditure: 3,
  procurement: 4,
  threePublic: 5,
  performanceManagement: 6,
  keyProjects: 7,
  operatingCosts: 8,
  assets: 8,
  glossary: 9,
} as const

/** Version 1 → 2: the same facts, with the document's tables listed and its printing described. */
export function upgradeDatasetV1(old: RawDatasetV1): RawDataset {
  const { functional, economic, source, ...rest } = old
  return {
    ...rest,
    // Overrides the old file's version.
    schemaVersion: CURRENT_SCHEMA_VERSION,
    unit: '万元',
    precision: { tables: { unit: '万元', decimals: 0 }, sections: { performance: { unit: '万元', decimals: 2 } } },
    source: { ...source, proseParts: V1_PROSE_PARTS, madeBy: { method: 'hand' } },
    tables: V1_TABLES.map((t, i) => ({ ...t, number: i + 1, printedNumber: `表 ${i + 1}` })),
    functional: { table: 'expenditureSummary', ...functional },
    economic: { table: 'generalPublicEconomic', scope: 'all', ...economic },
  }
}

/** The site name a version-1 catalogue (which had none) is given. */
const V1_SITE_NAME = { zh: '部门预算公开', en: 'Open departmental budgets' }

/** Version 1 → 2: the catalogue gains the site's name. */
export function upgradeCatalogueV1(old: RawCatalogueV1): RawCatalogue {
  return { ...old, schemaVersion: CURRENT_SCHEMA_VERSION, site: { name: V1_SITE_NAME } }
}

/** The upgrade steps, for `parseDataset` / `parseCatalogue`: validate the old version, then upgrade it. */
export const UPGRADER: Upgrader = {
  dataset: (raw) => {
    const old = v.safeParse(DatasetSchemaV1, raw)
    return old.success ? { ok: true, value: upgradeDatasetV1(old.output) } : { ok: false, details: describeIssues(old.issues) }
  },
  catalogue: (raw) => {
    const old = v.safeParse(CatalogueSchemaV1, raw)
    return old.success ? { ok: true, value: upgradeCatalogueV1(old.output) } : { ok: false, details: describeIssues(old.issues) }
  },
}
