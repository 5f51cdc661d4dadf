import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { isAmount } from '@/import/amount'
import { readDocument } from '@/import/read'
import { SOURCE_DIR, sourceText } from './documents'

function mustRead(text: string) {
  const r = readDocument(text)
  if (!r.ok) throw new Error(r.reason)
  return r
}

describe('readDocument on broken copies', () => {
  it.each([
    ['an empty file', '', /empty/],
    ['whitespace only', ' \n\t\n', /empty/],
    ['binary bytes', `PK\u0003\u0004\u0000\u0000${'\u0000'.repeat(20)}`, /binary/],
    ['text that was not UTF-8', `2023 年\ufffd\ufffd部门预算\n表 1\n收支总表`, /UTF-8/],
    ['a README', readFileSync(`${SOURCE_DIR}README.md`, 'utf8'), /not a budget or final-accounts disclosure/],
  ])('refuses %s with one clear sentence', (_, text, reason) => {
    const r = readDocument(text)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason).toMatch(reason)
      expect(r.reason.split(/[.。]\s/).length).toBe(1)
    }
  })

  it('lists a row cut off mid-line as unread instead of reading a shortened figure', () => {
    const text = sourceText('yantian')
    const row = '\t2080505\t机关事业单位基本养老保险缴费支出\t85\t85\t0\t0\t0\t0'
    const cut = text.slice(0, text.indexOf(row) + row.indexOf('\t85\t') + 2) // "…支出\t8"
    const { document } = mustRead(cut)
    const lineNo = cut.split('\n').length
    expect(document.unread.find((u) => u.at.line === lineNo)?.reason).toMatch(/cut off/)
    const table = document.tables.find((t) => t.kind === 'expenditureSummary')!
    expect(table.rows.some((r) => r.code === '2080505')).toBe(false)
  })

  it('lists a row with a corrupt amount as unread and reads the rows around it', () => {
    const text = sourceText('wanli')
    const good = '201\t05\t07\t专项普查活动\t257,700\t257,700\t0\t0\t0'
    expect(text).toContain(good)
    const broken = text.replace(good, '201\t05\t07\t专项普查活动\t12,3x4\t257,700\t0\t0\t0')
    const { document } = mustRead(broken)
    const lineNo = broken.slice(0, broken.indexOf('12,3x4')).split('\n').length
    const entry = document.unread.find((u) => u.at.line === lineNo)!
    expect(entry.kind).toBe('tableLine')
    expect(entry.reason).toContain('12,3x4')
    const income = document.tables.find((t) => t.kind === 'incomeSummary')!
    expect(income.rows.some((r) => r.at.line === lineNo)).toBe(false)
    expect(income.rows.some((r) => r.code === '20105')).toBe(true)
    for (const r of document.tables.flatMap((t) => t.rows)) for (const c of Object.values(r.cells)) if (isAmount(c)) expect(c.text).not.toContain('x')
  })

  it('never throws and never invents a figure on any truncation of the documents', () => {
    for (const id of ['yantian', 'wanli', 'finance', 'jiangsu'] as const) {
      const text = sourceText(id)
      const lines = text.split('\n')
      for (let end = 0; end < text.length; end += 1499) {
        const r = readDocument(text.slice(0, end))
        if (!r.ok) continue
        for (const t of r.document.tables) {
          for (const row of t.rows) {
            const printed = row.lines.map((n) => lines[n - 1]).join('\t')
            for (const c of Object.values(row.cells)) if (isAmount(c)) expect(printed).toContain(c.text)
          }
        }
      }
    }
  })
})
