// The district landing and the comparison of departments, on the four real imported documents'
// catalogue (summaries written by `npm run summarise-data`) and departments made from them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeLandingRows, filterLandingRows, hasDistrict, sortLandingRows, type LandingSort } from '@/domain/district'
import { computeComparison, sortCompareRows, type CompareSort } from '@/domain/districtCompare'
import { parseDataset } from '@/domain/parse'
import type { RawCatalogue } from '@/domain/schema'
import { ALL_STEPS } from '@/domain/steps'
import { computeSummary, diffSummary } from '@/domain/summarise'
import { parseSummary, type Summary } from '@/domain/summary'
import type { Text } from '@/domain/types'

const DIR = 'tests/fixtures/imported'
const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'))
const catalogue = read('index.json') as RawCatalogue
const zh = (t: Text) => t.zh
const collator = new Intl.Collator('zh-CN')
const summaryOf = (id: string): Summary => parseSummary(catalogue.datasets.find((d) => d.id === id) ?? {}) as Summary

describe(computeSummary, () => {
  it.each(catalogue.datasets.map((d) => [d.id, d] as const))('the stored summary of %s is its dataset’s', (_id, entry) => {
    const parsed = parseDataset(read(entry.file), ALL_STEPS)
    if (!parsed.ok) throw new Error(parsed.problem.kind)
    const s = computeSummary(parsed.value)
    expect(diffSummary(entry.summary, s)).toEqual([])
    expect(s.total).toBe(parsed.value.functionalTree.total)
    expect(s.classes.map((c) => c.code)).toEqual(parsed.value.functionalTree.roots.map((r) => r.code))
    // Not stated stays absent: no staff count without a staffing paragraph, no split without one.
    expect(s.staff === undefined).toBe(parsed.value.profile?.staffing === undefined)
    expect(s.basic === undefined).toBe(parsed.value.functionalTree.basic === undefined)
  })

  it('names every figure where a stored summary disagrees', () => {
    const entry = catalogue.datasets[0]!
    const s = summaryOf(entry.id)
    expect(diffSummary({ ...s, total: s.total + 1 }, s)).toEqual([`total: ${s.total + 1} in the catalogue, ${s.total} in the dataset`])
    const noStaff = { ...s }
    delete noStaff.staff
    expect(diffSummary(noStaff, s).join()).toMatch(/^staff\.kind: absent in the catalogue/)
  })
})

describe('the landing', () => {
  const rows = computeLandingRows(catalogue)

  it('lists every dataset, with the district shown only for two or more departments', () => {
    expect(rows).toHaveLength(catalogue.datasets.length)
    expect(hasDistrict(catalogue)).toBe(true)
    expect(hasDistrict({ datasets: catalogue.datasets.slice(0, 1) })).toBe(false)
  })

  it('takes the change as the document states it, and leaves it absent when it states none', () => {
    for (const r of rows) {
      const stated = r.summary?.change
      expect(r.change?.amount).toBe(stated?.amount)
      if (r.change) expect(r.change.source).toBe('stated')
    }
    expect(rows.some((r) => r.change === undefined)).toBe(true)
  })

  it('derives the change from the prior year’s dataset when the document states none', () => {
    const [first] = catalogue.datasets
    const s = summaryOf(first!.id)
    const noChange = { ...s }
    delete noChange.change
    const twoYears: RawCatalogue = {
      ...catalogue,
      datasets: [
        { ...first!, summary: { ...noChange, total: s.total * 2 } },
        { ...first!, id: 'prior', year: first!.year - 1, summary: s },
      ],
    }
    const [current] = computeLandingRows(twoYears)
    expect(current?.change).toEqual({ amount: s.total, source: 'catalogue', percent: 100 })
  })

  it('filters by year, phase and a name in either language', () => {
    const years = new Set(catalogue.datasets.map((d) => d.year))
    for (const year of years) expect(filterLandingRows(rows, { year }).every((r) => r.entry.year === year)).toBe(true)
    const finals = filterLandingRows(rows, { year: 'latest', phase: 'final' })
    expect(finals.length).toBe(catalogue.datasets.filter((d) => d.phase === 'final').length)
    const withEnglish = catalogue.datasets.find((d) => d.department.en)!
    const word = withEnglish.department.en!.split(' ')[0]!.toUpperCase()
    expect(filterLandingRows(rows, { year: 'latest', query: word }).map((r) => r.entry.id)).toContain(withEnglish.id)
    const chinese = catalogue.datasets.at(-1)!.department.zh.slice(-3)
    expect(filterLandingRows(rows, { year: 'latest', query: chinese }).map((r) => r.entry.id)).toContain(catalogue.datasets.at(-1)!.id)
    expect(filterLandingRows(rows, { year: 'latest', query: 'no such department anywhere' })).toEqual([])
  })

  it('keeps each department’s latest dataset by default', () => {
    const [first] = catalogue.datasets
    const older = { ...first!, id: 'older', year: first!.year - 1 }
    const kept = filterLandingRows(computeLandingRows({ ...catalogue, datasets: [older, ...catalogue.datasets] }), { year: 'latest' })
    expect(kept.map((r) => r.entry.id)).not.toContain('older')
    expect(kept).toHaveLength(new Set(catalogue.datasets.map((d) => d.departmentId)).size)
  })

  it.each(['total', 'basic', 'project', 'change', 'year'] as LandingSort[])('sorts by %s either way, "not stated" always last', (key) => {
    const value = (r: (typeof rows)[number]) =>
      key === 'total' ? r.summary?.total : key === 'basic' ? r.summary?.basic : key === 'project' ? r.summary?.project : key === 'change' ? r.change?.amount : r.entry.year
    for (const dir of ['asc', 'desc'] as const) {
      const sorted = sortLandingRows(rows, key, dir, zh, collator).map(value)
      const stated = sorted.filter((x) => x !== undefined)
      expect(sorted.slice(0, stated.length)).toEqual(stated)
      expect([...stated].sort((a, z) => (dir === 'asc' ? a - z : z - a))).toEqual(stated)
    }
  })
})

describe(computeComparison, () => {
  // The four documents compared as if of one year, plus three departments made from the first with
  // its figures scaled: one a hundred times larger stands beyond the upper fence.
  const base = catalogue.datasets[0]!
  const s = summaryOf(base.id)
  const scaled = (k: number, n: number) => ({
    ...base,
    id: `made-${n}`,
    departmentId: `made-${n}`,
    department: { zh: `合成部门 ${n}`, en: `Made department ${n}` },
    summary: { ...s, total: s.total * k, ...(s.basic !== undefined ? { basic: s.basic * k } : {}), ...(s.project !== undefined ? { project: s.project * k } : {}) },
  })
  const district: RawCatalogue = {
    ...catalogue,
    datasets: [...catalogue.datasets.map((d) => ({ ...d, year: 2024, phase: 'budget' as const })), scaled(2, 1), scaled(3, 2), scaled(100, 3)].map((d) => ({ ...d, year: 2024 })),
  }
  const cmp = computeComparison(district, 2024, 'budget')

  it('compares every department of the year and phase', () => {
    expect(cmp.rows).toHaveLength(district.datasets.length)
    expect(computeComparison(district, 2024, 'final').rows).toEqual([])
  })

  it('ranks only the departments that state a figure, and shows the others as not stated', () => {
    for (const metric of ['basicShare', 'staff', 'threePublicPerStaff', 'operatingPerStaff'] as const) {
      const cells = cmp.rows.map((r) => r.cells[metric])
      const unstated = cells.filter((c) => c.value === undefined)
      expect(unstated.every((c) => c.rank === undefined && c.outlier === undefined)).toBe(true)
      const ranks = cells.flatMap((c) => (c.rank === undefined ? [] : [c.rank]))
      expect(ranks.length).toBe(cells.length - unstated.length)
      if (ranks.length) expect(Math.max(...ranks)).toBeLessThanOrEqual(ranks.length)
      // What a rank is out of: the departments stating the figure, never those that do not.
      expect(cmp.stating[metric]).toBe(ranks.length)
    }
    // A document without a basic/project split has no basic share, not 0.
    const unsplit = cmp.rows.find((r) => r.summary?.basic === undefined)
    expect(unsplit?.cells.basicShare).toEqual({})
  })

  it('flags the department beyond the upper fence of totals, with the fences it used', () => {
    const big = cmp.rows.find((r) => r.entry.id === 'made-3')!
    expect(cmp.fences.total).toBeDefined()
    expect(big.cells.total.outlier).toBe('high')
    expect(big.cells.total.value).toBeGreaterThan(cmp.fences.total!.high)
    expect(big.cells.total.rank).toBe(1)
  })

  it('gives a 类’s share only to the departments that publish that 类', () => {
    expect(cmp.classes.length).toBeGreaterThan(1)
    for (const { code } of cmp.classes) {
      const c = computeComparison(district, 2024, 'budget', code)
      expect(c.classCode).toBe(code)
      for (const r of c.rows) expect(r.cells.classShare.value === undefined).toBe(!r.summary?.classes.some((x) => x.code === code))
    }
  })

  it.each(['total', 'basicShare', 'operatingPerStaff', 'mismatch'] as CompareSort[])('sorts by %s with not stated last either way', (key) => {
    for (const dir of ['asc', 'desc'] as const) {
      const values = sortCompareRows(cmp.rows, key, dir, zh, collator).map((r) => r.cells[key as Exclude<CompareSort, 'name'>].value)
      const firstAbsent = values.indexOf(undefined)
      if (firstAbsent >= 0) expect(values.slice(firstAbsent).every((v) => v === undefined)).toBe(true)
    }
  })
})
