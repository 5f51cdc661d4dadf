import { describe, expect, it } from 'vitest'
import { CHANGE_THRESHOLD_PERCENT, computeFlags, computeItemDetails, countFlagReasons, type FlaggedItem } from '@/domain/flags'
import { computeChecks } from '@/domain/checks'
import type { RawDataset } from '@/domain/schema'
import { makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'
import { present, readYantian } from '../helpers/present'

const real = readYantian
const flagsOf = (raw: RawDataset): FlaggedItem[] => {
  const b = toBudget(raw)
  return computeFlags(b, computeChecks(b))
}
const find = (flags: FlaggedItem[], kind: string, key: string): FlaggedItem | undefined =>
  flags.find((f) => f.details.ref.kind === kind && f.details.ref.key === key)

describe(computeFlags, () => {
  it('flags the real budget’s project categories whose stated change is 10% or more, and only those', () => {
    const raw = real()
    const flags = flagsOf(raw)
    const categories = present(raw.projectExpenditure, 'projectExpenditure').categories
    const percentOf = (c: (typeof categories)[number]): number => present(c.change?.percent, `the stated % change of ${c.id}`)
    const big = categories.filter((c) => Math.abs(percentOf(c)) >= CHANGE_THRESHOLD_PERCENT)
    expect(big.length).toBeGreaterThanOrEqual(2)
    for (const c of categories) {
      const f = find(flags, 'category', c.id)
      if (big.includes(c)) expect(f?.reasons).toContain('bigChange')
      else expect(f).toBeUndefined()
      if (f) expect(f.details.percent).toEqual({ value: percentOf(c), stated: true })
    }
  })

  it('flags a new 三公 item (prior 0, now more) and every 三公 item that changed', () => {
    const raw = real()
    const flags = flagsOf(raw)
    const tp = present(raw.threePublic, 'threePublic')
    const [prev, cur] = [...tp.years].sort((a, z) => a.year - z.year)
    expect(prev!.reception).toBe(0)
    expect(cur!.reception).toBeGreaterThan(0)
    expect(find(flags, 'threePublic', 'reception')?.reasons).toEqual(['new', 'threePublic'])
    for (const [item, change] of Object.entries(present(tp.change, 'threePublic.change'))) {
      const f = find(flags, 'threePublic', item)
      if (change !== 0) expect(f?.reasons).toContain('threePublic')
      else expect(f).toBeUndefined()
    }
  })

  it('computes a % the document does not state, and says so', () => {
    const raw = real()
    const f = find(flagsOf(raw), 'threePublic', 'vehicleOperation')!
    const tp = present(raw.threePublic, 'threePublic')
    const [prev] = [...tp.years].sort((a, z) => a.year - z.year)
    const change = present(present(tp.change, 'threePublic.change').vehicleOperation, 'the change in vehicle operation')
    expect(f.details.percent).toEqual({ value: (change / present(prev?.vehicleOperation, 'the prior vehicle operation')) * 100, stated: false })
    expect(f.reasons).toContain('bigChange')
  })

  it('treats exactly 10% as flagged and 9% as not', () => {
    const raw = makeDataset()
    raw.projectExpenditure.categories[0]!.change.percent = -CHANGE_THRESHOLD_PERCENT
    expect(find(flagsOf(raw), 'category', raw.projectExpenditure.categories[0]!.id)?.reasons).toEqual(['bigChange'])
    raw.projectExpenditure.categories[0]!.change.percent = CHANGE_THRESHOLD_PERCENT - 1
    expect(find(flagsOf(raw), 'category', raw.projectExpenditure.categories[0]!.id)).toBeUndefined()
  })

  it('flags every check that is not ok, and none when all agree', () => {
    expect(flagsOf(makeDataset()).filter((f) => f.reasons.includes('check'))).toEqual([])
    const raw = makeDataset()
    raw.functional.rows[0]!.total += 1
    const b = toBudget(raw)
    const checks = computeChecks(b)
    const notOk = checks.filter((c) => c.verdict !== 'ok').map((c) => c.id)
    expect(notOk.length).toBeGreaterThan(0)
    const flagged = computeFlags(b, checks).filter((f) => f.reasons.includes('check'))
    expect(flagged.map((f) => f.details.ref.key)).toEqual(notOk)
    expect(flagged.every((f) => f.details.verdict !== 'ok' && f.details.figures.length === 3)).toBe(true)
  })

  it('compares classification rows with the prior year’s own dataset when there is one', () => {
    const prior = makeDataset()
    prior.year -= 1
    prior.id = 'test-department-prior'
    const current = makeDataset()
    const row = current.economic.rows.find((r) => r.code.length === 5 && r.total > 0)!
    const priorRow = prior.economic.rows.find((r) => r.code === row.code)!
    priorRow.total = row.total * 2
    const b = toBudget(current)
    const flags = computeFlags(b, computeChecks(b), toBudget(prior))
    const f = find(flags, 'economic', row.code)!
    expect(f.reasons).toContain('bigChange')
    expect(f.details.percent).toEqual({ value: -50, stated: false })
  })

  it('counts reasons', () => {
    const flags = flagsOf(real())
    const counts = countFlagReasons(flags)
    expect(counts.bigChange).toBe(flags.filter((f) => f.reasons.includes('bigChange')).length)
    expect(counts.new + counts.threePublic + counts.check).toBe(flags.reduce((n, f) => n + f.reasons.filter((r) => r !== 'bigChange').length, 0))
  })
})

describe(computeItemDetails, () => {
  it('gives a classification row its three published columns', () => {
    const raw = makeDataset()
    const b = toBudget(raw)
    const row = raw.economic.rows[0]!
    const d = computeItemDetails(b, { kind: 'economic', key: row.code }, [])
    expect(d).toMatchObject({ found: true, code: row.code, name: row.name })
    expect(d.figures.map((f) => [f.name, f.value])).toEqual([['total', row.total], ['basic', row.basic], ['project', row.project]])
  })

  it('gives a category its amount, the derived prior figure and the stated reason', () => {
    const raw = makeDataset()
    const c = raw.projectExpenditure.categories[0]!
    const d = computeItemDetails(toBudget(raw), { kind: 'category', key: c.id }, [])
    expect(d.figures).toEqual([
      { name: 'amount', value: c.amount, year: raw.year },
      { name: 'prior', value: c.amount - c.change.amount, year: raw.year - 1, derived: true },
      { name: 'change', value: c.change.amount, signed: true },
    ])
    expect(d.reason).toEqual(c.change.reason)
  })

  it('gives an indicator its written target, and marks an unknown item as not found', () => {
    const raw = makeDataset()
    const ind = raw.performance.dimensions[0]!.indicators[0]!
    const b = toBudget(raw)
    expect(computeItemDetails(b, { kind: 'indicator', key: ind.id }, []).target).toEqual({ zh: ind.target.written, en: ind.target.writtenEn })
    expect(computeItemDetails(b, { kind: 'task', key: 'no-such-task' }, [])).toEqual({ ref: { kind: 'task', key: 'no-such-task' }, found: false, figures: [] })
  })
})
