import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECK_LABEL_KEYS, computeChecks, type Check } from '@/domain/checks'
import { localize, type Locale } from '@/domain/types'
import { createTestI18n } from '../../helpers/i18n'
import { describeLabel, describeSide, describeSource, type CheckTextContext } from '@/components/checks/checkText'
import { makeDataset } from '../../../fixtures/dataset'
import { toBudget } from '../../helpers/mount'
import { present, readYantian } from '../../helpers/present'
import { numberOf } from '../../helpers/tables'

const REAL = readYantian()

const LOCALES: Locale[] = ['zh-CN', 'en']
const CHECK_SETS: [string, Check[]][] = [
  ['the published dataset', computeChecks(toBudget(REAL))],
  ['the fixture', computeChecks(toBudget(makeDataset()))],
]

/** The label keys the check families can produce (the template ones expanded per 三公 item). */

function message(locale: Locale, path: string): unknown {
  const json = JSON.parse(readFileSync(`src/i18n/locales/${locale}/checks.json`, 'utf8')) as unknown
  return path.split('.').reduce<unknown>((node, p) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined), json)
}

function context(locale: Locale): CheckTextContext {
  const { t } = createTestI18n(locale).global
  return { t: (key, params) => (params ? t(key, params) : t(key)), tx: (text) => (text ? localize(text, locale) : '') }
}

describe('check label messages', () => {
  it.each(CHECK_SETS)('has a message in both languages for every label key the checks of %s use', (_, checks) => {
    const keys = new Set(checks.flatMap((c) => [c.left.label.key, c.right.label.key]))
    for (const key of keys) for (const locale of LOCALES) expect(typeof message(locale, `what.${key}`), `${locale} what.${key}`).toBe('string')
  })

  it('has a message in both languages for every label key a check family may use (CHECK_LABEL_KEYS types them)', () => {
    expect(CHECK_LABEL_KEYS.length).toBeGreaterThan(40)
    for (const key of CHECK_LABEL_KEYS) for (const locale of LOCALES) expect(typeof message(locale, `what.${key}`), `${locale} what.${key}`).toBe('string')
  })
})

describe(describeLabel, () => {
  it.each(LOCALES)('describes every side of every check in %s with no placeholder or "undefined" left', (locale) => {
    const ctx = context(locale)
    for (const [, checks] of CHECK_SETS)
      for (const c of checks)
        for (const side of ['left', 'right'] as const) {
          const { source, label } = describeSide(c, side, ctx)
          expect(source, c.id).not.toBe('')
          expect(label, `${c.id} ${side}`).not.toMatch(/[{}]|undefined|checks\.what/)
          if (locale === 'en') expect(label, `${c.id} ${side}`).not.toMatch(/[\u4e00-\u9fff]/)
        }
  })

  it('names the code and row a check is about', () => {
    const ctx = context('zh-CN')
    const c = CHECK_SETS[0]![1].find((x) => x.id === 'economic.sum.301.total')!
    const economic = present(REAL.economic, 'economic')
    const name = economic.rows.find((r) => r.code === '301')!.name.zh
    expect(describeLabel(c.left.label, c.id, ctx)).toBe(`301 ${name}（支出总计）`)
    expect(describeLabel(c.right.label, c.id, ctx)).toContain(`301 ${name}`)
    expect(describeSource(c.left.ref, ctx)).toBe(`表 ${numberOf(REAL, economic.table)}`)
  })

  it('says what a stated percentage is about, though comparePercent drops the original key', () => {
    const ctx = context('en')
    const checks = CHECK_SETS[0]![1]
    expect(describeLabel(checks.find((c) => c.id === 'percent.income')!.left.label, 'percent.income', ctx)).toContain('budget income')
    const cat = present(REAL.projectExpenditure, 'projectExpenditure').categories[0]!
    const id = `percent.category.${cat.id}`
    expect(describeLabel(checks.find((c) => c.id === id)!.right.label, id, ctx)).toContain(present(cat.name.en, `English name of ${cat.id}`))
    expect(describeSource({ part: 3 }, context('zh-CN'))).toBe('第三部分')
  })
})
