/**
 * The reader's report: per table what was read and how its sums check, the prose facts found, the
 * document's contradictions, and what was not read. The same content as plain-text lines and as a
 * JSON-able object.
 */
import type { Verdict } from './amount'
import { computeChecks, type CheckResult } from './checks'
import type { Fact, LayoutCounts, ParsedDocument, UnreadEntry, Where } from './types'

export interface TableReport {
  kind: string
  title: string
  number: string | null
  unit: string | null
  pages: number[]
  parts: number
  rows: number
  empty: boolean
  /** Rows that carry a code, by level. */
  coded: { 类: number; 款: number; 项: number }
  checks: CheckResult[]
  verdicts: Record<Verdict, number>
}

export interface Report {
  meta: { department: string | null; year: number | null; phase: string | null }
  tables: TableReport[]
  /** Checks that tie tables together or test the prose. */
  otherChecks: CheckResult[]
  /** Every check whose verdict is `contradiction`, wherever it is. */
  contradictions: CheckResult[]
  verdicts: Record<Verdict, number>
  facts: { kind: string; subject: string; amount: string | null; unit: string; at: Where }[]
  unread: UnreadEntry[]
  layout: LayoutCounts
  /** The report as plain-text lines. */
  lines: string[]
}

function count(checks: readonly CheckResult[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { ok: 0, withinRounding: 0, contradiction: 0 }
  for (const c of checks) out[c.verdict]++
  return out
}

function where(at: Where): string {
  return at.page === null ? `line ${at.line}` : `p.${at.page} line ${at.line}`
}

function factLine(f: Fact): string {
  const figure = f.amount ? `${f.amount.text} ${f.unit}` : f.count !== undefined ? `${f.count} ${f.unit}` : ''
  const change = f.change ? ` (${f.change.direction}${f.change.amount ? ` ${f.change.amount.text}` : ''}${f.change.percent ? ` ${f.change.percent.text}%` : ''})` : ''
  const prior = f.prior ? ` [${f.prior.label} ${f.prior.amount.text}]` : ''
  return `  ${where(f.at)} · ${f.kind} · ${f.subject}: ${figure}${prior}${change}${f.reason ? ' · reason given' : ''}`
}

function checkLine(c: CheckResult): string {
  return `    ${c.verdict === 'ok' ? 'ok' : c.verdict === 'withinRounding' ? 'within rounding' : 'CONTRADICTION'} · ${c.what}: ${c.left} vs ${c.right} (difference ${c.difference}, rounding allows ${c.tolerance})`
}

/** Builds the report of a parsed document. */
export function buildReport(doc: ParsedDocument): Report {
  const checks = computeChecks(doc)
  const tables: TableReport[] = doc.tables.map((t, i) => {
    const own = checks.filter((c) => c.table === i && c.family !== 'prose' && c.family !== 'crossTable')
    const level = (l: string) => t.rows.filter((r) => r.level === l).length
    return {
      kind: t.kind,
      title: t.title.value,
      number: t.number,
      unit: t.unit?.value ?? null,
      pages: t.pages,
      parts: t.parts,
      rows: t.rows.length,
      empty: t.empty !== null,
      coded: { 类: level('类'), 款: level('款'), 项: level('项') },
      checks: own,
      verdicts: count(own),
    }
  })
  const otherChecks = checks.filter((c) => c.table === null || c.family === 'prose' || c.family === 'crossTable')
  const m = doc.meta
  const lines: string[] = [
    `Document: ${m.department?.value ?? '(department not found)'} · ${m.year?.value ?? '(year not found)'} · ${m.phase ? (m.phase.value === 'final' ? '决算 final accounts' : '预算 budget') : '(phase not found)'}`,
    `Tables: ${doc.tables.length} · facts: ${doc.facts.length} · checks: ${checks.length} (${count(checks).ok} ok, ${count(checks).withinRounding} within rounding, ${count(checks).contradiction} contradictions) · unread: ${doc.unread.length}`,
    '',
  ]
  tables.forEach((t, i) => {
    const src = doc.tables[i]
    lines.push(
      `${t.number ? `${t.number} ` : ''}${t.title} [${t.kind}] · unit ${t.unit ?? '(none printed)'} · ${t.rows} rows${t.pages.length ? ` · pages ${t.pages.join(', ')}` : ''}${t.parts > 1 ? ` · ${t.parts} parts merged` : ''}${t.empty ? ' · says it is empty' : ''}${src?.compacted ? ' · figures placed in order (columns not aligned)' : ''}`,
    )
    lines.push(`    checks: ${t.verdicts.ok} ok, ${t.verdicts.withinRounding} within rounding, ${t.verdicts.contradiction} contradictions`)
    for (const c of t.checks.filter((x) => x.verdict !== 'ok')) lines.push(checkLine(c))
  })
  lines.push('', `Across tables and prose: ${otherChecks.length} checks`)
  for (const c of otherChecks.filter((x) => x.verdict !== 'ok')) lines.push(checkLine(c))
  lines.push('', `Facts found: ${doc.facts.length}`)
  for (const f of doc.facts) lines.push(factLine(f))
  lines.push('', `Not read: ${doc.unread.length}`)
  for (const u of doc.unread) lines.push(`  ${where(u.at)}${u.toLine !== u.at.line ? `–${u.toLine}` : ''} · ${u.kind} · ${u.reason}: ${u.text}`)
  const l = doc.layout
  lines.push('', `Page furniture (not listed): ${l.pageMarks} page marks, ${l.pageNumbers} page numbers, ${l.provenance} provenance lines, ${l.rules} Markdown rules`)
  return {
    meta: { department: m.department?.value ?? null, year: m.year?.value ?? null, phase: m.phase?.value ?? null },
    tables,
    otherChecks,
    contradictions: checks.filter((c) => c.verdict === 'contradiction'),
    verdicts: count(checks),
    facts: doc.facts.map((f) => ({ kind: f.kind, subject: f.subject, amount: f.amount?.text ?? null, unit: f.unit, at: f.at })),
    unread: doc.unread,
    layout: doc.layout,
    lines,
  }
}
