/**
 * Site search: an index of everything a reader may look up by code or name, in Chinese or English,
 * and a ranking that puts the most literal match first.
 *
 * Ranking: exact code > code prefix > exact name > name prefix > name contains > explanation contains.
 * Chinese is matched by substring; English case-insensitively by word (every query word must begin
 * a word of the text: "hous" finds "Housing reform", "using" does not). Ties keep the kinds in
 * `SEARCH_KINDS` order, then the document's own order.
 */
import type { CodeGlossary } from './codeGlossary'
import { THREE_PUBLIC_ITEMS, type ThreePublicItem } from './schema'
import { selectThreePublicRow } from './derive'
import { flattenTree } from './tree'
import type { Budget, Locale, Text } from './types'
import { localize } from './types'

/** What an entry is, in the order ties are broken. */
export const SEARCH_KINDS = ['functional', 'economic', 'category', 'threePublic', 'incomeLine', 'task', 'indicator', 'term'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** How well an entry matched, best first. */
export const MATCH_RANKS = ['codeExact', 'codePrefix', 'nameExact', 'namePrefix', 'nameContains', 'explanationContains'] as const
export type MatchRank = (typeof MATCH_RANKS)[number]

/** The views a result can open. */
export type SearchTargetView = 'classification' | 'compare' | 'performance' | 'tables' | 'glossary'

/** Where a result leads: a named route and its query; a `Text` value is read in the reader's language. */
export interface SearchTarget {
  name: SearchTargetView
  query: Record<string, string | Text>
}

/** One searchable item. */
export interface SearchEntry {
  kind: SearchKind
  /** Unique within its kind: the code, the item id, the glossary term index. */
  key: string
  /** Classification code, for functional and economic rows. */
  code?: string
  name: Text
  /** Longer text matched last: a code's explanation, a category's or task's content, a term's definition. */
  explanation?: Text
  target: SearchTarget
  /** Position in the document, for stable ordering of ties. */
  order: number
}

/** A search hit. */
export interface SearchResult {
  entry: SearchEntry
  rank: MatchRank
}

/** Labels the data does not carry (table 9's column names), passed in from the UI messages. */
export interface SearchIndexContext {
  threePublicNames: Record<ThreePublicItem, Text>
  codeGlossary?: CodeGlossary | null
}

/** Every row, line, category, 三公 item, task, indicator and glossary term of a budget, as search entries. */
export function buildSearchIndex(b: Budget, ctx: SearchIndexContext): SearchEntry[] {
  const entries: Omit<SearchEntry, 'order'>[] = []
  for (const tree of b.economicTree ? [b.functionalTree, b.economicTree] : [b.functionalTree])
    for (const n of flattenTree(tree)) {
      const explanation = ctx.codeGlossary?.byCode.get(n.code)?.explanation
      entries.push({
        kind: tree.classification,
        key: n.code,
        code: n.code,
        name: n.name,
        ...(explanation ? { explanation } : {}),
        target: { name: 'classification', query: { tree: tree.classification, node: n.code } },
      })
    }
  for (const c of b.projectExpenditure?.categories ?? [])
    entries.push({ kind: 'category', key: c.id, name: c.name, ...(c.content ? { explanation: c.content } : {}), target: { name: 'compare', query: { item: `project.${c.id}` } } })
  const threePublicRow = selectThreePublicRow(b, b.year)
  for (const item of THREE_PUBLIC_ITEMS)
    if (threePublicRow?.[item] !== undefined)
      entries.push({ kind: 'threePublic', key: item, name: ctx.threePublicNames[item], target: { name: 'compare', query: { item: `threePublic.${item}` } } })
  const summary = b.tables.find((t) => t.kind === 'incomeExpenditureSummary')
  for (const line of b.incomeStatement?.lines ?? [])
    entries.push({ kind: 'incomeLine', key: line.id, name: line.name, target: { name: 'tables', query: summary ? { table: String(summary.number) } : {} } })
  for (const task of b.performance?.tasks ?? [])
    entries.push({ kind: 'task', key: task.id, name: task.name, ...(task.content ? { explanation: task.content } : {}), target: { name: 'performance', query: { q: task.name } } })
  for (const d of b.performance?.dimensions ?? [])
    for (const i of d.indicators)
      entries.push({ kind: 'indicator', key: i.id, name: i.name, target: { name: 'performance', query: { q: i.name } } })
  ;(b.glossary ?? []).forEach((g, i) => {
    const key = glossaryTermId(i)
    entries.push({ kind: 'term', key, name: g.term, explanation: g.definition, target: { name: 'glossary', query: { term: key } } })
  })
  return entries.map((e, order) => ({ ...e, order }))
}

/** The id of the document's i-th glossary term, used in `?term=`: "doc-1" for the first. */
export function glossaryTermId(index: number): string {
  return `doc-${index + 1}`
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

/** Full-width to half-width, lower case, single spaces: "Ｈｏｕｓｉｎｇ  " → "housing". */
function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Words of English text: "Housing provident-fund" → ["housing", "provident", "fund"]. */
function words(s: string): string[] {
  return normalize(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

type TextRank = 'exact' | 'prefix' | 'contains'

/** A text as the matchers read it: normalized without spaces, and its English words. */
interface PreparedText {
  squeezed: string
  enWords: readonly string[] | null
}

/** Normalizing is most of a search's cost: each text is prepared once, on its first search. */
const prepared = new WeakMap<Text, PreparedText>()
function prepare(text: Text): PreparedText {
  let p = prepared.get(text)
  if (!p) prepared.set(text, (p = { squeezed: normalize(text.zh).replace(/ /g, ''), enWords: text.en === undefined ? null : words(text.en) }))
  return p
}

/** Chinese (or any) text by substring, ignoring spaces: "委托业务费" in "委托业务费". */
function matchSubstring(t: string, needle: string): TextRank | null {
  if (!needle || !t.includes(needle)) return null
  return t === needle ? 'exact' : t.startsWith(needle) ? 'prefix' : 'contains'
}

/** English by word: every query word begins a word of the text; in sequence from the start for a prefix. */
function matchWords(t: readonly string[], qWords: readonly string[]): TextRank | null {
  if (!qWords.length || !qWords.every((q) => t.some((w) => w.startsWith(q)))) return null
  if (t.length === qWords.length && t.every((w, i) => w === qWords[i])) return 'exact'
  const last = qWords.length - 1
  const prefix = qWords.every((q, i) => (i < last ? t[i] === q : (t[i] ?? '').startsWith(q)))
  return prefix ? 'prefix' : 'contains'
}

const TEXT_RANK_ORDER: Record<TextRank, number> = { exact: 0, prefix: 1, contains: 2 }

/** The best way a bilingual text matches the query (normalized, and without spaces as `needle`), or null. */
function matchText(text: Text, needle: string, qWords: readonly string[], cjk: boolean): TextRank | null {
  const p = prepare(text)
  const zh = matchSubstring(p.squeezed, needle)
  const en = cjk || p.enWords === null ? null : matchWords(p.enWords, qWords)
  if (zh === null || en === null) return zh ?? en
  return TEXT_RANK_ORDER[zh] <= TEXT_RANK_ORDER[en] ? zh : en
}

const NAME_RANK: Record<TextRank, MatchRank> = { exact: 'nameExact', prefix: 'namePrefix', contains: 'nameContains' }

/** How one entry matches a normalized query, or null. */
function rankEntry(e: SearchEntry, q: string, needle: string, qWords: readonly string[], cjk: boolean, digits: boolean): MatchRank | null {
  if (e.code && digits) {
    if (e.code === q) return 'codeExact'
    if (e.code.startsWith(q)) return 'codePrefix'
  }
  const name = matchText(e.name, needle, qWords, cjk)
  if (name) return NAME_RANK[name]
  if (e.explanation && matchText(e.explanation, needle, qWords, cjk)) return 'explanationContains'
  return null
}

/** Searches the index; results best first, at most `limit`. An empty query finds nothing. */
export function searchIndex(index: readonly SearchEntry[], query: string, limit = 20): SearchResult[] {
  const q = normalize(query)
  if (!q) return []
  const needle = q.replace(/ /g, '')
  const qWords = words(q)
  const cjk = CJK.test(q)
  const digits = /^\d+$/.test(q)
  const results: SearchResult[] = []
  for (const entry of index) {
    const rank = rankEntry(entry, q, needle, qWords, cjk, digits)
    if (rank) results.push({ entry, rank })
  }
  return results
    .sort(
      (a, z) =>
        MATCH_RANKS.indexOf(a.rank) - MATCH_RANKS.indexOf(z.rank) ||
        SEARCH_KINDS.indexOf(a.entry.kind) - SEARCH_KINDS.indexOf(z.entry.kind) ||
        a.entry.order - z.entry.order,
    )
    .slice(0, limit)
}

/** A target's query in one language: `{ q: {zh, en} }` → `{ q: "宣传推广工作" }`. */
export function resolveTargetQuery(target: SearchTarget, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(target.query).map(([k, v]) => [k, typeof v === 'string' ? v : localize(v, locale)]))
}
