import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkActualsAgainst, computeActualsMap, parseActuals, type ActualsFile } from '@/domain/actuals'
import { makeDataset } from '../../fixtures/dataset'

function fixtureFile(): Record<string, unknown> & { actuals: Record<string, unknown>[] } {
  return JSON.parse(readFileSync('tests/fixtures/actuals/test-department-2030.actuals.json', 'utf8')) as Record<string, unknown> & { actuals: Record<string, unknown>[] }
}
function valid(raw: unknown = fixtureFile()): ActualsFile {
  const result = parseActuals(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

describe(parseActuals, () => {
  it('accepts the fixture file and keeps every actual', () => {
    const raw = fixtureFile()
    expect(valid(raw).actuals).toHaveLength(raw.actuals.length)
  })

  it.each([
    ['a wrong schema version', (f: ReturnType<typeof fixtureFile>) => void (f.schemaVersion = 2), 'schemaVersion'],
    ['a missing source', (f: ReturnType<typeof fixtureFile>) => void delete f.source, 'source'],
    ['a non-finite value', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[0]!.value = 'six'), 'actuals.0.value'],
    ['a day that does not exist', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[1]!.date = '2031-02-30'), 'actuals.1.date'],
    ['a badly written date', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[1]!.date = '15/01/2031'), 'actuals.1.date'],
    ['an unknown field', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[0]!.remark = 'x'), 'actuals.0'],
    ['a score that is not points', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[0]!.score = 5), 'actuals.0.score'],
    ['more points than the indicator is worth', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[0]!.score = { points: 11, outOf: 10 }), 'exceed'],
    ['negative points', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[0]!.score = { points: -1 }), 'actuals.0.score.points'],
    ['an indicator worth 0 points', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[0]!.score = { points: 0, outOf: 0 }), 'actuals.0.score.outOf'],
    ['two kinds of actual at once', (f: ReturnType<typeof fixtureFile>) => void (f.actuals[0]!.achieved = true), 'at most one'],
  ])('refuses %s, naming the field', (_name, breakIt, where) => {
    const raw = fixtureFile()
    breakIt(raw)
    const result = parseActuals(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem.kind).toBe('schema')
      expect(result.problem.details.join('\n')).toContain(where)
    }
  })

  it('keeps the score where one is given, and reads a file written before scores existed (none given)', () => {
    const raw = fixtureFile()
    const scores = raw.actuals.map((a) => a.score)
    expect(scores.some((s) => s !== undefined)).toBe(true)
    expect(valid(raw).actuals.map((a) => a.score)).toEqual(scores)
    for (const a of raw.actuals) delete a.score
    expect(valid(raw).actuals.every((a) => a.score === undefined)).toBe(true)
  })

  it('refuses an indicator reported twice', () => {
    const raw = fixtureFile()
    raw.actuals.push({ ...raw.actuals[0]! })
    const result = parseActuals(raw)
    expect(result).toMatchObject({ ok: false, problem: { kind: 'structure' } })
    if (!result.ok) expect(result.problem.details[0]).toContain(String(raw.actuals[0]!.indicatorId))
  })

  it('accepts an actual reported without a judgeable field (shown, but pending)', () => {
    const raw = fixtureFile()
    delete raw.actuals[0]!.value
    expect(valid(raw).actuals[0]).not.toHaveProperty('value')
  })
})

describe(checkActualsAgainst, () => {
  const dataset = makeDataset()

  it('finds the fixture usable with its dataset', () => {
    expect(checkActualsAgainst(valid(), dataset.id, dataset.performance)).toEqual([])
  })

  it('refuses actuals for another dataset', () => {
    expect(checkActualsAgainst(valid(), 'another-dataset', dataset.performance).join()).toContain('another-dataset')
  })

  it('refuses an unknown indicator and a field that does not fit the target', () => {
    const raw = fixtureFile()
    raw.actuals[0]!.indicatorId = 'q99'
    raw.actuals[3] = { indicatorId: raw.actuals[3]!.indicatorId, written: '2030年1月1日', date: '2030-01-01' }
    const problems = checkActualsAgainst(valid(raw), dataset.id, dataset.performance)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain('q99')
    expect(problems[1]).toContain('give value, not date')
  })
})

describe(computeActualsMap, () => {
  it('indexes the actuals by indicator id', () => {
    const file = valid()
    const map = computeActualsMap(file)
    expect([...map.keys()]).toEqual(file.actuals.map((a) => a.indicatorId))
  })
})
