import { describe, expect, it } from 'vitest'
import { listDepartments, opensLanding, resolveEntry, selectEntry } from '@/domain/catalogue'
import { computeDatasetChoices } from '@/domain/datasetChoices'
import { parseCatalogue } from '@/domain/parse'
import type { Catalogue } from '@/domain/types'
import { makeMultiFolder, makeSingleFolder } from '../../fixtures/catalogues'

function catalogueOf(raw: unknown): Catalogue {
  const parsed = parseCatalogue(raw)
  if (!parsed.ok) throw new Error(parsed.problem.details.join('\n'))
  return parsed.value
}

const single = catalogueOf(makeSingleFolder().catalogue)
const multi = catalogueOf(makeMultiFolder().catalogue)
const idOf = (selection: ReturnType<typeof resolveEntry>) => (selection.ok ? selection.entry.id : selection.missing.what)

describe(resolveEntry, () => {
  it.each([
    ['nothing: the latest year of the first department, its budget', {}, 'test-department-2030'],
    ['a department alone: its latest year, budget first', { departmentId: 'other-department' }, 'other-department-2030'],
    ['department and year', { departmentId: 'test-department', year: '2029' }, 'test-department-2029'],
    ['a numeric year', { departmentId: 'test-department', year: 2028 }, 'test-department-2028'],
    ['final accounts', { departmentId: 'test-department', year: '2030', phase: 'final' }, 'test-department-2030-final'],
    ['final accounts without a year: the latest final', { departmentId: 'test-department', phase: 'final' }, 'test-department-2030-final'],
    ['the old dataset id', { id: 'test-department-2029' }, 'test-department-2029'],
  ] as const)('opens %s', (_name, request, id) => {
    expect(idOf(resolveEntry(multi, request))).toBe(id)
  })

  it('names the missing department and offers every department of the catalogue', () => {
    const selection = resolveEntry(multi, { departmentId: 'no-such-department', year: '2030' })
    expect(selection.ok).toBe(false)
    if (selection.ok || selection.missing.what !== 'department') throw new Error('expected a missing department')
    expect(selection.missing.departmentId).toBe('no-such-department')
    expect(selection.missing.departments.map((d) => [d.departmentId, d.latest.id])).toEqual([
      ['test-department', 'test-department-2030'],
      ['other-department', 'other-department-2030'],
    ])
  })

  it.each([
    ['a year it has not', { departmentId: 'other-department', year: '2029' }, '2029', 'budget'],
    ['final accounts it has not', { departmentId: 'test-department', year: '2029', phase: 'final' }, '2029', 'final'],
    ['a year that is no year', { departmentId: 'test-department', year: '20x9' }, '20x9', 'budget'],
    ['a phase that does not exist', { departmentId: 'test-department', year: '2030', phase: 'draft' }, '2030', 'draft'],
  ] as const)('refuses %s, listing what the department has', (_name, request, year, phase) => {
    const selection = resolveEntry(multi, request)
    if (selection.ok || selection.missing.what !== 'year') throw new Error('expected a missing year')
    expect(selection.missing).toMatchObject({ year, phase })
    expect(selection.missing.department.departmentId).toBe(request.departmentId)
    const years = multi.datasets.filter((d) => d.departmentId === request.departmentId).map((d) => d.id)
    expect(selection.missing.department.datasets.map((d) => d.id).sort()).toEqual([...years].sort())
  })

  it('refuses an unknown dataset id instead of opening the default', () => {
    expect(idOf(resolveEntry(single, { id: 'no-such-dataset' }))).toBe('id')
    expect(selectEntry(single, 'no-such-dataset')).toBeUndefined()
    expect(selectEntry(single)?.id).toBe(single.datasets[0]?.id)
  })
})

describe(listDepartments, () => {
  it('lists departments in catalogue order, their datasets latest first and budget before final', () => {
    const [first, second] = listDepartments(multi)
    expect(first?.datasets.map((d) => d.id)).toEqual(['test-department-2030', 'test-department-2030-final', 'test-department-2029', 'test-department-2028'])
    expect(second?.datasets.map((d) => d.id)).toEqual(['other-department-2030'])
  })
})

describe(computeDatasetChoices, () => {
  const entry = (id: string) => {
    const e = multi.datasets.find((d) => d.id === id)
    if (!e) throw new Error(id)
    return e
  }
  const ids = (choices: { entry: { id: string }; current: boolean }[]) => choices.map((c) => `${c.current ? '*' : ''}${c.entry.id}`)

  it('offers nothing to change with one dataset', () => {
    const choices = computeDatasetChoices(single, single.datasets[0]!)
    expect([choices.departments.length, choices.years.length, choices.phases.length]).toEqual([1, 1, 1])
  })

  it('offers the other department, the years and the phases around the 2030 budget', () => {
    const choices = computeDatasetChoices(multi, entry('test-department-2030'))
    expect(ids(choices.departments)).toEqual(['*test-department-2030', 'other-department-2030'])
    expect(ids(choices.years)).toEqual(['*test-department-2030', 'test-department-2029', 'test-department-2028'])
    expect(ids(choices.phases)).toEqual(['*test-department-2030', 'test-department-2030-final'])
  })

  it('keeps the phase when it can, and falls back to what a year or department has', () => {
    const fromFinal = computeDatasetChoices(multi, entry('test-department-2030-final'))
    expect(ids(fromFinal.years)).toEqual(['*test-department-2030-final', 'test-department-2029', 'test-department-2028'])
    expect(ids(fromFinal.departments)).toEqual(['*test-department-2030-final', 'other-department-2030'])
    const fromOld = computeDatasetChoices(multi, entry('test-department-2028'))
    expect(ids(fromOld.departments)).toEqual(['*test-department-2028', 'other-department-2030'])
    expect(ids(fromOld.phases)).toEqual(['*test-department-2028'])
  })
})

describe(opensLanding, () => {
  const other = multi.datasets.at(-1)!
  it.each([
    ['a request naming nothing, several departments', multi, {}, true],
    ['no request at all, several departments', multi, undefined, true],
    ['a year alone, several departments', multi, { year: other.year }, true],
    ['a department, several departments', multi, { departmentId: other.departmentId }, false],
    ['the old dataset id, several departments', multi, { id: other.id }, false],
    ['a request naming nothing, one department', single, {}, false],
  ] as const)('%s → %s', (_name, catalogue, request, expected) => {
    expect(opensLanding(catalogue, request)).toBe(expected)
  })
})
