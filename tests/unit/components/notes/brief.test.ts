import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildBrief, formatIndicatorMisses, formatMiss, type BriefContext, type BriefMiss } from '@/components/notes/brief'
import { createTestI18n } from '../../helpers/i18n'
import { makeDataset } from '../../../fixtures/dataset'
import type { RawDataset } from '@/domain/schema'

const { t } = createTestI18n('zh-CN').global
const ctx: BriefContext = {
  t: (key, params) => t(key, params ?? {}),
  tx: (x) => x?.zh ?? '',
  amount: (v) => `${v} 万元`,
  signedAmount: (v) => `${v}`,
  percent: (v) => `${v}%`,
  date: (iso) => iso,
}
const md = { h: (level: number, text: string) => [`${'#'.repeat(level)} ${text}`, ''], bullet: (text: string) => `- ${text}` }
/** The fixture's last indicator and the fictional actual that misses it, in the words the notes page passes. */
const indicators = (makeDataset() as RawDataset).performance!.dimensions.flatMap((d) => d.indicators)
const last = indicators[indicators.length - 1]!
const actual = (JSON.parse(readFileSync('tests/fixtures/actuals/test-department-2030.actuals.json', 'utf8')) as { actuals: { indicatorId: string; written: string }[] }).actuals.find(
  (a) => a.indicatorId === last.id,
)!
const miss: BriefMiss = { order: indicators.length, name: last.name.zh, target: last.target.written, actual: actual.written, score: t('performance.actual.score', { points: 1 }) }

describe(formatMiss, () => {
  it('says which indicator, its target and what was achieved, and the score only where there is one', () => {
    const line = formatMiss(miss, ctx)
    for (const part of [String(miss.order), miss.name, miss.target, miss.actual, miss.score!]) expect(line).toContain(part)
    expect(formatMiss({ ...miss, score: undefined }, ctx)).not.toContain(t('notes.missScore', { score: '' }))
  })
})

describe(formatIndicatorMisses, () => {
  it('has no section where the dataset sets no indicators', () => {
    expect(formatIndicatorMisses(undefined, ctx, md.h, md.bullet)).toEqual([])
  })

  it('says all is pending without a self-evaluation, and lists no indicator', () => {
    const lines = formatIndicatorMisses({ status: 'pending' }, ctx, md.h, md.bullet)
    expect(lines.join('\n')).toContain(t('notes.missesPending'))
    expect(lines.some((l) => l.startsWith('- '))).toBe(false)
  })

  it('names its source and lists each miss as a bullet, or says none was missed', () => {
    const lines = formatIndicatorMisses({ status: 'judged', source: '某自评报告', items: [miss] }, ctx, md.h, md.bullet)
    expect(lines[0]).toBe(`## ${t('notes.missesTitle', { n: 1 })}`)
    expect(lines).toContain(t('notes.missesSource', { source: '某自评报告' }))
    expect(lines).toContain(`- ${formatMiss(miss, ctx)}`)
    const none = formatIndicatorMisses({ status: 'judged', source: '某自评报告', items: [] }, ctx, md.h, md.bullet)
    expect(none).toContain(t('notes.missesNone'))
  })
})

describe(buildBrief, () => {
  it('puts the misses before the footer, in Markdown and in plain text', () => {
    for (const format of ['md', 'txt'] as const) {
      const text = buildBrief({ heading: 'h', generatedAt: '2030-01-01T00:00:00.000Z', noted: [], flags: [], misses: { status: 'judged', source: 's', items: [miss] } }, ctx, format)
      const at = text.indexOf(formatMiss(miss, ctx))
      expect(at).toBeGreaterThan(0)
      expect(at).toBeLessThan(text.indexOf(t('notes.briefFooter')))
    }
  })
})
