/**
 * The document's list of tables (目录 / 表格部分): "(二) 收入总表", "二、收入预算总表". Read only
 * before the first table, so a table the contents list but the text lacks can be reported as
 * missing (the Yantian text lists twelve tables and prints nine).
 */
import { kindOfTitle, type TableKind } from './registry'
import type { SourceLine } from './lines'
import { whereOf } from './lines'
import type { Located, Where } from './types'

/** One line of the contents: the table's number as listed, its title and kind. */
export interface ContentsEntry {
  /** (二) → 2, 十一、 → 11. */
  number: number
  /** The title as listed, spaces removed: "收入总表". */
  title: string
  kind: TableKind
  at: Where
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; `null` for anything else. */
export function chineseNumber(s: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m || s === '') return null
  if (!m[2]) return m[3] ? null : (DIGITS[m[1] ?? ''] ?? null)
  return (m[1] ? (DIGITS[m[1]] ?? 0) : 1) * 10 + (m[3] ? (DIGITS[m[3]] ?? 0) : 0)
}

const ENTRY_RE = /^(?:[-*]\s*)?[(（]?([一二三四五六七八九十]+)[)）、]\s*(.+)$/

/** The contents entries that name a standard table, from the lines before `before` (the first table's line). */
export function readContents(lines: readonly SourceLine[], before: number): ContentsEntry[] {
  const out: ContentsEntry[] = []
  for (const line of lines) {
    if (line.no >= before) break
    const m = ENTRY_RE.exec(line.text.trim())
    const n = m ? chineseNumber(m[1] ?? '') : null
    if (!m || n === null) continue
    const title = (m[2] ?? '').replace(/\s+/g, '')
    const kind = kindOfTitle(title)
    if (kind && !out.some((e) => e.kind === kind)) out.push({ number: n, title, kind, at: whereOf(line) })
  }
  return out
}

/**
 * The title on the cover, as printed: the non-blank lines before the contents (目录) or the second
 * page, at most three, joined by a space ("江苏省人民检察院 2019年度部门预算公开"); `null` when none.
 */
export function readCoverTitle(lines: readonly SourceLine[]): Located<string> | null {
  const cover: SourceLine[] = []
  for (const line of lines) {
    if (line.layout === 'pageMark' && line.page !== null && line.page > 1) break
    if (/^#*\s*目\s*录\s*$/.test(line.raw.trim())) break
    if (line.blank || line.layout) continue
    cover.push(line)
    if (cover.length === 3 || /^#/.test(line.raw.trim())) break
  }
  const first = cover[0]
  if (!first) return null
  return { value: cover.map((l) => l.raw.replace(/^#+/, '').trim()).join(' '), at: whereOf(first) }
}
