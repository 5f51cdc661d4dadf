/**
 * Domain types: what the app works with once a file has passed `parseDataset`.
 * Raw types (the JSON) live in `schema.ts`; these add structure (trees) and nothing else.
 */
import type { RawCatalogue, RawDataset, RawText } from './schema'
import { languageOf, type Locale } from './languages'

/** Bilingual text: Chinese as published, English as translated (absent when untranslated). */
export type Text = RawText

/** UI locales, from the language registry (`languages.ts`); zh-CN is the default. */
export { LOCALES, type Locale } from './languages'

/** The three measures a classification row publishes. */
export const MEASURES = ['total', 'basic', 'project'] as const
export type Measure = (typeof MEASURES)[number]

/** 类 / 款 / 项: depth of a classification code (3, 5, 7 digits). */
export const CLASS_LEVELS = ['class', 'section', 'item'] as const
export type ClassLevel = (typeof CLASS_LEVELS)[number]

export const CLASSIFICATIONS = ['functional', 'economic'] as const
export type Classification = (typeof CLASSIFICATIONS)[number]

/** One row of a classification table, placed in its tree. Amounts in 万元 as published. */
export interface ClassNode {
  code: string
  name: Text
  level: ClassLevel
  total: number
  /** Absent when the table prints no basic/project split. */
  basic?: number
  project?: number
  /** Code of the enclosing row (undefined for a 类). */
  parentCode?: string
  /** Rows one level down, in published order. */
  children: ClassNode[]
}

/** A classification table as a tree under its 预算单位 row. */
export interface ClassTree {
  classification: Classification
  /** The published unit row (the table's own total). */
  total: number
  basic?: number
  project?: number
  /** The measures the table prints: total always, basic and project when it splits them. */
  measures: readonly Measure[]
  /** 类 rows, in published order. */
  roots: ClassNode[]
  /** Every node by code. */
  byCode: ReadonlyMap<string, ClassNode>
}

/**
 * A validated dataset: the raw facts with every amount in 万元 (converted exactly from the file's unit),
 * plus the classification trees. `unit` and `precision` still say how the document printed them.
 */
export interface Budget extends RawDataset {
  functionalTree: ClassTree
  /** Absent when the document publishes no economic table. */
  economicTree?: ClassTree
}

export type CatalogueEntry = RawCatalogue['datasets'][number]
export type Catalogue = RawCatalogue

/** Picks the text for a locale: "招商引资" or "Investment promotion"; the Chinese where no English exists. */
export function localize(text: Text, locale: Locale): string {
  return text[languageOf(locale).text] ?? text.zh
}

/** True when `locale` asks for English and the text has none (the view marks it as shown in Chinese). */
export function isUntranslated(text: Text | undefined, locale: Locale): boolean {
  return !!text && text[languageOf(locale).text] === undefined
}
