import { describe, expect, it } from 'vitest'
import {
  computeBaseYears,
  computeChangePercent,
  computeComparison,
  computeDirection,
  computePairedBars,
  roundHalfAway,
  type CompareItem,
  type Comparison,
} from '@/domain/compare'
import { sumAmounts } from '@/domain/checks'
import { computeChecks } from '@/domain/checks'
import { flattenTree } from '@/domain/tree'
import { parseDataset } from '@/domain/parse'
import { THREE_PUBLIC_ITEMS, type RawDataset } from '@/domain/schema'
import type { Budget } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { makePriorYearDataset } from '../../fixtures/prior-year/dataset'
import { economicTreeOf, present } from '../helpers/present'

function toBudget(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

function item(c: Comparison, id: string): CompareItem {
  const found = [...c.items, ...c.detail.functional, ...c.detail.economic].find((i) => i.id === id)
  if (!found) throw new Error(`no item ${id}`)
  return found
}

const NO_OTHER_YEARS: ReadonlyMap<number, Budget> = new Map()

describe(roundHalfAway, () => {
  it.each([
    [-6.866, 0, -7],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [0.4, 0, 0],
    [-0.4, 0, 0],
    [6.4425, 1, 6.4],
    [12.45, 1, 12.5],
    [-12.45, 1, -12.5],
  ])('rounds %s to %s decimals as %s', (x, d, expected) => {
    expect(roundHalfAway(x, d)).toBe(expected)
  })

  it('never gives a negative zero', () => {
    expect(Object.is(roundHalfAway(-0.4, 0), -0)).toBe(false)
  })
})

describe(computeChangePercent, () => {
  it('rounds to the stated precision and agrees with it (negative change, whole percent)', () => {
    const p = computeChangePercent(-1, 3, -33)
    expect(p).toMatchObject({ status: 'agrees', decimals: 0, rounded: -33, stated: -33 })
    expect(p.computed).toBeCloseTo((-1 / 3) * 100, 10)
  })

  it('keeps one decimal when the document states one', () => {
    expect(computeChangePercent(1, 8, 12.5)).toMatchObject({ status: 'agrees', decimals: 1, rounded: 12.5 })
  })

  it('rounds a half away from zero, up and down', () => {
    expect(computeChangePercent(1, 8, 13)).toMatchObject({ status: 'agrees', rounded: 13 })
    expect(computeChangePercent(-1, 8, -13)).toMatchObject({ status: 'agrees', rounded: -13 })
  })

  it('reports a stated percentage the amounts do not give', () => {
    expect(computeChangePercent(1, 3, 34)).toMatchObject({ status: 'differs', rounded: 33, stated: 34 })
  })

  it('computes to one decimal when the document states none', () => {
    const p = computeChangePercent(-1, 6)
    expect(p).toMatchObject({ status: 'computed', decimals: 1, rounded: -16.7 })
    expect(p.stated).toBeUndefined()
  })

  it('gives no percentage from a zero base, keeping what the document states', () => {
    const fromZero = computeChangePercent(1, 0)
    expect(fromZero.status).toBe('zeroBase')
    expect(fromZero.computed).toBeUndefined()
    expect(fromZero.rounded).toBeUndefined()
    expect(computeChangePercent(0, 0, 0)).toMatchObject({ status: 'zeroBase', stated: 0 })
  })

  it('gives no percentage without a prior figure', () => {
    expect(computeChangePercent(undefined, undefined).status).toBe('noPrior')
  })
})

describe(computeDirection, () => {
  it.each([
    [1, 'up'],
    [-0.5, 'down'],
    [0, 'none'],
    [undefined, 'none'],
  ] as const)('%s → %s', (change, direction) => {
    expect(computeDirection(change)).toBe(direction)
  })
})

describe(computeComparison, () => {
  describe('with the document alone', () => {
    const raw = makeDataset()
    const c = computeComparison(toBudget(raw), NO_OTHER_YEARS)

    it('compares with the year before', () => {
      expect(c.year).toBe(raw.year)
      expect(c.baseYear).toBe(raw.year - 1)
      expect(c.baseYears).toEqual([raw.year - 1])
      expect(c.baseDatasetId).toBeUndefined()
    })

    it('derives the prior totals and categories from the stated change and labels them derived', () => {
      for (const k of ['income', 'expenditure'] as const) {
        const stated = raw.overview[k]
        const i = item(c, k)
        expect(i.prior).toEqual({ value: sumAmounts([stated.amount, -stated.change!.amount]), source: 'derived', year: raw.year - 1 })
        expect(i.change).toBe(stated.change!.amount)
        expect(i.changeSource).toBe('stated')
      }
      for (const cat of raw.projectExpenditure.categories) {
        const i = item(c, `project.${cat.id}`)
        expect(i.current).toBe(cat.amount)
        expect(i.prior).toMatchObject({ value: sumAmounts([cat.amount, -cat.change.amount]), source: 'derived' })
        expect(i.reasons).toEqual(cat.change.reason ? [cat.change.reason] : [])
      }
    })

    it('takes table 9 prior figures as stated, with the change row', () => {
      const tp = raw.threePublic
      const prev = tp.years.find((y) => y.year === raw.year - 1)!
      const cur = tp.years.find((y) => y.year === raw.year)!
      for (const key of THREE_PUBLIC_ITEMS) {
        const i = item(c, `threePublic.${key}`)
        expect(i.current).toBe(cur[key])
        expect(i.prior).toEqual({ value: prev[key], source: 'stated', year: prev.year })
        expect(i.change).toBe(tp.change[key])
      }
    })

    it('agrees with every percentage the document states', () => {
      const stated = c.items.filter((i) => i.percent.stated !== undefined && i.percent.status !== 'zeroBase')
      expect(stated.length).toBeGreaterThan(0)
      for (const i of stated) expect(i.percent.status, i.id).toBe('agrees')
      expect(item(c, 'income').percent.rounded).toBe(raw.overview.income.change!.percent)
      expect(item(c, 'threePublic.total').percent.rounded).toBe(raw.threePublic.percent!.total)
    })

    it('has change = current − prior for every compared item', () => {
      for (const i of c.items.filter((x) => x.prior))
        expect(i.change, i.id).toBe(sumAmounts([i.current!, -i.prior!.value]))
    })

    it('flags an item that starts from zero as new, with no percentage', () => {
      const zeroBased = c.items.filter((i) => i.prior?.value === 0 && (i.current ?? 0) > 0)
      expect(zeroBased.map((i) => i.id)).toContain('threePublic.reception')
      for (const i of zeroBased) {
        expect(i.isNew).toBe(true)
        expect(i.direction).toBe('up')
        expect(i.percent.status).toBe('zeroBase')
        expect(i.percent.rounded).toBeUndefined()
      }
    })

    it('treats 0 → 0 as unchanged, not new, keeping the stated 0% without computing one', () => {
      const i = item(c, 'operatingCosts')
      expect(i.prior?.value).toBe(0)
      expect(i.isNew).toBe(false)
      expect(i.direction).toBe('none')
      expect(i.percent).toMatchObject({ status: 'zeroBase', stated: raw.operatingCosts.change.percent })
    })

    it('gives the shared reasons once: spending points to income', () => {
      expect(item(c, 'income').reasons).toEqual(raw.overview.changeReasons)
      expect(item(c, 'expenditure').reasonsSharedWith).toBe('income')
    })

    it('lists every detail row with its figure and no prior figure (not published, never 0)', () => {
      const b = toBudget(raw)
      for (const cls of ['functional', 'economic'] as const) {
        const tree = cls === 'functional' ? b.functionalTree : economicTreeOf(b)
        const nodes = flattenTree(tree)
        expect(c.detail[cls].map((i) => i.id)).toEqual(nodes.map((n) => `${cls}.${n.code}`))
        for (const [k, i] of c.detail[cls].entries()) {
          expect(i.current).toBe(nodes[k]!.total)
          expect(i.prior).toBeUndefined()
          expect(i.priorMissing).toBe('notPublished')
          expect(i.change).toBeUndefined()
          expect(i.percent.status).toBe('noPrior')
        }
      }
    })

    it('carries the abroad-travel note on its item', () => {
      const fixture = makeDataset()
      const abroadNote = { zh: '测试说明', en: 'Test note' }
      const withNote: RawDataset = { ...fixture, threePublic: { ...fixture.threePublic, abroadNote } }
      expect(item(computeComparison(toBudget(withNote), NO_OTHER_YEARS), 'threePublic.abroad').note).toEqual(abroadNote)
    })
  })

  describe('with the prior year’s own dataset', () => {
    const raw = makeDataset()
    const priorRaw = makePriorYearDataset()
    const priorIncome = present(priorRaw.overview?.income, 'the prior year’s stated income').amount
    const prior = toBudget(priorRaw)
    const c = computeComparison(toBudget(raw), new Map([[prior.year, prior]]))

    it('uses a fixture that is itself consistent', () => {
      expect(computeChecks(prior).filter((x) => x.verdict === 'mismatch')).toEqual([])
    })

    it('takes the prior figures from that dataset', () => {
      expect(c.baseDatasetId).toBe(priorRaw.id)
      expect(item(c, 'income').prior).toEqual({ value: priorIncome, source: 'otherDataset', year: priorRaw.year })
      const cur = present(priorRaw.threePublic, 'threePublic in the prior year').years.find((y) => y.year === priorRaw.year)!
      for (const key of THREE_PUBLIC_ITEMS) expect(item(c, `threePublic.${key}`).prior?.value).toBe(cur[key])
    })

    it('checks them against what this document states or implies', () => {
      const income = item(c, 'income')
      expect(income.documentPrior).toEqual({ value: priorIncome, derived: true, agrees: true })
      expect(income.changeSource).toBe('stated')
      const total = item(c, 'threePublic.total')
      expect(total.documentPrior?.agrees).toBe(false)
      expect(total.changeSource).toBe('computed')
      expect(total.change).toBe(sumAmounts([total.current!, -total.prior!.value]))
    })

    it('makes the detail comparable by code, and says which rows one year lacks', () => {
      for (const i of c.detail.functional) if (i.prior && i.current !== undefined) expect(i.change).toBe(sumAmounts([i.current, -i.prior.value]))
      const b = toBudget(raw)
      const onlyHere = flattenTree(b.functionalTree).filter((n) => !prior.functionalTree.byCode.has(n.code))
      const onlyThere = flattenTree(prior.functionalTree).filter((n) => !b.functionalTree.byCode.has(n.code))
      expect(onlyHere.length).toBeGreaterThan(0)
      expect(onlyThere.length).toBeGreaterThan(0)
      for (const n of onlyHere) expect(item(c, `functional.${n.code}`)).toMatchObject({ priorMissing: 'notListed', current: n.total })
      for (const n of onlyThere) {
        const i = item(c, `functional.${n.code}`)
        expect(i.current).toBeUndefined()
        expect(i.prior?.value).toBe(n.total)
        const ids = c.detail.functional.map((x) => x.id)
        const parentAt = ids.indexOf(`functional.${n.parentCode}`)
        expect(ids.indexOf(i.id)).toBeGreaterThan(parentAt)
        expect(ids.slice(parentAt, ids.indexOf(i.id)).every((id) => id.startsWith(`functional.${n.parentCode}`))).toBe(true)
      }
    })

    it('keeps the stated reasons, which explain the change against the year before', () => {
      expect(item(c, 'income').reasons).toEqual(raw.overview.changeReasons)
    })
  })

  describe('with several earlier years', () => {
    const raw = makeDataset()
    const b = toBudget(raw)
    const y1 = toBudget(makePriorYearDataset(raw.year - 1))
    const y2 = toBudget(makePriorYearDataset(raw.year - 2))
    const later = toBudget(makePriorYearDataset(raw.year + 1))
    const years = new Map([
      [y1.year, y1],
      [y2.year, y2],
      [later.year, later],
    ])

    it('offers every earlier year, latest first, and defaults to the year before', () => {
      expect(computeBaseYears(b, years)).toEqual([y1.year, y2.year])
      expect(computeComparison(b, years).baseYear).toBe(y1.year)
      expect(computeComparison(b, years, 1900).baseYear).toBe(y1.year)
    })

    it('compares with an older year from its dataset, without this document’s stated % or reasons', () => {
      const c = computeComparison(b, years, y2.year)
      expect(c.baseDatasetId).toBe(y2.id)
      for (const i of c.items) {
        expect(i.reasons, i.id).toEqual([])
        expect(i.percent.stated, i.id).toBeUndefined()
        expect(i.documentPrior, i.id).toBeUndefined()
      }
      expect(item(c, 'income').prior).toMatchObject({ source: 'otherDataset', year: y2.year })
    })

    it('ignores a dataset of another department', () => {
      const stranger = toBudget({ ...makePriorYearDataset(raw.year - 1), departmentId: 'someone-else' })
      expect(computeBaseYears(b, new Map([[stranger.year, stranger]]))).toEqual([raw.year - 1])
      expect(computeComparison(b, new Map([[stranger.year, stranger]])).baseDatasetId).toBeUndefined()
    })
  })
})

describe(computePairedBars, () => {
  const c = computeComparison(toBudget(makeDataset()), NO_OTHER_YEARS)
  const tp = c.items.filter((i) => i.group === 'threePublic')
  const bars = computePairedBars(tp)
  const max = Math.max(...tp.flatMap((i) => [i.current!, i.prior!.value]))

  it('fills the track with the largest figure of the set and scales the rest to it', () => {
    expect(Math.max(...bars.flatMap((b) => [b.priorWidth!, b.currentWidth!]))).toBe(100)
    for (const b of bars) {
      expect(b.currentWidth).toBeCloseTo((b.item.current! / max) * 100, 10)
      expect(b.priorWidth).toBeCloseTo((b.item.prior!.value / max) * 100, 10)
    }
  })

  it('draws no prior bar where there is no prior figure, and zero-length bars on an all-zero scale', () => {
    const detail = computePairedBars(c.detail.functional)
    for (const b of detail) expect(b.priorWidth).toBeUndefined()
    const zero = computePairedBars(c.items.filter((i) => i.id === 'operatingCosts'))
    expect(zero[0]).toMatchObject({ priorWidth: 0, currentWidth: 0 })
  })
})
