/**
 * Words for noted and flagged items, shared by the notes view and the downloadable brief
 * (Markdown or plain text). Labels and number formats come in through `BriefContext`, so this
 * file never calls vue-i18n itself and the brief reads exactly like the page.
 */
import { decimalsOf } from '@/domain/numeric'
import { describeSide } from '@/components/checks/checkText'
import type { FlaggedItem, ItemDetails, ItemFigure } from '@/domain/flags'
import { CHANGE_THRESHOLD_PERCENT, FLAG_REASONS } from '@/domain/flags'
import type { Note } from '@/domain/notes'
import { EXECUTION_FLAG_PERCENT, RATE_DECIMALS, type ExecutionRow } from '@/domain/execution'
import type { Text } from '@/domain/types'

/** Translation and formatting, bound to the reader's language and unit. */
export interface BriefContext {
  t: (key: string, params?: Record<string, string | number>) => string
  tx: (text: Text | undefined) => string
  /** "2,211 万元" */
  amount: (value: number) => string
  /** "+82" (in the display unit, with the unit) */
  signedAmount: (value: number) => string
  /** "−14%" */
  percent: (value: number, decimals: number) => string
  /** "2023-03-01 09:30" */
  date: (iso: string) => string
}

/** "30227 委托业务费", "公务接待费", "数据核对：表 8 301 工资福利支出（支出总计）". */
export function formatItemTitle(d: ItemDetails, ctx: BriefContext): string {
  const name = d.name ? ctx.tx(d.name) : ''
  if (d.check) {
    const left = describeSide(d.check, 'left', ctx)
    return ctx.t('notes.checkTitle', { what: `${left.source} ${left.label}` })
  }
  if (d.labelKey) return ctx.t(d.labelKey)
  if (!d.found) return ctx.t('notes.missingItem', { kind: ctx.t(`notes.kind.${d.ref.kind}`), key: d.ref.key })
  return [d.code, name].filter(Boolean).join(' ')
}

/** A figure's label: "2023 年合计", "增减"; a check's sides say what they are: "表 8 4 个类之和（支出总计）". */
export function formatFigureLabel(d: ItemDetails, f: ItemFigure, ctx: BriefContext): string {
  if (d.check && (f.name === 'left' || f.name === 'right')) {
    const side = describeSide(d.check, f.name, ctx)
    return `${side.source} ${side.label}`
  }
  return ctx.t(`notes.figure.${f.name}`, f.year !== undefined ? { year: f.year } : {})
}

/** "2022 年 (推算): 35 万元", "增减: −5 万元". */
export function formatFigure(d: ItemDetails, f: ItemFigure, ctx: BriefContext): string {
  const value = f.signed ? ctx.signedAmount(f.value) : ctx.amount(f.value)
  return `${formatFigureLabel(d, f, ctx)}${f.derived ? ` (${ctx.t('app.derived')})` : ''}: ${value}`
}

/** The % line of an item: "变化率：−14%（文件所列）" / "−16.0% (computed by this site)". */
export function formatItemPercent(d: ItemDetails, ctx: BriefContext): string | undefined {
  if (!d.percent) return undefined
  const value = ctx.percent(d.percent.value, d.percent.stated ? decimalsOf(d.percent.value) : 1)
  return ctx.t(d.percent.stated ? 'notes.percentStated' : 'notes.percentComputed', { percent: value })
}

/** Every fact line of an item, in display order. */
export function formatItemLines(d: ItemDetails, ctx: BriefContext): string[] {
  const lines = d.figures.map((f) => formatFigure(d, f, ctx))
  const percent = formatItemPercent(d, ctx)
  if (percent) lines.push(percent)
  if (d.target) lines.push(`${ctx.t('notes.target')}: ${ctx.tx(d.target)}`)
  if (d.verdict) lines.push(`${ctx.t('notes.verdictLabel')}: ${ctx.t(`notes.verdict.${d.verdict}`)}`)
  if (d.reason) lines.push(`${ctx.t('notes.reason')}: ${ctx.tx(d.reason)}`)
  return lines
}

/** What the brief is made of. */
export interface BriefInput {
  /** "深圳市盐田区投资推广和企业服务中心 · 2023 年部门预算" */
  heading: string
  generatedAt: string
  noted: { note: Note; details: ItemDetails }[]
  flags: FlaggedItem[]
  /** Planned against spent, when the department's final accounts of the year are in the catalogue (or shown). */
  execution?: BriefExecution
  /** The performance indicators not met; absent where the dataset sets no indicators. */
  misses?: BriefMisses
}

/** The execution rows the brief lists: those ≥ 10 % off their budget (or spent without one). */
export interface BriefExecution {
  flagged: ExecutionRow[]
  /** true when the budget figures are the final accounts' own stated 年初预算 (no budget document). */
  stated: boolean
}

/** The facts of one flagged execution row: "预算 1,560.05 万元；决算 …；差额 …；执行率 96.91%", its mark and reason. */
export function formatExecutionLines(r: ExecutionRow, ctx: BriefContext): string[] {
  const figure = (x: number | undefined) => (x === undefined ? ctx.t('units.notStated') : ctx.amount(x))
  const lines = [
    ctx.t('execution.brief.line', {
      budget: figure(r.budget),
      actual: figure(r.actual),
      difference: r.difference === undefined ? ctx.t('units.notStated') : ctx.signedAmount(r.difference),
      rate: r.rate === undefined ? ctx.t('units.notStated') : ctx.percent(r.rate, RATE_DECIMALS).replace(/^\+/, ''),
    }),
  ]
  if (r.flag) lines.push(ctx.t(`execution.flag.${r.flag}`, { threshold: EXECUTION_FLAG_PERCENT }))
  if (r.reason) lines.push(`${ctx.t('notes.reason')}: ${ctx.tx(r.reason)}`)
  return lines
}

/** The brief as Markdown (`md`) or plain text (`txt`): the reader's notes, then the flagged items by reason. */
export function buildBrief(input: BriefInput, ctx: BriefContext, format: 'md' | 'txt'): string {
  const md = format === 'md'
  const h = (level: number, text: string): string[] => (md ? [`${'#'.repeat(level)} ${text}`, ''] : [text, level === 1 ? '='.repeat(20) : '-'.repeat(12), ''])
  const bullet = (text: string, depth = 0): string => `${'  '.repeat(depth)}${md ? '- ' : '* '}${text}`
  const out: string[] = [...h(1, ctx.t('notes.briefTitle')), input.heading, ctx.t('notes.generatedAt', { date: ctx.date(input.generatedAt) }), '']
  out.push(...h(2, ctx.t('notes.yourNotes', { n: input.noted.length })))
  if (!input.noted.length) out.push(ctx.t('notes.noNotes'), '')
  for (const { note, details } of input.noted) {
    out.push(...h(3, formatItemTitle(details, ctx)))
    for (const line of formatItemLines(details, ctx)) out.push(bullet(line))
    if (note.text.trim()) out.push('', ...note.text.trim().split('\n').map((l) => (md ? `> ${l}` : `  ${l}`)))
    out.push('', ctx.t('notes.updatedAt', { date: ctx.date(note.updatedAt) }), '')
  }
  out.push(...h(2, ctx.t('notes.flaggedTitle')), ctx.t('notes.flaggedIntro', { threshold: CHANGE_THRESHOLD_PERCENT }), '')
  for (const reason of FLAG_REASONS) {
    const items = input.flags.filter((f) => f.reasons.includes(reason))
    out.push(...h(3, `${ctx.t(`notes.flagReason.${reason}`, { threshold: CHANGE_THRESHOLD_PERCENT })} (${items.length})`))
    if (!items.length) out.push(ctx.t('notes.noneFlagged'), '')
    for (const f of items) {
      out.push(bullet(formatItemTitle(f.details, ctx)))
      for (const line of formatItemLines(f.details, ctx)) out.push(bullet(line, 1))
    }
    if (items.length) out.push('')
  }
  if (input.execution) {
    const e = input.execution
    out.push(...h(2, ctx.t('execution.brief.title', { threshold: EXECUTION_FLAG_PERCENT })))
    if (e.stated) out.push(ctx.t('execution.brief.stated'), '')
    if (!e.flagged.length) out.push(ctx.t('execution.brief.none', { threshold: EXECUTION_FLAG_PERCENT }), '')
    for (const r of e.flagged) {
      out.push(bullet(`${r.code} ${ctx.tx(r.name)}`))
      for (const line of formatExecutionLines(r, ctx)) out.push(bullet(line, 1))
    }
    if (e.flagged.length) out.push('')
  }
  out.push(...formatIndicatorMisses(input.misses, ctx, h, bullet))
  out.push(ctx.t('notes.briefFooter'), '')
  return out.join('\n')
}

/** One indicator not met, its words in the reader's language: the written target and the self-evaluation's actual and score. */
export interface BriefMiss {
  /** Position in the performance table, from 1. */
  order: number
  name: string
  /** The target as written: "≥4 次". */
  target: string
  /** The achieved value as the self-evaluation writes it: "2 次". */
  actual: string
  /** "5 分（分值 10）", where the self-evaluation scores it. */
  score?: string
}

/** The brief's performance section: `pending` without a self-evaluation, else the misses it reports and its source. */
export type BriefMisses = { status: 'pending' } | { status: 'judged'; source: string; items: BriefMiss[] }

/** "第 4 项 招商活动：目标 ≥4 次，实际 2 次，得分 5 分（分值 10）". */
export function formatMiss(m: BriefMiss, ctx: BriefContext): string {
  const line = ctx.t('notes.miss', { n: m.order, name: m.name, target: m.target, actual: m.actual })
  return m.score ? `${line}${ctx.t('notes.missScore', { score: m.score })}` : line
}

/** The brief's section on performance indicators not met (none where the dataset sets no indicators). */
export function formatIndicatorMisses(
  misses: BriefMisses | undefined,
  ctx: BriefContext,
  h: (level: number, text: string) => string[],
  bullet: (text: string, depth?: number) => string,
): string[] {
  if (!misses) return []
  if (misses.status === 'pending') return [...h(2, ctx.t('notes.missesTitle', { n: 0 })), ctx.t('notes.missesPending'), '']
  const out = [...h(2, ctx.t('notes.missesTitle', { n: misses.items.length })), ctx.t('notes.missesSource', { source: misses.source }), '']
  if (!misses.items.length) return [...out, ctx.t('notes.missesNone'), '']
  return [...out, ...misses.items.map((m) => bullet(formatMiss(m, ctx))), '']
}
