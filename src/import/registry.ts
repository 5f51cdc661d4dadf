/**
 * The standard tables of the national 预算 / 决算 disclosure family, one entry per kind. A table is
 * recognised by its title, never by its number (表1, 公开01表, 一、 and 1. all occur). Adding a kind
 * is adding an entry; the first entry whose pattern matches the normalised title wins, so the more
 * specific titles come first.
 */
import type { TableLayout } from './types'

export interface TableKindEntry {
  kind: string
  /** This site's fixed English title of the kind, used when a dataset is imported (the Chinese title stays as printed). */
  en: string
  /** Patterns tried on the title with spaces, quotes, Markdown marks and a leading number or year removed. */
  titles: RegExp[]
  /** Free-form tables (performance targets, procurement lists) keep their rows as text with any amounts. */
  layout?: TableLayout
  /** What the kind holds, for the report. */
  about: string
}

export const TABLE_KIND_REGISTRY = [
  { kind: 'threePublic', en: 'Expenditure on the “three public” items', titles: [/三公/], about: '“三公”经费 (and in some families 会议费, 培训费, 机关运行经费)' },
  { kind: 'governmentFund', en: 'Government fund budget expenditure', titles: [/政府性基金/], about: '政府性基金预算 expenditure' },
  { kind: 'stateCapital', en: 'State capital operations budget expenditure', titles: [/国有资本经营/], about: '国有资本经营预算 expenditure' },
  { kind: 'procurement', en: 'Government procurement', titles: [/政府采购/], layout: 'text', about: '政府采购 items' },
  { kind: 'performanceTargets', en: 'Performance targets', titles: [/绩效目标表$/], layout: 'text', about: 'performance targets (绩效目标)' },
  { kind: 'operatingCosts', en: 'Operating costs of government bodies', titles: [/机关运行经费/], about: '机关运行经费 by economic item' },
  { kind: 'generalPublicBasicEconomic', en: 'General public budget basic expenditure by economic classification', titles: [/一般公共预算.*基本支出/], about: '一般公共预算 basic expenditure by economic classification' },
  { kind: 'generalPublicEconomic', en: 'General public budget expenditure by economic classification', titles: [/一般公共预算.*经济/], about: '一般公共预算 expenditure by economic classification' },
  { kind: 'generalPublicFunctional', en: 'General public budget expenditure by functional classification', titles: [/一般公共预算.*(功能|支出决算表$|支出表$)/], about: '一般公共预算 expenditure by functional classification' },
  { kind: 'fiscalBasicEconomic', en: 'Fiscal appropriation basic expenditure by economic classification', titles: [/财政拨款基本支出/], about: '财政拨款 basic expenditure by economic classification' },
  { kind: 'fiscalFunctional', en: 'Fiscal appropriation expenditure by functional classification', titles: [/财政拨款支出(预算|决算)?表/], about: '财政拨款 expenditure by functional classification' },
  { kind: 'fiscalSummary', en: 'Fiscal appropriation income and expenditure summary', titles: [/(财政拨款|政府预算拨款)收入?支出?.*总表$/], about: '财政拨款 income and expenditure summary' },
  { kind: 'basicSummary', en: 'Basic expenditure summary', titles: [/^基本支出(预算)?总表$/], about: 'basic expenditure summary' },
  { kind: 'projectSummary', en: 'Project expenditure summary', titles: [/^项目支出(预算)?总表$/], about: 'project expenditure summary' },
  { kind: 'incomeExpenditureSummary', en: 'Income and expenditure summary', titles: [/收入?支出?(预算|决算)?总表$/], about: 'income and expenditure summary (收支总表)' },
  { kind: 'incomeSummary', en: 'Income summary', titles: [/收入(预算|决算)?总?表$/], about: 'income by source and class' },
  { kind: 'expenditureSummary', en: 'Expenditure summary', titles: [/支出(预算|决算)?总?表$/], about: 'expenditure by class, basic and project' },
] as const satisfies readonly TableKindEntry[]

export type TableKind = (typeof TABLE_KIND_REGISTRY)[number]['kind']

export const TABLE_KINDS: readonly TableKind[] = TABLE_KIND_REGISTRY.map((e) => e.kind)

/** Kinds whose coded rows are the functional classification (2xx codes). */
export const FUNCTIONAL_KINDS: readonly TableKind[] = ['generalPublicFunctional', 'fiscalFunctional', 'expenditureSummary', 'incomeSummary', 'governmentFund', 'stateCapital']

/** Kinds whose coded rows are the economic classification (3xx codes). */
export const ECONOMIC_KINDS: readonly TableKind[] = ['generalPublicEconomic', 'generalPublicBasicEconomic', 'fiscalBasicEconomic', 'operatingCosts']

/** Strips what varies around a title: Markdown, spaces, quotes, a leading number ("表 7", "1.", "一、", "(一)") or year ("2024年"). */
export function normaliseTitle(line: string): string {
  return line
    .replace(/[#*\s\t“”"‘’'「」]/g, '')
    .replace(/^(?:表\d+|公开\d+表)/, '')
    .replace(/^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[、.．])/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/^部门(?!（)/, '')
}

/** The kind a title names, or `null`. */
export function kindOfTitle(line: string): TableKind | null {
  const t = normaliseTitle(line)
  if (t.length < 3 || t.length > 40 || !/表(（[^）]*）)?$/.test(t) || /说明|目录/.test(t)) return null
  for (const entry of TABLE_KIND_REGISTRY) if (entry.titles.some((re) => re.test(t))) return entry.kind
  return null
}

/** The fixed English title of a kind: "Income and expenditure summary". */
export function englishTitleOf(kind: TableKind): string {
  const entry: TableKindEntry | undefined = TABLE_KIND_REGISTRY.find((e) => e.kind === kind)
  return entry?.en ?? kind
}

/** The layout of a kind: text for free-form tables, grid otherwise (plain is decided from the header). */
export function layoutOfKind(kind: TableKind): TableLayout {
  const entry: TableKindEntry | undefined = TABLE_KIND_REGISTRY.find((e) => e.kind === kind)
  return entry?.layout ?? 'grid'
}

/**
 * Column sums a table may state: a total column equal to the sum of its part columns, matched on a
 * column's header path (last cell first). A rule applies to a table where its total column and at
 * least two parts are found, one of them matching `anchor`.
 */
export interface ColumnSumRule {
  id: string
  total: (path: readonly string[]) => boolean
  parts: ((path: readonly string[]) => boolean)[]
  anchor: RegExp
}

const leafIs = (re: RegExp) => (path: readonly string[]) => re.test(path[path.length - 1] ?? '')
const isVehicles = (path: readonly string[]) => /公务用车购置(及|和)运行/.test(path.join('/')) && (path.length === 1 || /小计$|公务用车购置(及|和)运行(维护)?费$/.test((path.at(-1) ?? '')))

export const COLUMN_SUM_RULES: readonly ColumnSumRule[] = [
  {
    id: 'basicProject',
    total: leafIs(/^(合计|支出总计|本年支出合计|总计)$/),
    parts: [/^基本支出$/, /^项目支出$/, /^单位预留机动经费$/, /^上缴上级支出$/, /^经营支出$/, /^对附属单位补助支出$/].map(leafIs),
    anchor: /^基本支出$/,
  },
  {
    id: 'incomeSources',
    total: leafIs(/^(合计|本年收入合计)$/),
    parts: [/^财政拨款收入$/, /^上级补助收入$/, /^事业收入$/, /^(事业单位)?经营收入$/, /^附属单位上缴收入$/, /^其他收入$/].map(leafIs),
    anchor: /^财政拨款收入$/,
  },
  { id: 'staffPublic', total: leafIs(/^合计$/), parts: [leafIs(/^人员经费$/), leafIs(/^公用经费$/)], anchor: /^人员经费$/ },
  {
    id: 'fundTypes',
    total: leafIs(/^合计$/),
    parts: [/^一般公共预算(财政拨款)?$/, /^政府性基金预算(财政拨款)?$/, /^国有资本经营预算(财政拨款)?$/].map(leafIs),
    anchor: /^一般公共预算/,
  },
  {
    id: 'threePublicItems',
    total: (path) => (/三公/.test(path.join('/')) && /^(小计|合计)$/.test(path.at(-1) ?? '') && !/公务用车/.test(path.join('/'))) || (path.length === 1 && /^(总计|合计)$/.test(path[0] ?? '')),
    parts: [leafIs(/^因公出国[(（]境[)）]费用?$/), leafIs(/^公务接待费$/), isVehicles],
    anchor: /^因公出国/,
  },
  {
    id: 'vehicles',
    total: isVehicles,
    parts: [(p) => /公务用车/.test(p.join('/')) && /购置费$/.test((p.at(-1) ?? '')), (p) => /公务用车/.test(p.join('/')) && /运行(维护)?费$/.test((p.at(-1) ?? '')) && !isVehicles(p)],
    anchor: /购置费$/,
  },
]
