import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECK_GROUPS, computeChecks } from '@/domain/checks'
import type { RawDataset } from '@/domain/schema'
import { computeCheckGroups, parseVerdictFilter } from '@/components/checks/checkList'
import { toBudget } from '../../helpers/mount'

const REAL = JSON.parse(readFileSync('public/data/yantian-investment-center-2023.json', 'utf8')) as RawDataset
const checks = computeChecks(toBudget(REAL))

describe(parseVerdictFilter, () => {
  it.each([
    ['rounding', 'rounding'],
    ['ok', 'ok'],
    ['mismatch', 'mismatch'],
    ['all', 'all'],
    ['nonsense', 'all'],
    [undefined, 'all'],
    [['rounding'], 'all'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseVerdictFilter(input)).toBe(expected)
  })
})

describe(computeCheckGroups, () => {
  it('keeps every check once, in CHECK_GROUPS order, gaps before agreements in each group', () => {
    const groups = computeCheckGroups(checks, 'all')
    expect(groups.flatMap((g) => g.checks)).toHaveLength(checks.length)
    expect(groups.map((g) => g.group)).toEqual(CHECK_GROUPS.filter((g) => checks.some((c) => c.group === g)))
    for (const g of groups) {
      const firstOk = g.checks.findIndex((c) => c.verdict === 'ok')
      if (firstOk >= 0) expect(g.checks.slice(firstOk).every((c) => c.verdict === 'ok'), g.group).toBe(true)
    }
    const economic = groups.find((g) => g.group === 'economic')!
    expect(economic.checks[0]!.verdict).toBe('rounding')
  })

  it('keeps only the chosen verdict and drops groups left empty', () => {
    const rounding = computeCheckGroups(checks, 'rounding')
    const all = rounding.flatMap((g) => g.checks)
    expect(all.length).toBe(checks.filter((c) => c.verdict === 'rounding').length)
    expect(all.every((c) => c.verdict === 'rounding')).toBe(true)
    expect(rounding.every((g) => g.checks.length > 0)).toBe(true)
    expect(computeCheckGroups(checks, 'mismatch')).toEqual([])
  })
})
