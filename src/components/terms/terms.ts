/**
 * The technical terms the site explains in place. A term's explanation is the document's own
 * (part nine, 名词解释) when the loaded budget's glossary defines it; otherwise this site's plain
 * words from `locales/<locale>/terms.json` (`termsHelp.<id>`, loaded after the first screen), labelled as ours.
 */
import type { Budget, Text } from '@/domain/types'

/** Every explained term (the story's `STORY_TERM_IDS` must be among them: the type checker holds us to it). */
export const TERM_IDS = [
  'basicExpenditure',
  'projectExpenditure',
  'threePublic',
  'functionalClassification',
  'economicClassification',
  'classLevels',
  'roundingGap',
  'governmentProcurement',
  'performanceTargets',
  'generalPublicBudgetIncome',
  'generalPublicServices',
  'housingSecurity',
  'carryOver',
  'yearEndBalance',
  'operatingCosts',
] as const
export type TermId = (typeof TERM_IDS)[number]

/** The glossary heading (Chinese, as published) each term is looked up under, when the document may define it. */
export const GLOSSARY_TERMS: Partial<Record<TermId, string>> = {
  basicExpenditure: '基本支出',
  projectExpenditure: '项目支出',
  threePublic: '三公经费',
  generalPublicBudgetIncome: '一般公共预算拨款收入',
  generalPublicServices: '一般公共服务支出',
  housingSecurity: '住房保障支出',
  carryOver: '上年结转',
  yearEndBalance: '年末结转和结余',
  operatingCosts: '机关运行经费',
}

/** Drops quotation marks and spaces so "“三公”经费" and "三公经费" match. */
function normalizeTerm(term: string): string {
  return term.replace(/[\s"'“”‘’「」『』《》]/g, '')
}

/** The document's glossary entry for a term, or undefined when the document does not define it. */
export function findGlossaryEntry(glossary: Budget['glossary'] | undefined, term: TermId): { term: Text; definition: Text } | undefined {
  const heading = GLOSSARY_TERMS[term]
  if (!heading || !glossary) return undefined
  const wanted = normalizeTerm(heading)
  return glossary.find((g) => normalizeTerm(g.term.zh) === wanted)
}
