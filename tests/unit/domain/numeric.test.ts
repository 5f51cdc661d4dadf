import { describe, expect, it } from 'vitest'
import { decimalsOf, fromExact, inferredStep, judgeAmounts, judgePercent, printedStep, roundHalfAway, subtractAmounts, sumAmounts, toExact } from '@/domain/numeric'
import { present, readYantian } from '../helpers/present'

describe(roundHalfAway, () => {
  it.each([
    [-6.5, 0, -7],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [6.4425, 1, 6.4],
    [6.45, 1, 6.5],
    [1.005, 2, 1.01],
    [-0.4, 0, 0],
    [0, 0, 0],
  ] as const)('rounds %d to %d decimals as %d', (x, decimals, expected) => {
    expect(roundHalfAway(x, decimals)).toBe(expected)
  })

  it('differs from Math.round exactly where Math.round rounds a negative half up', () => {
    expect(Math.round(-6.5)).toBe(-6)
    expect(roundHalfAway(-6.5, 0)).toBe(-7)
  })
})

describe(sumAmounts, () => {
  it.each([
    [[0.1, 0.2], 0.3],
    [[94.68, 0.01, 0.31], 95],
    [[15621.1123, -0.0123], 15621.1],
    [[], 0],
  ] as const)('adds %j exactly to %d', (values, expected) => {
    expect(sumAmounts(values)).toBe(expected)
  })

  it('subtracts exactly and round-trips 元', () => {
    expect(subtractAmounts(0.3, 0.1)).toBe(0.2)
    expect(toExact(15621.1123)).toBe(156211123)
    expect(fromExact(156211123)).toBe(15621.1123)
  })
})

describe(decimalsOf, () => {
  it.each([
    [6.4, 1],
    [94.68, 2],
    [7, 0],
    [-0.57, 2],
    [0.0001, 4],
    [1e-7, 7],
  ] as const)('%d has %d decimals', (x, expected) => {
    expect(decimalsOf(x)).toBe(expected)
    expect(inferredStep(x)).toBeCloseTo(10 ** -expected, 12)
  })

  it('reads the step of printed figures: 万元 integers, two decimals, 元', () => {
    expect(printedStep({ unit: '万元', decimals: 0 })).toBe(1)
    expect(printedStep({ unit: '万元', decimals: 2 })).toBe(0.01)
    expect(printedStep({ unit: '元', decimals: 0 })).toBe(0.0001)
  })
})

describe(judgeAmounts, () => {
  it.each([
    // whole 万元: each figure may be off by 0.5
    [2211, 2211, [1, 1], 'ok', 0, 1],
    [2212, 2211, [1, 1], 'rounding', 1, 1],
    [2213, 2211, [1, 1], 'mismatch', 2, 1],
    // a sum of four printed figures against one: tolerance 2, the boundary itself is rounding
    [2213, 2211, [1, 1, 1, 1], 'rounding', 2, 2],
    [2213.01, 2211, [1, 1, 1, 1], 'mismatch', 2.01, 2],
    // two decimals
    [292, 291.52, [1, 0.01, 0.01], 'rounding', 0.48, 0.51],
    // 元-exact figures: the float sum 0.1 + 0.2 is still exactly 0.3
    [0.3, 0.1 + 0.2, [0.0001, 0.0001], 'ok', 0, 0.0001],
    [15621.1124, 15621.1123, [0.0001, 0.0001], 'rounding', 0.0001, 0.0001],
    [15621.1125, 15621.1123, [0.0001, 0.0001], 'mismatch', 0.0002, 0.0001],
  ] as const)('%d against %d with steps %j → %s (difference %d, tolerance %d)', (left, right, steps, verdict, difference, tolerance) => {
    expect(judgeAmounts(left, right, steps)).toEqual({ verdict, difference, tolerance })
  })
})

describe(judgePercent, () => {
  it.each([
    // The case: −6.5 % stated as −7 % is ok (half away from zero); Math.round gave −6 and called it a mismatch.
    [-7, -6.5, 0.0001, 100, 0.0001, 'ok'],
    [-5, -6.5, 0.0001, 100, 0.0001, 'mismatch'],
    // −6.6 % from figures printed to whole 万元 could have been −7 % before rounding: within rounding, not a contradiction.
    [-7, -6.6, 0.1, 100, 0.1, 'ok'],
    [-6, -6.64, 1, 100, 2, 'rounding'],
    // Beyond anything the printed figures allow.
    [-20, -6.5, 1, 100, 2, 'mismatch'],
    // A prior of 0 has no percentage change.
    [100, 0.8, 0.1, 0, 0.2, 'mismatch'],
  ] as const)('stated %d percent for a change of %d (step %d) on %d (step %d) → %s', (stated, change, changeStep, prior, priorStep, verdict) => {
    expect(judgePercent(stated, { value: change, step: changeStep }, { value: prior, step: priorStep }).verdict).toBe(verdict)
  })

  it('gives the computed and rounded percentage and the range the printed figures allow', () => {
    const j = judgePercent(-7, { value: -163, step: 1 }, { value: 2374, step: 2 })
    expect(j.computed).toBeCloseTo((-163 / 2374) * 100, 12)
    expect(j.rounded).toBe(-7)
    expect(j.range[0]).toBeLessThan(j.computed)
    expect(j.range[1]).toBeGreaterThan(j.computed)
    expect(j.tolerance).toBe(0.5)
  })

  describe('the Yantian dataset’s stated percentages', () => {
    const raw = readYantian()
    const step = inferredStep
    const changes: [string, number, number, number][] = []
    const ov = present(raw.overview, 'overview')
    for (const [id, item] of [
      ['income', ov.income],
      ['expenditure', ov.expenditure],
    ] as const) {
      const c = present(item?.change, `the stated change of ${id}`)
      changes.push([id, present(c.percent, `the stated % of ${id}`), c.amount, present(item, id).amount])
    }
    for (const cat of present(raw.projectExpenditure, 'projectExpenditure').categories) {
      const c = present(cat.change, `the stated change of ${cat.id}`)
      changes.push([cat.id, present(c.percent, `the stated % of ${cat.id}`), c.amount, cat.amount])
    }
    const tp = present(raw.threePublic, 'threePublic')
    const cur = present(
      tp.years.find((y) => y.year === raw.year),
      'this year’s 三公 row',
    )
    const tpChange = present(tp.change?.total, 'the 三公 change')
    changes.push(['threePublic', present(tp.percent?.total, 'the 三公 %'), tpChange, present(cur.total, 'the 三公 total')])

    it('are the five the document states (income, expenditure, three categories and 三公)', () => {
      expect(changes.map(([id]) => id)).toHaveLength(6)
      expect(new Set(changes.map(([, stated]) => stated)).size).toBe(5)
    })

    it.each(changes)('%s: %d percent is ok against its own amounts', (_, stated, change, amount) => {
      const prior = { value: subtractAmounts(amount, change), step: step(amount) + step(change) }
      const j = judgePercent(stated, { value: change, step: step(change) }, prior)
      expect(j.verdict).toBe('ok')
      expect(j.rounded).toBe(stated)
    })
  })
})
