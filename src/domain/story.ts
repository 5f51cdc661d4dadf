/**
 * The budget as a short, true story for the public. `computeStory` returns structured sentences —
 * a message key (`story.*`) and typed parameters — computed from the data through the same
 * derivations as the rest of the app (`derive.ts`). It writes no figure and no word itself: the
 * component formats the parameters and vue-i18n supplies the words, so both languages tell the
 * same story and a changed figure in the data changes the sentence.
 */
import { EDITORIAL_PATHS } from './editorialPaths'
import { computeIncomeSources, computeLargestClasses, computeOverview, computeProjectCategories, type YearChange } from './derive'
import { LEVEL1_IDS } from './schema'
import type { Budget, Text } from './types'

/** The story's paragraphs, in reading order. */
export const STORY_TOPICS = ['howMuch', 'whatFor', 'changes', 'goals'] as const
export type StoryTopic = (typeof STORY_TOPICS)[number]

/** Technical terms the story explains in place (a subset of the site's term list). */
export const STORY_TERM_IDS = [
  'basicExpenditure',
  'projectExpenditure',
  'functionalClassification',
  'economicClassification',
  'threePublic',
  'performanceTargets',
  'generalPublicBudgetIncome',
] as const
export type StoryTermId = (typeof STORY_TERM_IDS)[number]

/** A percentage: a share this site computed, or a change percent as the document states it. */
export interface StoryPercent {
  value: number
  /** true: the document's own (rounded) figure; false: computed by this site (labelled derived). */
  stated: boolean
}

/** A parameter of a story message; the component formats it for the current locale and unit. */
export type StoryParam =
  | { kind: 'amount'; value: number }
  | ({ kind: 'percent' } & StoryPercent)
  | { kind: 'year'; value: number }
  | { kind: 'text'; text: Text }
  /** A change, rendered with its direction in words: "减少 163 万元（下降 7%）". */
  | { kind: 'change'; value: number; percent?: StoryPercent }
  /** A technical term with its explanation; `label` is data text naming it, else the site's label. */
  | { kind: 'term'; term: StoryTermId; label?: Text }
  /** A list of phrases joined the way the locale joins lists ("A、B和C", "A, B and C"). */
  | { kind: 'list'; items: StoryPhrase[] }

/** A message key with its parameters. */
export interface StoryPhrase {
  key: string
  params: Record<string, StoryParam>
}

export const STORY_SENTENCE_IDS = [
  'total',
  'income',
  'split',
  'functional',
  'economic',
  'projectLargest',
  'threePublic',
  'threePublicReason',
  'change',
  'changeReasons',
  'projectChange',
  'projectChangeReason',
  'targets',
] as const
export type StorySentenceId = (typeof STORY_SENTENCE_IDS)[number]

/** One sentence of the story. */
export interface StorySentence extends StoryPhrase {
  id: StorySentenceId
  topic: StoryTopic
  /** true when a figure in it was computed by this site (a share, a percent the document does not state). */
  derived: boolean
  /** Passages quoted from the document under the sentence (the stated reasons), in order. */
  quotes?: Text[]
  /** The dataset path of what the sentence rests on, when the data may carry an editorial note on it (see `editorial.ts`). */
  editorial?: string
}

/** How many 类 the "what for" sentences name. */
export const STORY_CLASS_COUNT = 3
/** How many headline targets the story names at most. */
export const STORY_TARGET_COUNT = 3

type Indicator = NonNullable<Budget['performance']>['dimensions'][number]['indicators'][number]

/**
 * The headline targets, by rule: for each 一级指标 in the table's order (产出, 效益, 满意度), the first
 * indicator, in published order, whose target is quantitative ("≥4 次", "≥90%"). A 一级指标 with no
 * quantitative target gives none. At most `STORY_TARGET_COUNT`.
 */
export function computeHeadlineTargets(b: Budget): Indicator[] {
  const out: Indicator[] = []
  for (const level1 of LEVEL1_IDS) {
    const first = (b.performance?.dimensions ?? [])
      .filter((d) => d.level1 === level1 && d.applicable)
      .flatMap((d) => d.indicators)
      .find((i) => i.target.parsed.kind === 'quantitative')
    if (first) out.push(first)
  }
  return out.slice(0, STORY_TARGET_COUNT)
}

/** true when any figure in the parameters is this site's computation rather than the document's. */
function hasDerived(params: Record<string, StoryParam>): boolean {
  return Object.values(params).some((p) => {
    if (p.kind === 'percent') return !p.stated
    if (p.kind === 'change') return p.percent ? !p.percent.stated : false
    if (p.kind === 'list') return p.items.some((i) => hasDerived(i.params))
    return false
  })
}

function sentence(id: StorySentenceId, topic: StoryTopic, key: string, params: Record<string, StoryParam>, quotes?: Text[]): StorySentence {
  return { id, topic, key, params, derived: hasDerived(params), ...(quotes?.length ? { quotes } : {}) }
}

const share = (value: number): StoryParam => ({ kind: 'percent', value, stated: false })
const amount = (value: number): StoryParam => ({ kind: 'amount', value })
const text = (t: Text): StoryParam => ({ kind: 'text', text: t })

/** A change parameter: the stated percent when the document gives one, else the computed one (derived). */
function change(c: YearChange & { change: number }): StoryParam {
  const percent: StoryPercent | undefined =
    c.statedPercent !== undefined
      ? { value: Math.abs(c.statedPercent), stated: true }
      : c.computedPercent !== undefined && Number.isFinite(c.computedPercent)
        ? { value: Math.abs(c.computedPercent), stated: false }
        : undefined
  return { kind: 'change', value: c.change, ...(percent ? { percent } : {}) }
}

/** The largest 类 of a classification as list items "一般公共服务支出（1,698 万元，占 76.8%）". */
function classList(b: Budget, classification: 'functional' | 'economic'): StoryParam {
  return {
    kind: 'list',
    items: computeLargestClasses(b, classification, STORY_CLASS_COUNT).map((c) => ({
      key: 'story.classItem',
      params: { name: text(c.name), amount: amount(c.value), share: share(c.share) },
    })),
  }
}

/** Where the money comes from: "all from X" when one source covers 收入总计, else the sources with shares. */
function incomeSentence(b: Budget): StorySentence | undefined {
  const sources = computeIncomeSources(b)
  const [first] = sources
  if (!first) return undefined
  const label = (s: (typeof sources)[number]): StoryParam =>
    s.id === 'generalPublicBudget' ? { kind: 'term', term: 'generalPublicBudgetIncome', label: s.name } : text(s.name)
  const whole = b.incomeStatement?.incomeGrandTotal ?? b.incomeStatement?.currentYearIncome
  if (sources.length === 1 && first.value === whole) return sentence('income', 'howMuch', 'story.incomeAll', { source: label(first) })
  return sentence('income', 'howMuch', 'story.incomeMain', {
    sources: { kind: 'list', items: sources.map((s) => ({ key: 'story.sourceItem', params: { name: text(s.name), amount: amount(s.value), share: share(s.share) } })) },
  })
}

function projectSentences(b: Budget, priorYear: number): StorySentence[] {
  const categories = computeProjectCategories(b)
  const out: StorySentence[] = []
  const largest = [...categories].sort((a, z) => z.amount - a.amount)[0]
  if (largest) {
    const params: Record<string, StoryParam> = { name: text(largest.name), amount: amount(largest.amount), share: share(largest.share) }
    out.push(
      largest.largestTask
        ? {
            ...sentence('projectLargest', 'whatFor', 'story.projectLargestTask', { ...params, task: text(largest.largestTask.name), taskAmount: amount(largest.largestTask.total) }),
            // "Its largest task" rests on the category ↔ task mapping.
            editorial: EDITORIAL_PATHS.categoryTasks(largest.id),
          }
        : sentence('projectLargest', 'whatFor', 'story.projectLargest', params),
    )
  }
  // The category whose stated change is largest in size: the biggest shift inside project spending.
  const moved = categories
    .filter((c) => c.change.change !== undefined && c.change.change !== 0)
    .sort((a, z) => Math.abs(z.change.change ?? 0) - Math.abs(a.change.change ?? 0))[0]
  if (moved && moved.change.change !== undefined) {
    out.push(sentence('projectChange', 'changes', 'story.projectChange', { name: text(moved.name), year: { kind: 'year', value: priorYear }, change: change({ ...moved.change, change: moved.change.change }) }))
    if (moved.change.reason) out.push(sentence('projectChangeReason', 'changes', 'story.projectChangeReason', { reason: text(moved.change.reason) }))
  }
  return out
}

/**
 * The story of a budget, sentence by sentence, grouped by `topic`: how much and where from; what
 * for (basic/project split, largest functional and economic 类, largest project category, 三公经费);
 * what changed and why (only when the document states a prior-year change — never faked);
 * headline targets (see `computeHeadlineTargets`).
 */
export function computeStory(b: Budget): StorySentence[] {
  const ov = computeOverview(b)
  const year: StoryParam = { kind: 'year', value: ov.year }
  const priorYear: StoryParam = { kind: 'year', value: ov.priorYear }
  const totalKey = b.phase === 'final' ? 'story.totalFinal' : 'story.total'
  const out: StorySentence[] = [sentence('total', 'howMuch', totalKey, { year, department: text(b.department), total: amount(ov.expenditure.current) })]
  const income = incomeSentence(b)
  if (income) out.push(income)
  if (ov.basic && ov.project)
    out.push(
      sentence('split', 'howMuch', 'story.split', {
        basic: amount(ov.basic.value),
        basicShare: share(ov.basic.share),
        basicTerm: { kind: 'term', term: 'basicExpenditure' },
        project: amount(ov.project.value),
        projectShare: share(ov.project.share),
        projectTerm: { kind: 'term', term: 'projectExpenditure' },
      }),
    )
  out.push(sentence('functional', 'whatFor', 'story.functional', { term: { kind: 'term', term: 'functionalClassification' }, list: classList(b, 'functional') }))
  if (b.economicTree)
    out.push(
      sentence('economic', 'whatFor', b.economic?.scope === 'basic' ? 'story.economicBasic' : 'story.economic', {
        term: { kind: 'term', term: 'economicClassification' },
        list: classList(b, 'economic'),
      }),
    )
  const exp = ov.expenditure
  if (exp.change !== undefined) {
    out.push(sentence('change', 'changes', 'story.change', { year: priorYear, change: change({ ...exp, change: exp.change }) }))
    if (ov.changeReasons.length) out.push(sentence('changeReasons', 'changes', 'story.changeReasons', {}, ov.changeReasons))
  }
  const projects = projectSentences(b, ov.priorYear)
  out.push(...projects.filter((s) => s.topic === 'whatFor'))
  const tp = ov.threePublic
  if (tp) {
    const term: StoryParam = { kind: 'term', term: 'threePublic' }
    if (tp.change !== undefined) {
      out.push(sentence('threePublic', 'whatFor', 'story.threePublicChange', { term, amount: amount(tp.current), year: priorYear, change: change({ ...tp, change: tp.change }) }))
      if (tp.reason) out.push(sentence('threePublicReason', 'whatFor', 'story.threePublicReason', { reason: text(tp.reason) }))
    } else out.push(sentence('threePublic', 'whatFor', 'story.threePublic', { term, amount: amount(tp.current) }))
  }
  out.push(...projects.filter((s) => s.topic === 'changes'))
  const targets = computeHeadlineTargets(b)
  if (targets.length)
    out.push(
      sentence('targets', 'goals', 'story.targets', {
        term: { kind: 'term', term: 'performanceTargets' },
        list: {
          kind: 'list',
          items: targets.map((i) => ({
            key: 'story.targetItem',
            params: { name: text(i.name), target: text(i.target.writtenEn ? { zh: i.target.written, en: i.target.writtenEn } : { zh: i.target.written }) },
          })),
        },
      }),
    )
  return out
}
