/**
 * The input text as lines with their PDF page, cells and layout role. Page furniture (page marks,
 * page numbers, provenance comments, Markdown rules) is recognised here so that nothing else has
 * to skip it, and is counted in the report rather than listed.
 */
import type { LayoutCounts, Where } from './types'

export type LayoutRole = 'pageMark' | 'pageNumber' | 'provenance' | 'rule'

export interface SourceLine {
  /** 1-based line number. */
  no: number
  page: number | null
  /** The line without its line end. */
  raw: string
  /** Tab-separated cells, each normalised with `normaliseCell`. */
  cells: string[]
  /** Non-empty cells joined by one space: what prose matching and comparisons see. */
  text: string
  blank: boolean
  layout: LayoutRole | null
  /** True for the last line when the text does not end with a line end (it may be cut off). */
  unterminated: boolean
}

const PAGE_MARK_RE = /^---\s*page\s+(\d+)\s*---$/i
const PROVENANCE_RE = /^#\s*(source|retrieved|extraction):/i

/**
 * Trims a cell, drops HTML paragraph tags left by extraction and the spaces a PDF puts between
 * Chinese characters ("合 计" → "合计", "2023 年预算数" → "2023年预算数"); spaces between Latin
 * letters or digits stay.
 */
export function normaliseCell(cell: string): string {
  return cell
    .replace(/<\/?p>/g, ' ')
    .replace(/\u00a0|\u3000/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x20-\x7e])|(?<=[^\x20-\x7e]) /g, '')
}

export function whereOf(line: SourceLine): Where {
  return { line: line.no, page: line.page }
}

/** Splits the text into lines and marks page furniture. */
export function splitLines(text: string): SourceLine[] {
  const raws = text.replace(/\r\n?/g, '\n').split('\n')
  const terminated = text.endsWith('\n')
  if (terminated) raws.pop()
  let page: number | null = null
  const lines: SourceLine[] = raws.map((raw, i) => {
    const mark = PAGE_MARK_RE.exec(raw.trim())
    if (mark) page = Number(mark[1])
    const cells = raw.split('\t').map(normaliseCell)
    const text = cells.filter((c) => c !== '').join(' ')
    let layout: LayoutRole | null = null
    if (mark) layout = 'pageMark'
    else if (PROVENANCE_RE.test(raw.trim())) layout = 'provenance'
    else if (text !== '' && /^[-|:\s\t]+$/.test(raw) && raw.includes('--')) layout = 'rule'
    return { no: i + 1, page, raw, cells, text, blank: text === '', layout, unterminated: !terminated && i === raws.length - 1 }
  })
  // A bare number of one to three digits that closes a page (or the text) is a printed page number.
  const hasMarks = lines.some((l) => l.layout === 'pageMark')
  for (const [i, line] of lines.entries()) {
    if (line.layout || !/^\d{1,3}$/.test(line.text) || line.cells.length > 1) continue
    let j = i + 1
    while (lines[j]?.blank) j++
    const next = lines[j]
    if ((next === undefined && hasMarks) || next?.layout === 'pageMark') line.layout = 'pageNumber'
  }
  return lines
}

export function countLayout(lines: readonly SourceLine[]): LayoutCounts {
  const count = (role: LayoutRole) => lines.filter((l) => l.layout === role).length
  return { pageMarks: count('pageMark'), pageNumbers: count('pageNumber'), provenance: count('provenance'), rules: count('rule') }
}

/** The next `n` lines after `i` that have content and are not page furniture. */
export function nextContent(lines: readonly SourceLine[], i: number, n: number): SourceLine[] {
  const out: SourceLine[] = []
  for (const l of lines.slice(i + 1)) {
    if (out.length >= n) break
    if (!l.blank && !l.layout) out.push(l)
  }
  return out
}
