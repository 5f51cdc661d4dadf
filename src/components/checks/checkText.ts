/**
 * Words for a check: where each side stands ("表 8", "第三部分") and what it is
 * ("301 工资福利支出（基本支出）"), from the label keys of `src/domain/checks.ts`.
 */
import type { Check, CheckLabel, SourceRef } from '@/domain/checks'
import type { Text } from '@/domain/types'

/** The translator and data-text picker the words need (from vue-i18n and `useLocale`). */
export interface CheckTextContext {
  t: (key: string, params?: Record<string, string | number>) => string
  tx: (text: Text | undefined) => string
}

/** "表 8" / "Table 8", "第三部分" / "Part 3", or "正文" / "The text"; the table wins when a figure stands in both. */
export function describeSource(ref: SourceRef, ctx: CheckTextContext): string {
  if (ref.table !== undefined) return ctx.t('checks.source.table', { n: ref.table })
  if (ref.part !== undefined) return ctx.t('checks.source.part', { part: ctx.t(`checks.partName.${ref.part}`) })
  if (ref.prose) return ctx.t('checks.source.prose')
  return ''
}

/**
 * What a stated or computed percentage is about. `comparePercent` replaces the label's key, so the
 * subject is read from the check id: "percent.income" → income, "percent.category.x" → the category.
 */
function percentAbout(checkId: string, label: CheckLabel, ctx: CheckTextContext): string {
  const kind = checkId.split('.')[1] ?? ''
  if (kind === 'category') return ctx.t('checks.percentAbout.category', { name: ctx.tx(label.name) })
  if (kind === 'item') return ctx.t('checks.percentAbout.category', { name: `${label.code ?? ''} ${ctx.tx(label.name)}`.trim() })
  return ['income', 'expenditure', 'threePublic'].includes(kind) ? ctx.t(`checks.percentAbout.${kind}`) : ''
}

/** One side's description: "301 工资福利支出 的 9 个下级科目之和（支出总计）". */
export function describeLabel(label: CheckLabel, checkId: string, ctx: CheckTextContext): string {
  const name = ctx.tx(label.name)
  const params: Record<string, string | number> = {
    subject: label.code ? `${label.code} ${name}` : name || ctx.t('checks.unitSubject'),
    name,
    code: label.code ?? '',
    measure: label.measure ? ctx.t(`checks.measure.${label.measure}`) : '',
    count: label.count ?? 0,
    year: label.year ?? '',
    row:
      label.year === undefined
        ? ctx.t('checks.changePrefix')
        : ctx.t(label.basis === 'final' ? 'checks.yearPrefixFinal' : label.basis === 'budget' ? 'checks.yearPrefixBudget' : 'checks.yearPrefix', { year: label.year }),
    about: label.key === 'statedPercent' || label.key === 'computedPercent' ? percentAbout(checkId, label, ctx) : '',
  }
  return ctx.t(`checks.what.${label.key}`, params)
}

/** Both parts of one side, for lists and exports. */
export function describeSide(check: Check, side: 'left' | 'right', ctx: CheckTextContext): { source: string; label: string } {
  const s = check[side]
  return { source: describeSource(s.ref, ctx), label: describeLabel(s.label, check.id, ctx) }
}
