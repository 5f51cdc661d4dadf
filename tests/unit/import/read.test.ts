import { describe, expect, it } from 'vitest'
import { isAmount } from '@/import/amount'
import type { TableKind } from '@/import/registry'
import { DOCUMENTS, read, sourceLines, squeeze, type DocumentId } from './documents'

/** What each document is and which standard tables it prints (names and kinds, not figures). */
const CASES: { id: DocumentId; department: string; kinds: TableKind[] }[] = [
  {
    id: 'yantian',
    department: '深圳市盐田区投资推广和企业服务中心',
    kinds: ['incomeExpenditureSummary', 'expenditureSummary', 'fiscalSummary', 'generalPublicFunctional', 'generalPublicEconomic', 'threePublic', 'governmentFund', 'stateCapital', 'performanceTargets'],
  },
  {
    id: 'wanli',
    department: '上海市普陀区人民政府万里街道办事处',
    kinds: ['incomeExpenditureSummary', 'incomeSummary', 'expenditureSummary', 'fiscalSummary', 'generalPublicFunctional', 'governmentFund', 'stateCapital', 'generalPublicBasicEconomic', 'threePublic'],
  },
  {
    id: 'finance',
    department: '上海市普陀区财政局',
    kinds: ['incomeExpenditureSummary', 'incomeSummary', 'expenditureSummary', 'fiscalSummary', 'generalPublicFunctional', 'generalPublicBasicEconomic', 'threePublic', 'governmentFund', 'stateCapital'],
  },
  {
    id: 'jiangsu',
    department: '江苏省人民检察院',
    kinds: ['incomeExpenditureSummary', 'incomeSummary', 'expenditureSummary', 'fiscalSummary', 'fiscalFunctional', 'fiscalBasicEconomic', 'generalPublicFunctional', 'generalPublicBasicEconomic', 'threePublic', 'governmentFund', 'operatingCosts', 'procurement'],
  },
]

/** The year and phase a file name states: "…-2024-final-accounts.txt". */
function fromFileName(id: DocumentId): { year: number; phase: 'budget' | 'final' } {
  const name = DOCUMENTS[id]
  return { year: Number(/-(\d{4})\b/.exec(name)![1]), phase: name.includes('final-accounts') ? 'final' : 'budget' }
}

/** Line numbers at which a table title starts, so a table's source span can be cut from the text. */
function spans(id: DocumentId): { from: number; to: number }[] {
  const { document } = read(id)
  const lines = sourceLines(id)
  const starts = document.tables.map((t) => t.title.at.line)
  return starts.map((from, i) => ({ from, to: starts[i + 1] ?? lines.length + 1 }))
}

describe.each(CASES)('readDocument on $id', ({ id, department, kinds }) => {
  const { document, report } = read(id)
  const lines = sourceLines(id)
  const lineAt = (n: number) => squeeze(lines[n - 1] ?? '')

  it('reads the department, year and phase, each from a line that states it', () => {
    const { year, phase } = fromFileName(id)
    expect(document.meta.department?.value).toBe(department)
    expect(lineAt(document.meta.department!.at.line)).toContain(department)
    expect(document.meta.year?.value).toBe(year)
    expect(lineAt(document.meta.year!.at.line)).toContain(String(year))
    expect(document.meta.phase?.value).toBe(phase)
    expect(lineAt(document.meta.phase!.at.line)).toContain(phase === 'final' ? '决算' : '预算')
  })

  it('finds every standard table by its title, with the unit printed under it', () => {
    expect(document.tables.map((t) => t.kind)).toEqual(kinds)
    for (const t of document.tables) {
      expect(lineAt(t.title.at.line)).toContain(squeeze(t.title.value).replace(/^#+/, ''))
      expect(t.unit, t.title.value).not.toBeNull()
      expect(lineAt(t.unit!.at.line)).toMatch(new RegExp(`单位[:：]${t.unit!.value}`))
    }
  })

  it('reads one coded row for every line of the table that starts with a code', () => {
    spans(id).forEach(({ from, to }, i) => {
      const t = document.tables[i]!
      // A code: 3–7 digits, then up to two 款/项 cells of 1–2 digits, then a Chinese name
      // (side-by-side economic groups print two codes on one line).
      const expected = lines.slice(from - 1, to - 1).reduce((n, l) => {
        const cells = l.split('\t').map((c) => c.trim()).filter((c) => c !== '')
        return n + cells.filter((c, j) => /^\d{3,7}$/.test(c) && cells.slice(j + 1, j + 4).findIndex((x) => !/^\d{1,2}$/.test(x)) >= 0 && /[\u4e00-\u9fff]/.test(cells.slice(j + 1).find((x) => !/^\d{1,2}$/.test(x)) ?? '')).length
      }, 0)
      const codedRows = new Set(t.rows.filter((r) => r.code).map((r) => `${r.at.line}:${r.code}`))
      expect(codedRows.size, t.title.value).toBe(expected)
    })
  })

  it('keeps every figure exactly as printed on the line it was read from', () => {
    for (const t of document.tables) {
      for (const r of t.rows) {
        const text = r.lines.map((n) => lines[n - 1]!).join('\t')
        for (const cell of Object.values(r.cells)) {
          if (!isAmount(cell)) continue
          expect(text).toContain(cell.text)
          expect(Number(cell.text.replace(/,/g, ''))).toBeCloseTo(cell.minor / 10 ** cell.decimals, 10)
        }
      }
    }
  })

  it('finds functional and economic rows whose children add up to the parent within rounding', () => {
    const coded = document.tables.filter((t) => t.rows.some((r) => r.level === '款'))
    expect(coded.length).toBeGreaterThan(0)
    for (const [i, t] of document.tables.entries()) {
      if (!coded.includes(t)) continue
      const children = report.tables[i]!.checks.filter((c) => c.family === 'children')
      expect(children.length, t.title.value).toBeGreaterThan(0)
      expect(children.filter((c) => c.verdict === 'contradiction'), t.title.value).toEqual([])
    }
  })

  it('recognises the total rows, and their figures agree with the rows above within rounding', () => {
    for (const [i, t] of document.tables.entries()) {
      if (t.layout !== 'grid' || t.empty) continue
      const hasTotal = t.rows.some((r) => r.role === 'total' || r.role === 'subtotal' || r.role === 'unit')
      expect(hasTotal, t.title.value).toBe(true)
      for (const r of t.rows.filter((x) => x.role === 'total')) expect(r.name).toMatch(/(合计|总计)$/)
      const sums = report.tables[i]!.checks.filter((c) => c.family === 'classesTotal' || c.family === 'sides')
      expect(sums.filter((c) => c.verdict === 'contradiction'), t.title.value).toEqual([])
    }
  })

  it('reads the 三公 table with its items, figures as printed on its data line', () => {
    const t = document.tables.find((x) => x.kind === 'threePublic')!
    const labels = t.columns.map((c) => c.path.join('/').replace(/\/(预算数|决算数)$/, ''))
    for (const item of [/因公出国/, /公务接待费/, /公务用车.*\/(公务用车)?购置费$/, /公务用车.*\/(公务用车)?运行(维护)?费$/]) expect(labels.some((l) => item.test(l)), String(item)).toBe(true)
    if (id === 'jiangsu') expect(labels.filter((l) => /会议费|培训费/.test(l))).toHaveLength(2)
    const row = t.rows.find((r) => Object.values(r.cells).some(isAmount))!
    const printed = lines[row.at.line - 1]!.split('\t').map((c) => c.trim()).filter((c) => /^[\d.,-]+$/.test(c))
    const read = Object.values(row.cells).filter(isAmount).map((c) => c.text)
    expect(read.length).toBeGreaterThan(0)
    expect(printed.slice(0, read.length).filter((c) => read.includes(c))).toEqual(read.filter((c) => printed.includes(c)))
  })

  it('lists what it did not read with its line, and never a line it read', () => {
    const read = new Set(document.tables.flatMap((t) => t.rows.flatMap((r) => r.lines)))
    for (const u of document.unread) {
      expect(lines[u.at.line - 1]!.trim().length).toBeGreaterThan(0)
      if (u.kind !== 'narrative') expect(read.has(u.at.line)).toBe(false)
    }
    expect(report.lines.some((l) => l.startsWith('Not read:'))).toBe(true)
    expect(() => JSON.stringify(report)).not.toThrow()
  })
})
