/**
 * `readDocument`: the text of a published 部门预算 / 部门决算 → a `ParsedDocument` and a report,
 * or one sentence saying why the text is not one. Pure: no Node, DOM or Vue APIs.
 */
import { readContents, readCoverTitle } from './contents'
import { readFacts } from './facts'
import { countLayout, splitLines, whereOf, type SourceLine } from './lines'
import { readMeta } from './meta'
import { buildReport, type Report } from './report'
import { readTables, textColumns } from './tables'
import type { ParsedDocument, UnreadEntry } from './types'

export type ReadResult = { ok: false; reason: string } | { ok: true; document: ParsedDocument; report: Report }

export interface ReadOptions {
  /** Longest narrative run kept as one unread entry before a new entry starts (lines). Default 40. */
  narrativeRun?: number
}

/** Why a text cannot be read at all, or `null` when it may be a disclosure. */
function refusal(text: string): string | null {
  if (text.trim() === '') return 'The file is empty: there is no text to read.'
  if (text.includes('\u0000')) return 'The file is binary, not text: it contains NUL bytes.'
  if (text.includes('\ufffd')) return 'The file is not UTF-8 text: it contains bytes that could not be decoded (U+FFFD replacement characters).'
  const controls = (text.match(/[\u0001-\u0008\u000e-\u001f]/g) ?? []).length
  if (controls > 0 && controls * 100 > text.length) return 'The file is binary, not text: it is full of control characters.'
  return null
}

/** Lists every non-blank line nothing was read from: tab lines one by one, narrative runs as one entry. */
function collectUnread(lines: readonly SourceLine[], read: Set<number>, maxRun: number): UnreadEntry[] {
  const out: UnreadEntry[] = []
  let run: UnreadEntry | null = null
  for (const line of lines) {
    if (line.layout || read.has(line.no)) {
      if (!line.blank && !line.layout) run = null
      continue
    }
    if (line.blank) continue
    if (line.cells.filter((c) => c !== '').length > 1) {
      run = null
      out.push({ kind: 'tableLine', at: whereOf(line), toLine: line.no, text: line.text.slice(0, 80), reason: 'a tab-separated line outside any recognised table' })
      continue
    }
    if (run && line.no - run.toLine <= 3 && line.no - run.at.line < maxRun) {
      run.toLine = line.no
      continue
    }
    run = { kind: 'narrative', at: whereOf(line), toLine: line.no, text: line.text.slice(0, 80), reason: 'narrative text with no figure the reader extracts' }
    out.push(run)
  }
  return out
}

/** Reads a disclosure's text. Never throws on bad input: a text it cannot read gives `{ ok: false, reason }`. */
export function readDocument(text: string, options: ReadOptions = {}): ReadResult {
  const refused = refusal(text)
  if (refused) return { ok: false, reason: refused }
  const lines = splitLines(text)
  const { meta, consumed: metaLines } = readMeta(lines)
  const { tables, consumed: tableLines, unread: tableUnread } = readTables(lines, meta.department?.value ?? null)
  for (const t of tables) if (t.layout === 'text') t.columns = textColumns(t.rows)
  if (tables.length === 0) {
    return {
      ok: false,
      reason: 'This is not a budget or final-accounts disclosure: no standard table (收支总表, 支出总表 …) was found under its title and unit line.',
    }
  }
  const { facts, consumed: factLines } = readFacts(lines, new Set([...tableLines, ...metaLines]))
  const read = new Set([...metaLines, ...tableLines, ...factLines])
  const unread = [...tableUnread, ...collectUnread(lines, read, options.narrativeRun ?? 40)].sort((a, b) => a.at.line - b.at.line)
  const firstTable = Math.min(...tables.map((t) => t.title.at.line))
  const contents = readContents(lines, firstTable)
  const document: ParsedDocument = { meta, title: readCoverTitle(lines), tables, contents, facts, unread, layout: countLayout(lines), lineCount: lines.length }
  return { ok: true, document, report: buildReport(document) }
}
