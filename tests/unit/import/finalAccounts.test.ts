import { describe, expect, it } from 'vitest'
import { readDocument } from '@/import/read'
import { toDataset } from '@/import/toDataset'
import type { RawDataset } from '@/domain/schema'
import { sourceText, squeeze } from './documents'
import { classificationNames, IMPORT_DATE } from './importHelpers'

/** The finance bureau's final accounts: its 三公 table prints 预算数 / 决算数 pairs, its prose the actuals. */
const TEXT = sourceText('finance')
const LINES = TEXT.split('\n')
/** The 三公 table's header line of 预算数 / 决算数 pairs, and its one row of figures below it. */
const HEADER_AT = LINES.findIndex((l, i) => /^预算数\t决算数/.test(l) && LINES.slice(Math.max(0, i - 5), i).some((x) => /三公/.test(x)))
const ROW = LINES[HEADER_AT + 1] ?? ''
/** The items in the order that page's header prints them (合计, 因公出国（境）费, 公务用车 小计 / 购置费 / 运行费, 公务接待费). */
const PRINTED_ORDER = ['total', 'abroad', 'vehicles', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const

/** The figures of the row as printed, by basis: { budget: { total: 0.95, … }, final: {} } (blank cells left out). */
function printedRow(): Record<'budget' | 'final', Record<string, number>> {
  const cells = ROW.split('\t')
  const out = { budget: {} as Record<string, number>, final: {} as Record<string, number> }
  PRINTED_ORDER.forEach((item, k) => {
    for (const [basis, at] of [['budget', 2 * k], ['final', 2 * k + 1]] as const) {
      const c = (cells[at] ?? '').trim()
      if (c) out[basis][item] = Number(c.replace(/,/g, ''))
    }
  })
  return out
}

function importText(text: string): RawDataset {
  const r = readDocument(text)
  if (!r.ok) throw new Error(r.reason)
  const d = toDataset(r.document, { names: classificationNames(), date: IMPORT_DATE, file: 'finance.txt' })
  if (!d.ok) throw new Error(d.reason)
  return d.dataset
}

const strip = (row: object | undefined): Record<string, unknown> => Object.fromEntries(Object.entries(row ?? {}).filter(([k]) => k !== 'year' && k !== 'basis'))

describe('toDataset on the Putuo finance bureau final accounts: 三公 as printed', () => {
  const tp = importText(TEXT).threePublic

  it('finds the table row the test reads (the source is what it says)', () => {
    expect(HEADER_AT).toBeGreaterThan(0)
    expect(Object.keys(printedRow().budget).length).toBeGreaterThan(0)
  })

  it('stores the 预算数 row as the budget and the 决算数 row as printed: a blank cell is absent, never 0', () => {
    const printed = printedRow()
    const year = importText(TEXT).year
    expect(tp?.years.map((y) => [y.year, y.basis])).toEqual([
      [year, 'budget'],
      [year, 'final'],
    ])
    expect(strip(tp?.years[0])).toEqual(printed.budget)
    expect(strip(tp?.years[1])).toEqual(printed.final)
    // The document prints every 决算数 cell of this table blank.
    expect(printed.final).toEqual({})
  })

  it("keeps the prose's stated 年初预算 and 支出决算 apart from the table, as the text states them", () => {
    const prose = squeeze(TEXT)
    const total = /“三公”经费财政拨款支出年初预算为([\d.]+)万元，支出决算为([\d.]+)万元/.exec(prose)
    expect(total).not.toBeNull()
    expect(tp?.stated?.budget?.total).toBe(Number(total![1]))
    expect(tp?.stated?.final?.total).toBe(Number(total![2]))
    for (const [item, re] of [
      ['abroad', /因公出国（境）费决算为([\d.]+)万元/],
      ['vehicles', /公务用车购置及运行维护费支出决算为([\d.]+)万元/],
      ['reception', /公务接待费支出决算为([\d.]+)万元/],
    ] as const)
      expect(tp?.stated?.final?.[item], item).toBe(Number(re.exec(prose)![1]))
  })

  it('gives a budget document no stated row and no basis (its prose states budgets only)', () => {
    const budgetDoc = importText(sourceText('jiangsu')).threePublic
    expect(budgetDoc?.stated).toBeUndefined()
    expect(budgetDoc?.years.every((y) => y.basis === undefined)).toBe(true)
  })
})

describe('toDataset on broken copies of the final accounts: a 三公 table cut short yields no wrong figure', () => {
  const printed = printedRow()
  const printedFigures = new Set([...Object.values(printed.budget), ...Object.values(printed.final)])
  const figuresOf = (d: RawDataset): number[] => (d.threePublic?.years ?? []).flatMap((y) => Object.values(strip(y)) as number[])

  it('the text ends inside the row: no 三公 row is stored, and the prose figures are not stored as the table', () => {
    const cutAt = TEXT.indexOf(ROW) + 3
    const d = importText(TEXT.slice(0, cutAt))
    expect(d.threePublic).toBeUndefined()
  })

  it('the row of figures is missing: no 三公 row is stored', () => {
    const d = importText(TEXT.replace(`${ROW}\n`, ''))
    expect(d.threePublic).toBeUndefined()
  })

  it('the row keeps only its first cell: that cell only, in its column; the rest are absent, not 0', () => {
    const first = ROW.split('\t')[0] ?? ''
    const d = importText(TEXT.replace(`${ROW}\n`, `${first}\n`))
    const [budget, final] = d.threePublic?.years ?? []
    expect(strip(budget)).toEqual({ total: printed.budget.total })
    expect(strip(final)).toEqual({})
  })

  it('the 预算数 / 决算数 header line is missing: every figure stored is one the row prints, none is called an actual', () => {
    const d = importText(TEXT.replace(`${LINES[HEADER_AT]}\n`, ''))
    for (const v of figuresOf(d)) expect(printedFigures.has(v)).toBe(true)
    expect(d.threePublic?.years.some((y) => y.basis === 'final' && Object.keys(strip(y)).length > 0)).toBe(false)
  })

  it('the prose sentence is cut before its 决算 figure: no actual is stated', () => {
    // Cut the text inside the 决算 figure of the 三公 sentence ("支出决算为0.").
    const lineNo = LINES.findIndex((l) => /“三公”经费财政拨款支出年初预算为[\d.]+万元，支出决算为/.test(l))
    expect(lineNo).toBeGreaterThan(0)
    const cut = [...LINES.slice(0, lineNo), (LINES[lineNo] ?? '').replace(/支出决算为.*$/, '支出决算为0.')].join('\n')
    const d = importText(cut)
    expect(d.threePublic?.stated).toBeUndefined()
  })
})
