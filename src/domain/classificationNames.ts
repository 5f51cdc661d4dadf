/**
 * English names of the national classification codes (`public/data/classification-names.json`).
 *
 * One dictionary serves every dataset, so a budget imported from a document's text (Chinese only)
 * still reads in English. A code's Chinese name changes between years of the 政府收支分类科目
 * (20805 行政事业单位离退休 in 2019, 行政事业单位养老支出 in 2024), so each code keeps every Chinese
 * variant with its own English, and a lookup matches the Chinese too: a renamed or reused code never
 * lends one name's English to another. The English is this site's translation, not an official one.
 */
import * as v from 'valibot'
import type { Classification } from './types'

/** The file name, relative to the data folder. */
export const CLASSIFICATION_NAMES_FILE = 'classification-names.json'

/** How many digits a code of each classification may have: 类 3, 款 5, 项 7 (economic: 类 3, 款 5). */
const CODE_SHAPES = {
  functional: { pattern: /^\d{3}(\d{2}(\d{2})?)?$/, message: 'a functional code has 3, 5 or 7 digits' },
  economic: { pattern: /^\d{3}(\d{2})?$/, message: 'an economic code has 3 or 5 digits' },
} as const satisfies Record<Classification, { pattern: RegExp; message: string }>

/** A string with something in it besides spaces. */
const Filled = v.pipe(
  v.string(),
  v.check((s) => s.trim().length > 0, 'is empty'),
)

/** One Chinese name of a code, as printed in some year's documents, with this site's English. */
const NameVariantSchema = v.strictObject({
  /** Chinese as printed, e.g. "行政事业单位养老支出". */
  zh: Filled,
  /** Our English, e.g. "Pensions of government agencies and public institutions". */
  en: Filled,
})

const entrySchema = (c: Classification) =>
  v.strictObject({
    /** The code, e.g. "2011308" (functional) or "30227" (economic). */
    code: v.pipe(v.string(), v.regex(CODE_SHAPES[c].pattern, CODE_SHAPES[c].message)),
    /** Every Chinese name the code has had, each with its English. */
    names: v.pipe(v.array(NameVariantSchema), v.minLength(1, 'has no names')),
  })

/** `classification-names.json` as published. */
export const ClassificationNamesSchema = v.strictObject({
  schemaVersion: v.literal(1),
  /** What the dictionary is and who wrote it (this site's translation, not an official one). */
  source: v.strictObject({ zh: Filled, en: Filled }),
  functional: v.array(entrySchema('functional')),
  economic: v.array(entrySchema('economic')),
})
export type RawClassificationNames = v.InferOutput<typeof ClassificationNamesSchema>

/** One Chinese name of a code with its English. */
export interface NameVariant {
  zh: string
  en: string
}

/** A code's names, and its English by normalised Chinese for O(1) lookups. */
export interface CodeNames {
  code: string
  /** In file order. */
  names: readonly NameVariant[]
  /** English by `normaliseClassName(zh)`. */
  enByZh: ReadonlyMap<string, string>
}

/** The parsed dictionary: each classification indexed by code. */
export interface ClassificationNames {
  source: { zh: string; en: string }
  byClassification: Readonly<Record<Classification, ReadonlyMap<string, CodeNames>>>
}

/** The parsed dictionary, or one line per problem naming the entry ("functional 12 (code 2011): …"). */
export type ClassificationNamesResult = { ok: true; value: ClassificationNames } | { ok: false; problems: string[] }

/**
 * A Chinese name as compared: whitespace removed (extraction splits "因 公 出 国"), full-width
 * brackets made half-width ("维修（护）费" = "维修(护)费").
 */
export function normaliseClassName(zh: string): string {
  return zh.replace(/\s+/gu, '').replace(/（/gu, '(').replace(/）/gu, ')')
}

/** Names the entry an issue path points at: `economic 4 (code 3020)`. */
function describeIssue(raw: unknown, issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((p) => p.key)
  const [group, index] = keys
  const rest = keys.slice(2).join('.')
  if ((group === 'functional' || group === 'economic') && typeof index === 'number') {
    const entries = (raw as Record<string, unknown>)[group]
    const code = Array.isArray(entries) ? (entries[index] as { code?: unknown } | undefined)?.code : undefined
    const which = typeof code === 'string' ? ` (code ${code})` : ''
    return `${group} ${index}${which}${rest ? ` ${rest}` : ''}: ${issue.message}`
  }
  return `${keys.join('.') || '(file)'}: ${issue.message}`
}

/** Validates `classification-names.json` and indexes it by code; a repeated code or Chinese variant is an error. */
export function parseClassificationNames(raw: unknown): ClassificationNamesResult {
  const result = v.safeParse(ClassificationNamesSchema, raw)
  if (!result.success) return { ok: false, problems: result.issues.slice(0, 30).map((i) => describeIssue(raw, i)) }
  const problems: string[] = []
  const index = (c: Classification): Map<string, CodeNames> => {
    const byCode = new Map<string, CodeNames>()
    result.output[c].forEach((entry, i) => {
      if (byCode.has(entry.code)) problems.push(`${c} ${i} (code ${entry.code}): the code is listed twice`)
      const enByZh = new Map<string, string>()
      for (const name of entry.names) {
        const key = normaliseClassName(name.zh)
        if (enByZh.has(key)) problems.push(`${c} ${i} (code ${entry.code}): the name ${name.zh} is listed twice`)
        enByZh.set(key, name.en)
      }
      byCode.set(entry.code, { code: entry.code, names: entry.names, enByZh })
    })
    return byCode
  }
  const byClassification = { functional: index('functional'), economic: index('economic') }
  if (problems.length) return { ok: false, problems }
  return { ok: true, value: { source: result.output.source, byClassification } }
}

/**
 * The English of a code's name, or `undefined` when the code is unknown or known under another
 * Chinese name (then the Chinese is shown, marked untranslated). `englishNameOf(d, 'functional',
 * '20805', '行政事业单位养老支出')` → "Pensions of government agencies and public institutions".
 */
export function englishNameOf(
  dict: ClassificationNames,
  classification: Classification,
  code: string,
  zh: string,
): string | undefined {
  return dict.byClassification[classification].get(code)?.enByZh.get(normaliseClassName(zh))
}
