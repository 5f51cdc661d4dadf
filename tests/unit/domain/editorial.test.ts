import { describe, expect, it } from 'vitest'
import { editorialNotesAt, findUnknownEditorialPaths } from '@/domain/editorial'
import { parseDataset } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import { makeDataset } from '../../fixtures/dataset'
import { present, readYantian } from '../helpers/present'

const note = (zh: string, en: string) => ({ zh, en })

/** The fixture with one note of each path form. */
function withNotes(): RawDataset {
  const raw: RawDataset = makeDataset()
  raw.editorial = {
    sic: [
      { path: 'source.title', note: note('标题空格', 'Title spaces') },
      { path: 'performance.goals.0', note: note('脱字', 'Missing character') },
    ],
    ourReading: [
      { path: 'projectExpenditure.categories.taskIds', note: note('对应关系', 'Mapping') },
      { path: 'performance.indicators.q03', note: note('层级', 'Level') },
    ],
  }
  return raw
}

describe(editorialNotesAt, () => {
  it('finds a note by field, by index and by indicator id, with its kind', () => {
    const raw = withNotes()
    expect(editorialNotesAt(raw, 'source.title')).toEqual([{ kind: 'sic', path: 'source.title', note: note('标题空格', 'Title spaces') }])
    expect(editorialNotesAt(raw, 'performance.goals.0').map((n) => n.note.en)).toEqual(['Missing character'])
    expect(editorialNotesAt(raw, 'performance.indicators.q03').map((n) => n.kind)).toEqual(['ourReading'])
  })

  it('applies a note on a field of every entry to each entry’s field', () => {
    const raw = withNotes()
    expect(editorialNotesAt(raw, 'projectExpenditure.categories.taskIds').map((n) => n.note.en)).toEqual(['Mapping'])
    expect(editorialNotesAt(raw, 'projectExpenditure.categories.investmentPromotion.taskIds').map((n) => n.note.en)).toEqual(['Mapping'])
    expect(editorialNotesAt(raw, 'projectExpenditure.categories.0.taskIds').map((n) => n.note.en)).toEqual(['Mapping'])
  })

  it('finds nothing at other paths, of the other kind, or when the data has no notes', () => {
    const raw = withNotes()
    expect(editorialNotesAt(raw, 'performance.goals.1')).toEqual([])
    expect(editorialNotesAt(raw, 'performance.indicators.q04')).toEqual([])
    expect(editorialNotesAt(raw, 'source')).toEqual([])
    expect(editorialNotesAt(raw, 'source.title', 'ourReading')).toEqual([])
    const withoutNotes: RawDataset = makeDataset()
    expect(withoutNotes.editorial).toBeUndefined()
    expect(editorialNotesAt(withoutNotes, 'source.title')).toEqual([])
  })
})

describe(findUnknownEditorialPaths, () => {
  it('accepts every path form that names something', () => {
    expect(findUnknownEditorialPaths(withNotes())).toEqual([])
  })

  it.each(['performance.goals.9', 'performance.indicators.q99', 'source.subtitle', 'projectExpenditure.categories.owner'])(
    'reports %s, which names nothing (validate-data refuses the file; the app simply shows no note)',
    (path) => {
      const raw = withNotes()
      present(raw.editorial, 'editorial').sic.push({ path, note: note('错', 'Wrong') })
      expect(findUnknownEditorialPaths(raw)).toEqual([path])
      expect(parseDataset(raw).ok).toBe(true)
    },
  )

  it('the shipped dataset marks the three source defects and the two kinds of our reading the review names', () => {
    const raw = readYantian()
    const performance = present(raw.performance, 'performance')
    const categories = present(raw.projectExpenditure, 'projectExpenditure').categories
    expect(findUnknownEditorialPaths(raw)).toEqual([])
    const sic = (p: string) => editorialNotesAt(raw, p, 'sic').length
    const ours = (p: string) => editorialNotesAt(raw, p, 'ourReading').length
    // Each defect is there in the text, verbatim, where its note says.
    expect(raw.source.title.zh).toMatch(/企业 服务中心 部门预算/)
    expect(sic('source.title')).toBe(1)
    expect(performance.goals[6]!.zh.startsWith('展非公党建工作')).toBe(true)
    expect(sic('performance.goals.6')).toBe(1)
    expect(present(raw.operatingCosts?.change?.reason, 'the reason for the change in operating costs').zh).toMatch(/。。$/)
    expect(sic('operatingCosts.change.reason')).toBe(1)
    for (const c of categories) expect(ours(`projectExpenditure.categories.${c.id}.taskIds`), c.id).toBe(1)
    const indicators = performance.dimensions.flatMap((d) => d.indicators)
    const marked = indicators.filter((i) => ours(`performance.indicators.${i.id}`)).map((i) => i.name.zh)
    expect(marked).toEqual(['举办“2023 盐田区招商大会”', '工作人员满意度'])
  })
})
