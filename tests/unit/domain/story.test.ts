import { describe, expect, it } from 'vitest'
import { computeHeadlineTargets, computeStory, type StoryParam, type StorySentence } from '@/domain/story'
import { computeIncomeSources, computeLargestClasses, computeOverview, computeProjectCategories } from '@/domain/derive'
import { computeShare } from '@/domain/format'
import type { RawDataset } from '@/domain/schema'
import { parseDataset } from '@/domain/parse'
import type { Budget } from '@/domain/types'
import { makeDataset } from '../../fixtures/dataset'
import { omit, present } from '../helpers/present'

function toBudget(raw: RawDataset): Budget {
  const result = parseDataset(raw)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

const storyOf = (raw: RawDataset): StorySentence[] => computeStory(toBudget(raw))
const find = (story: StorySentence[], id: StorySentence['id']): StorySentence => {
  const s = story.find((x) => x.id === id)
  if (!s) throw new Error(`no sentence ${id}`)
  return s
}
const listItems = (p: StoryParam | undefined) => (p?.kind === 'list' ? p.items : [])

/** A dataset for a department's first published year: no stated change, no prior-year 三公 row. */
function withoutPriorYear(): RawDataset {
  const raw = makeDataset()
  const expenditure = omit(raw.overview.expenditure, 'change')
  const income = omit(raw.overview.income, 'change')
  return {
    ...raw,
    overview: { ...raw.overview, expenditure, income },
    threePublic: { ...raw.threePublic, years: raw.threePublic.years.filter((y) => y.year === raw.year) },
  }
}

describe(computeStory, () => {
  it('tells how much, what for, what changed and what it should achieve, in that order', () => {
    const story = storyOf(makeDataset())
    expect(story.map((s) => s.id)).toEqual([
      'total',
      'income',
      'split',
      'functional',
      'economic',
      'change',
      'changeReasons',
      'projectLargest',
      'threePublic',
      'threePublicReason',
      'projectChange',
      'projectChangeReason',
      'targets',
    ])
    expect(story.map((s) => s.topic)).toEqual(expect.arrayContaining(['howMuch', 'whatFor', 'changes', 'goals']))
  })

  it('takes the total and the split from the same derivation as the overview', () => {
    const raw = makeDataset()
    const ov = computeOverview(toBudget(raw))
    const story = storyOf(raw)
    expect(find(story, 'total').params.total).toEqual({ kind: 'amount', value: raw.overview.expenditure.amount })
    expect(find(story, 'total').params.year).toEqual({ kind: 'year', value: raw.year })
    const split = find(story, 'split').params
    const basic = present(ov.basic, 'the basic figure of the overview')
    expect(split.basic).toEqual({ kind: 'amount', value: basic.value })
    expect(split.basicShare).toEqual({ kind: 'percent', value: basic.share, stated: false })
    expect(split.project).toEqual({ kind: 'amount', value: raw.functional.unit.project })
  })

  it('changes its sentence when a figure in the data changes', () => {
    const raw = makeDataset()
    const before = find(storyOf(raw), 'total').params.total
    raw.overview.expenditure.amount += 7
    const after = find(storyOf(raw), 'total').params.total
    expect(after).toEqual({ kind: 'amount', value: raw.overview.expenditure.amount })
    expect(after).not.toEqual(before)
  })

  it('names the largest functional and economic 类 with their shares, largest first', () => {
    const raw = makeDataset()
    const budget = toBudget(raw)
    const story = storyOf(raw)
    for (const [id, classification] of [['functional', 'functional'], ['economic', 'economic']] as const) {
      const items = listItems(find(story, id).params.list)
      const expected = computeLargestClasses(budget, classification, 3)
      expect(items.map((i) => i.params.name)).toEqual(expected.map((c) => ({ kind: 'text', text: c.name })))
      expect(items.map((i) => i.params.share)).toEqual(expected.map((c) => ({ kind: 'percent', value: c.share, stated: false })))
      expect(find(story, id).derived).toBe(true)
    }
    // Make the second functional 类 the largest: the list order follows the data.
    const second = raw.functional.rows.filter((r) => r.code.length === 3)[1]!
    second.total = raw.functional.unit.total
    const reordered = listItems(find(storyOf(raw), 'functional').params.list)
    expect(reordered[0]!.params.name).toEqual({ kind: 'text', text: second.name })
  })

  it('states the change with the document’s percent and reasons, and marks a computed percent derived', () => {
    const raw = makeDataset()
    const stated = raw.overview.expenditure.change
    const story = storyOf(raw)
    expect(find(story, 'change').params.change).toEqual({ kind: 'change', value: stated.amount, percent: { value: Math.abs(stated.percent), stated: true } })
    expect(find(story, 'change').derived).toBe(false)
    expect(find(story, 'changeReasons').quotes).toEqual(raw.overview.changeReasons)

    const changeWithoutPercent = omit(stated, 'percent')
    const withoutPercent: RawDataset = { ...raw, overview: { ...raw.overview, expenditure: { ...raw.overview.expenditure, change: changeWithoutPercent } } }
    const computed = find(storyOf(withoutPercent), 'change')
    const prior = raw.overview.expenditure.amount - stated.amount
    expect(computed.params.change).toEqual({ kind: 'change', value: stated.amount, percent: { value: Math.abs((stated.amount / prior) * 100), stated: false } })
    expect(computed.derived).toBe(true)
  })

  it('leaves the change out, never fakes it, when the document states no prior-year figure', () => {
    const raw = withoutPriorYear()
    const story = storyOf(raw)
    const ids = story.map((s) => s.id)
    expect(ids).not.toContain('change')
    expect(ids).not.toContain('changeReasons')
    expect(ids).not.toContain('threePublicReason')
    expect(find(story, 'threePublic').key).toBe('story.threePublic')
    expect(find(story, 'threePublic').params.change).toBeUndefined()
    // Only the project category's own stated change remains.
    const changes = story.filter((s) => Object.values(s.params).some((p) => p.kind === 'change'))
    expect(changes.map((s) => s.id)).toEqual(['projectChange'])
  })

  it('says where the money comes from: all of it from one source, or each source with its share', () => {
    const raw = makeDataset()
    const all = find(storyOf(raw), 'income')
    expect(all.key).toBe('story.incomeAll')
    const source = raw.incomeStatement.lines.find((l) => l.id === 'generalPublicBudget')!
    expect(all.params.source).toEqual({ kind: 'term', term: 'generalPublicBudgetIncome', label: source.name })

    source.amount -= 10
    raw.incomeStatement.lines.push({ id: 'otherIncome', name: { zh: '其他收入', en: 'Other income' }, amount: 10, parent: 'unitFunds' })
    const main = find(storyOf(raw), 'income')
    expect(main.key).toBe('story.incomeMain')
    expect(listItems(main.params.sources).map((i) => i.params.amount)).toEqual([
      { kind: 'amount', value: source.amount },
      { kind: 'amount', value: 10 },
    ])
    expect(main.derived).toBe(true)
  })

  it('names the largest project category and its largest task from table 12', () => {
    const raw = makeDataset()
    const [t1, t2] = raw.performance.tasks
    const category = raw.projectExpenditure.categories[0]!
    const largest = find(storyOf(raw), 'projectLargest')
    expect(largest.params.name).toEqual({ kind: 'text', text: category.name })
    expect(largest.params.share).toEqual({ kind: 'percent', value: computeShare(category.amount, raw.projectExpenditure.amount), stated: false })
    const bigger = t1!.total > t2!.total ? t1! : t2!
    expect(largest.params.task).toEqual({ kind: 'text', text: bigger.name })
    const smaller = bigger === t1 ? t2! : t1!
    smaller.total = bigger.total + 1
    expect(find(storyOf(raw), 'projectLargest').params.task).toEqual({ kind: 'text', text: smaller.name })
  })

  it('quotes 三公经费 with its stated change and reason', () => {
    const raw = makeDataset()
    const story = storyOf(raw)
    const current = raw.threePublic.years.find((y) => y.year === raw.year)!
    expect(find(story, 'threePublic').params.amount).toEqual({ kind: 'amount', value: current.total })
    expect(find(story, 'threePublic').params.change).toEqual({ kind: 'change', value: raw.threePublic.change.total, percent: { value: raw.threePublic.percent!.total, stated: true } })
    expect(find(story, 'threePublicReason').params.reason).toEqual({ kind: 'text', text: raw.threePublic.reasons.total })
  })

  it('lists the headline targets with their written targets in both languages', () => {
    const raw = makeDataset()
    const items = listItems(find(storyOf(raw), 'targets').params.list)
    const targets = computeHeadlineTargets(toBudget(raw))
    expect(items.map((i) => i.params.target)).toEqual(targets.map((t) => ({ kind: 'text', text: { zh: t.target.written, en: t.target.writtenEn } })))
  })
})

describe(computeHeadlineTargets, () => {
  it('takes, for each 一级指标 in order, the first quantitative indicator', () => {
    expect(computeHeadlineTargets(toBudget(makeDataset())).map((i) => i.id)).toEqual(['q01', 'q04'])
  })

  it('follows the data, not fixed ids: a qualitative first indicator is skipped, a new quantitative outcome is picked', () => {
    const raw: RawDataset = makeDataset()
    const performance = present(raw.performance, 'performance')
    const output = performance.dimensions.find((d) => d.level1 === 'output')!
    output.indicators[0]!.target.parsed = { kind: 'qualitative' }
    const social = performance.dimensions.find((d) => d.level2 === 'social')!
    social.indicators.push({ id: 'x9', name: { zh: '新增企业', en: 'New firms' }, target: { written: '≥5 家', writtenEn: '≥ 5 firms', parsed: { kind: 'quantitative', operator: '>=', value: 5, unit: { zh: '家', en: 'firms' } } } })
    expect(computeHeadlineTargets(toBudget(raw)).map((i) => i.id)).toEqual(['x9', 'q04'])
  })

  it('ignores dimensions marked not applicable', () => {
    const raw: RawDataset = makeDataset()
    present(raw.performance, 'performance').dimensions.find((d) => d.level1 === 'satisfaction')!.applicable = false
    expect(computeHeadlineTargets(toBudget(raw)).map((i) => i.id)).toEqual(['q01'])
  })
})

describe(computeProjectCategories, () => {
  it('gives each category its share of project spending and its stated change', () => {
    const raw = makeDataset()
    const [first] = computeProjectCategories(toBudget(raw))
    const category = raw.projectExpenditure.categories[0]!
    expect(first!.share).toBe(computeShare(category.amount, raw.projectExpenditure.amount))
    expect(first!.change.change).toBe(category.change.amount)
    expect(first!.change.prior).toEqual({ value: category.amount - category.change.amount, derived: true })
  })

  it('has no largest task when the category lists none', () => {
    const raw = makeDataset()
    raw.projectExpenditure.categories[0]!.taskIds = []
    expect(computeProjectCategories(toBudget(raw))[0]!.largestTask).toBeUndefined()
    expect(find(storyOf(raw), 'projectLargest').key).toBe('story.projectLargest')
  })
})

describe(computeIncomeSources, () => {
  it('counts only lines without sub-lines and with an amount, so nothing is counted twice', () => {
    const raw = makeDataset()
    const sources = computeIncomeSources(toBudget(raw))
    expect(sources.map((s) => s.id)).toEqual(['generalPublicBudget'])
    expect(sources[0]!.share).toBe(computeShare(sources[0]!.value, raw.incomeStatement.incomeGrandTotal))
  })
})
