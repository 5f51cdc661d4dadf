import { describe, expect, it } from 'vitest'
import { computeComparison, roundHalfAway, type CompareItem, type Comparison } from '@/domain/compare'
import { sumAmounts } from '@/domain/numeric'
import { parseDataset } from '@/domain/parse'
import { THREE_PUBLIC_ITEMS, type RawDataset } from '@/domain/schema'
import {
  SERIES_MIN_YEARS,
  computeCodeChanges,
  computeSeries,
  computeSeriesBars,
  selectStatedPriors,
  type Series,
  type SeriesLine,
} from '@/domain/series'
import { flattenTree } from '@/domain/tree'
import type { Budget } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { makePriorYearDataset } from '../../fixtures/prior-year/dataset'

function toBudget(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

function byYear(...raws: RawDataset[]): Map<number, Budget> {
  return new Map(raws.map((r) => [r.year, toBudget(r)]))
}

function line(s: Series | null, id: string): SeriesLine {
  const found = s?.lines.find((l) => l.id === id)
  if (!found) throw new Error(`no line ${id}`)
  return found
}

function at(l: SeriesLine, year: number) {
  const p = l.points.find((x) => x.year === year)
  if (!p) throw new Error(`no point ${year} on ${l.id}`)
  return p
}

function detailItem(c: Comparison, id: string): CompareItem {
  const found = [...c.detail.functional, ...c.detail.economic].find((i) => i.id === id)
  if (!found) throw new Error(`no item ${id}`)
  return found
}

const prior3p = (raw: RawDataset, year: number) => raw.threePublic!.years.find((y) => y.year === year && y.basis !== 'final')!

describe(computeSeries, () => {
  const current = makeDataset()
  const y1 = makePriorYearDataset(current.year - 1)
  const y2 = makePriorYearDataset(current.year - 2)

  it(`needs ${SERIES_MIN_YEARS} datasets of the same department and phase`, () => {
    expect(computeSeries(toBudget(current), new Map())).toBeNull()
    expect(computeSeries(toBudget(current), byYear(y1))).toBeNull()
    const stranger = { ...y2, departmentId: 'someone-else' }
    expect(computeSeries(toBudget(current), byYear(y1, stranger))).toBeNull()
    const finalAccounts = { ...y2, phase: 'final' as const }
    expect(computeSeries(toBudget(current), byYear(y1, finalAccounts))).toBeNull()
    expect(computeSeries(toBudget(current), byYear(y1, y2))).not.toBeNull()
  })

  describe('three consecutive years', () => {
    const raws = [y2, y1, current] as RawDataset[]
    const s = computeSeries(toBudget(current), byYear(y1, y2))!

    it('runs year by year from the first dataset to the last', () => {
      expect(s.years).toEqual(raws.map((r) => r.year))
      expect([...s.datasets]).toEqual(raws.map((r) => [r.year, r.id]))
    })

    it('takes each year’s total, basic and project spending from that year’s functional table', () => {
      for (const r of raws)
        for (const m of ['total', 'basic', 'project'] as const)
          expect(at(line(s, m), r.year), `${m} ${r.year}`).toMatchObject({ value: r.functional.unit[m], source: 'own', documentYear: r.year })
    })

    it('follows each project category by its id, and each 三公 item, from each year’s own document', () => {
      for (const r of raws) {
        for (const c of r.projectExpenditure!.categories) expect(at(line(s, `project.${c.id}`), r.year)).toMatchObject({ value: c.amount, source: 'own' })
        const row = prior3p(r, r.year)
        for (const item of THREE_PUBLIC_ITEMS) expect(at(line(s, `threePublic.${item}`), r.year)).toMatchObject({ value: row[item], source: 'own' })
      }
    })

    it('notes where the following year’s document gives another figure for a year (a revised 三公 budget)', () => {
      const own = prior3p(y1, y1.year)
      const restatedBy = prior3p(current, y1.year)
      const differing = THREE_PUBLIC_ITEMS.filter((i) => own[i] !== restatedBy[i])
      expect(differing.length).toBeGreaterThan(0)
      for (const item of differing)
        expect(at(line(s, `threePublic.${item}`), y1.year).restated).toEqual({ value: restatedBy[item], derived: false, documentYear: current.year })
      for (const item of THREE_PUBLIC_ITEMS.filter((i) => own[i] === restatedBy[i])) expect(at(line(s, `threePublic.${item}`), y1.year).restated).toBeUndefined()
    })

    it('leaves out the lines no year states (会议费, 培训费)', () => {
      expect(s.lines.map((l) => l.id)).not.toContain('threePublic.meetings')
      expect(s.lines.map((l) => l.id)).not.toContain('threePublic.training')
    })
  })

  it('keeps a figure no document states absent, never 0', () => {
    const older = makePriorYearDataset(current.year - 2)
    // The oldest document prints no basic/project split and no 公务接待费; the next one states no 公务接待费 for it either.
    delete older.functional.unit.basic
    delete older.functional.unit.project
    for (const r of older.functional.rows) {
      delete r.basic
      delete r.project
    }
    for (const y of older.threePublic!.years) delete y.reception
    const middle = makePriorYearDataset(current.year - 1)
    for (const y of middle.threePublic!.years) if (y.year === older.year) delete y.reception
    delete middle.threePublic!.change!.reception
    const s = computeSeries(toBudget(current), byYear(middle, older))!
    for (const id of ['basic', 'project', 'threePublic.reception']) {
      const p = at(line(s, id), older.year)
      expect(p, id).toEqual({ year: older.year })
      expect(computeSeriesBars(line(s, id))[0], id).toBeUndefined()
    }
    expect(at(line(s, 'basic'), middle.year).value).toBe(middle.functional.unit.basic)
  })

  it('fills a year without a dataset from the following document: its stated prior figures, or derived from its stated changes', () => {
    const first = makePriorYearDataset(current.year - 4)
    const third = makePriorYearDataset(current.year - 2)
    const s = computeSeries(toBudget(current), byYear(first, third))!
    expect(s.years).toEqual([first.year, first.year + 1, third.year, third.year + 1, current.year])
    expect(s.datasets.has(first.year + 1)).toBe(false)
    // 三公: the following document's table prints its year before, as stated.
    for (const item of THREE_PUBLIC_ITEMS)
      expect(at(line(s, `threePublic.${item}`), first.year + 1)).toEqual({ year: first.year + 1, value: prior3p(third, first.year + 1)[item], source: 'nextDocument', documentYear: third.year })
    // A category: the following document's amount minus the change it states, labelled derived.
    const cat = current.projectExpenditure.categories[0]!
    expect(at(line(s, `project.${cat.id}`), current.year - 1)).toEqual({
      year: current.year - 1,
      value: sumAmounts([cat.amount, -cat.change.amount]),
      source: 'derived',
      documentYear: current.year,
    })
    // The total: derived from the prose's change, which describes the table's total in the fixture.
    expect(current.overview.expenditure.amount).toBe(current.functional.unit.total)
    expect(at(line(s, 'total'), current.year - 1)).toMatchObject({ value: sumAmounts([current.overview.expenditure.amount, -current.overview.expenditure.change.amount]), source: 'derived' })
    // The earlier document states no change in its totals: that gap year's total stays absent.
    expect(third.overview!.expenditure!.change).toBeUndefined()
    expect(at(line(s, 'total'), first.year + 1)).toEqual({ year: first.year + 1 })
    // Basic / project: no document states them for another year.
    expect(at(line(s, 'basic'), first.year + 1)).toEqual({ year: first.year + 1 })
  })

  it('does not derive the total from a stated change that describes another figure', () => {
    const raw = makeDataset()
    raw.overview.expenditure.amount = sumAmounts([raw.functional.unit.total, raw.functional.unit.basic])
    const s = computeSeries(toBudget(raw), byYear(makePriorYearDataset(raw.year - 3), makePriorYearDataset(raw.year - 2)))!
    expect(at(line(s, 'total'), raw.year - 1)).toEqual({ year: raw.year - 1 })
  })
})

describe(computeSeriesBars, () => {
  it('scales each line to its own largest figure and draws no bar where the figure is absent', () => {
    const l: SeriesLine = {
      id: 'x',
      group: 'totals',
      label: { key: 'x' },
      depth: 0,
      points: [{ year: 1 }, { year: 2, value: makeDataset().functional.unit.basic }, { year: 3, value: makeDataset().functional.unit.total }, { year: 4, value: 0 }],
    }
    const bars = computeSeriesBars(l)
    expect(bars[0]).toBeUndefined()
    expect(bars[2]).toBe(100)
    expect(bars[1]).toBeCloseTo((makeDataset().functional.unit.basic / makeDataset().functional.unit.total) * 100, 10)
    expect(bars[3]).toBe(0)
  })
})

describe(computeCodeChanges, () => {
  const current = makeDataset()
  const y1 = makePriorYearDataset(current.year - 1)
  const y2 = makePriorYearDataset(current.year - 2)
  const codes = (raw: RawDataset, cls: 'functional' | 'economic') => flattenTree(cls === 'functional' ? toBudget(raw).functionalTree : toBudget(raw).economicTree!).map((n) => n.code)

  it('lists the headings one dataset adds or drops against the one before, by code', () => {
    const changes = computeCodeChanges(toBudget(current), byYear(y1, y2))
    const added = codes(current, 'functional').filter((c) => !codes(y1, 'functional').includes(c))
    const removed = codes(y1, 'functional').filter((c) => !codes(current, 'functional').includes(c))
    expect(added.length).toBeGreaterThan(0)
    expect(removed.length).toBeGreaterThan(0)
    expect(changes.filter((c) => c.kind === 'added').map((c) => [c.classification, c.code, c.year, c.since])).toEqual(added.map((c) => ['functional', c, current.year, y1.year]))
    expect(changes.filter((c) => c.kind === 'removed').map((c) => [c.classification, c.code, c.year, c.since])).toEqual(removed.map((c) => ['functional', c, current.year, y1.year]))
  })

  it('never matches headings by name, even an identical one under another code', () => {
    const raw = makeDataset()
    const removedRow = y1.functional.rows.find((r) => !raw.functional.rows.some((x) => x.code === r.code))!
    const addedRow = raw.functional.rows.find((r) => !y1.functional.rows.some((x) => x.code === r.code))!
    addedRow.name = { zh: removedRow.name.zh, en: removedRow.name.en ?? removedRow.name.zh }
    const changes = computeCodeChanges(toBudget(raw), byYear(y1, y2))
    expect(changes).toContainEqual(expect.objectContaining({ code: addedRow.code, kind: 'added', name: addedRow.name }))
    expect(changes).toContainEqual(expect.objectContaining({ code: removedRow.code, kind: 'removed' }))
    const c = computeComparison(toBudget(raw), byYear(y1))
    expect(detailItem(c, `functional.${addedRow.code}`)).toMatchObject({ codeChange: 'added', priorMissing: 'notListed' })
    expect(detailItem(c, `functional.${removedRow.code}`)).toMatchObject({ codeChange: 'removed', prior: { value: removedRow.total } })
    expect(detailItem(c, `functional.${removedRow.code}`).current).toBeUndefined()
  })

  it('marks no heading added or removed without a base-year dataset, nor between identical years', () => {
    const c = computeComparison(toBudget(current), new Map())
    for (const i of [...c.detail.functional, ...c.detail.economic]) expect(i.codeChange, i.id).toBeUndefined()
    const changes = computeCodeChanges(toBudget(current), byYear(y1, y2))
    expect(changes.filter((x) => x.year === y1.year)).toEqual([])
    const withBase = computeComparison(toBudget(current), byYear(y1))
    const shared = withBase.detail.functional.filter((i) => i.current !== undefined && i.prior)
    expect(shared.length).toBeGreaterThan(0)
    for (const i of shared) expect(i.codeChange, i.id).toBeUndefined()
  })
})

describe(selectStatedPriors, () => {
  /** The 2030 fixture with a Shanghai-style statement of one 项's prior-year execution. */
  function withStatement(executed: (row: { code: string; total: number }) => number) {
    const raw: RawDataset = makeDataset()
    const row = raw.functional.rows.find((r) => r.code.length === 7)!
    const value = executed(row)
    const percent = roundHalfAway(((row.total - value) / value) * 100, 0)
    raw.itemStatements = [{ code: row.code, amount: row.total, compared: { basis: 'priorExecution', year: raw.year - 1, amount: value }, percent }]
    return { raw, row, value, percent }
  }
  const priorRaw = makePriorYearDataset()
  const priorTotal = (code: string) => priorRaw.functional.rows.find((r) => r.code === code)!.total

  it('reads the prior-year execution the document states, for that year only', () => {
    const { raw, row, value } = withStatement((r) => priorTotal(r.code))
    expect([...selectStatedPriors(toBudget(raw), raw.year - 1).values()]).toEqual([expect.objectContaining({ code: row.code, value, year: raw.year - 1 })])
    expect(selectStatedPriors(toBudget(raw), raw.year - 2).size).toBe(0)
    raw.itemStatements![0]!.compared!.basis = 'budget'
    expect(selectStatedPriors(toBudget(raw), raw.year - 1).size).toBe(0)
  })

  it('uses it as the heading’s prior figure, labelled stated by the document, with its stated %', () => {
    const { raw, row, value, percent } = withStatement((r) => priorTotal(r.code))
    const i = detailItem(computeComparison(toBudget(raw), new Map()), `functional.${row.code}`)
    expect(i.prior).toEqual({ value, source: 'statedExecution', year: raw.year - 1 })
    expect(i.change).toBe(sumAmounts([row.total, -value]))
    expect(i.percent).toMatchObject({ status: 'agrees', stated: percent })
    // Every other heading still has no prior figure in this document.
    for (const other of computeComparison(toBudget(raw), new Map()).detail.functional.filter((x) => x.id !== i.id)) expect(other.priorMissing, other.id).toBe('notPublished')
  })

  it('shows the base-year dataset’s own figure beside it, and whether the two agree', () => {
    const agreeing = withStatement((r) => priorTotal(r.code))
    const a = detailItem(computeComparison(toBudget(agreeing.raw), byYear(priorRaw)), `functional.${agreeing.row.code}`)
    expect(a.prior?.source).toBe('statedExecution')
    expect(a.datasetPrior).toEqual({ value: priorTotal(agreeing.row.code), year: priorRaw.year, agrees: true })

    const differing = withStatement((r) => r.total)
    expect(differing.value).not.toBe(priorTotal(differing.row.code))
    const d = detailItem(computeComparison(toBudget(differing.raw), byYear(priorRaw)), `functional.${differing.row.code}`)
    expect(d.prior).toEqual({ value: differing.value, source: 'statedExecution', year: priorRaw.year })
    expect(d.datasetPrior).toEqual({ value: priorTotal(differing.row.code), year: priorRaw.year, agrees: false })
  })

  it('is not used against an older base year', () => {
    const { raw, row } = withStatement((r) => priorTotal(r.code))
    const older = makePriorYearDataset(raw.year - 2)
    const i = detailItem(computeComparison(toBudget(raw), byYear(older), older.year), `functional.${row.code}`)
    expect(i.prior?.source).toBe('otherDataset')
    expect(i.datasetPrior).toBeUndefined()
  })
})
