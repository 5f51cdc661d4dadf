/**
 * Domain types: what the app works with once a file has passed `parseDataset`.
 * Raw types (the JSON) live in `schema.ts`; these add structure (trees) and nothing else.
 */
import type { RawCatalogue, RawDataset, RawText } from './schema'

/** Bilingual text: Chinese as published, English as translated. */
export type Text = RawText

/** UI locales; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

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
  basic: number
  project: number
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
  basic: number
  project: number
  /** 类 rows, in published order. */
  roots: ClassNode[]
  /** Every node by code. */
  byCode: ReadonlyMap<string, ClassNode>
}

/** A validated dataset: the raw facts plus the classification trees. */
export interface Budget extends RawDataset {
  functionalTree: ClassTree
  economicTree: ClassTree
}

export type CatalogueEntry = RawCatalogue['datasets'][number]
export type Catalogue = RawCatalogue

/** Picks the text for a locale: "招商引资" or "Investment promotion". */
export function localize(text: Text, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh
}
