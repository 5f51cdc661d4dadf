/**
 * Plain-language explanations of classification codes (`public/data/glossary-codes.json`).
 *
 * The explanations are this site's own text, written from the official descriptions of the
 * 政府收支分类科目; they are NOT part of any budget document, and the file says so in `source`.
 * One file serves every dataset: a code means the same thing in every department's budget.
 */
import * as v from 'valibot'
import { TextSchema } from './schema'
import type { ParseResult } from './parse'
import type { Budget, Classification, Text } from './types'
import { CLASSIFICATIONS } from './types'
import { flattenTree } from './tree'

/** The file name, relative to the data folder. */
export const CODE_GLOSSARY_FILE = 'glossary-codes.json'

/** This site's own words, so always in both languages (unlike a document's text, which may be untranslated). */
const OwnTextSchema = v.strictObject({ ...TextSchema.entries, en: v.pipe(v.string(), v.minLength(1)) })

/** `glossary-codes.json` as published. */
export const CodeGlossarySchema = v.strictObject({
  schemaVersion: v.literal(1),
  /** Who wrote the explanations and on what basis (shown beside them). */
  source: OwnTextSchema,
  codes: v.array(
    v.strictObject({
      /** 功能分类 3/5/7 digits or 经济分类 3/5 digits, e.g. "2011308", "30227". */
      code: v.pipe(v.string(), v.regex(/^\d{3}(\d{2}(\d{2})?)?$/, 'a code has 3, 5 or 7 digits')),
      classification: v.picklist(CLASSIFICATIONS),
      /** What spending under this code pays for, in one or two plain sentences. */
      explanation: OwnTextSchema,
    }),
  ),
})
export type RawCodeGlossary = v.InferOutput<typeof CodeGlossarySchema>

/** One explained code. */
export interface CodeExplanation {
  code: string
  classification: Classification
  explanation: Text
}

/** The parsed file: explanations by code, and the authorship note. */
export interface CodeGlossary {
  source: Text
  byCode: ReadonlyMap<string, CodeExplanation>
}

/** Validates `glossary-codes.json`; a repeated code is an error, so an explanation is never ambiguous. */
export function parseCodeGlossary(raw: unknown): ParseResult<CodeGlossary> {
  const result = v.safeParse(CodeGlossarySchema, raw)
  if (!result.success)
    return {
      ok: false,
      problem: { kind: 'schema', details: result.issues.slice(0, 20).map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`) },
    }
  const byCode = new Map<string, CodeExplanation>()
  const repeated: string[] = []
  for (const entry of result.output.codes) {
    if (byCode.has(entry.code)) repeated.push(`code ${entry.code} is explained twice`)
    byCode.set(entry.code, entry)
  }
  if (repeated.length) return { ok: false, problem: { kind: 'structure', details: repeated } }
  return { ok: true, value: { source: result.output.source, byCode } }
}

/** A code of a budget with its published name and, when the glossary has one, its explanation. */
export interface ExplainedCode {
  code: string
  classification: Classification
  /** The name the budget document gives the code. */
  name: Text
  /** Depth: 3 digits 类, 5 款, 7 项. */
  level: 'class' | 'section' | 'item'
  explanation?: Text
}

/** Every functional and economic code of a budget in published order, with its explanation if any. */
export function computeExplainedCodes(b: Budget, glossary: CodeGlossary | null): ExplainedCode[] {
  return (b.economicTree ? [b.functionalTree, b.economicTree] : [b.functionalTree]).flatMap((tree) =>
    flattenTree(tree).map((n) => {
      const explained = glossary?.byCode.get(n.code)
      const explanation = explained && explained.classification === tree.classification ? explained.explanation : undefined
      return { code: n.code, classification: tree.classification, name: n.name, level: n.level, ...(explanation ? { explanation } : {}) }
    }),
  )
}
