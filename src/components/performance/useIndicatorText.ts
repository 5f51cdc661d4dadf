/**
 * How performance components put an indicator into words in the reader's language:
 * "至少 4 次" / "at least 4 times", the actual as written, the dimension's name.
 */
import { useI18n } from 'vue-i18n'
import { useLocale } from '@/composables/useLocale'
import { formatIsoDate, formatQuantity, type IndicatorRow, type Level1Id, type Level2Id, type ParsedTarget } from '@/domain/performance'

const OPERATOR_KEYS = { '>=': 'atLeast', '<=': 'atMost', '=': 'exactly', range: 'range' } as const

/** Text helpers for indicators, bound to the current locale. */
export function useIndicatorText() {
  const { t } = useI18n()
  const { locale, tx, num } = useLocale()

  /** The parsed target in words: "至少 4 次", "between 5 and 7 enterprises", "by 31 December 2023". */
  function targetWords(target: ParsedTarget): string {
    if (target.kind === 'qualitative') return t('performance.words.qualitative')
    if (target.kind === 'deadline') return t('performance.words.deadline', { date: formatIsoDate(target.date, locale.value) })
    const quantity = formatQuantity(target.value, target.unit, locale.value)
    if (target.operator === 'range')
      return t('performance.words.range', { min: num(target.value), max: formatQuantity(target.max ?? target.value, target.unit, locale.value) })
    return t(`performance.words.${OPERATOR_KEYS[target.operator]}`, { quantity })
  }

  /** The target as written, in the reader's language. */
  function writtenTarget(row: IndicatorRow): string {
    return locale.value === 'en' ? (row.writtenEn ?? row.written) : row.written
  }

  /** The actual in the reader's language, or '' when there is none. */
  function actualText(row: IndicatorRow): string {
    const a = row.actual
    if (!a) return ''
    if (locale.value !== 'en') return a.written
    if (a.writtenEn) return a.writtenEn
    if (a.value !== undefined && row.target.kind === 'quantitative') return formatQuantity(a.value, row.target.unit, 'en')
    if (a.date !== undefined) return formatIsoDate(a.date, 'en')
    if (a.achieved !== undefined) return t(a.achieved ? 'performance.actual.achieved' : 'performance.actual.notAchieved')
    return a.written
  }

  /** The self-evaluation's score: "9 分（分值 10）" / "9 of 10 points", or '' when it gives none. */
  function scoreText(row: IndicatorRow): string {
    const s = row.actual?.score
    if (!s) return ''
    return s.outOf === undefined ? t('performance.actual.score', { points: num(s.points, 2) }) : t('performance.actual.scoreOf', { points: num(s.points, 2), outOf: num(s.outOf, 2) })
  }

  return {
    targetWords,
    writtenTarget,
    actualText,
    scoreText,
    kindLabel: (row: IndicatorRow) => t(`performance.kind.${row.target.kind}`),
    level1Label: (id: Level1Id) => t(`performance.level1.${id}`),
    level2Label: (id: Level2Id) => t(`performance.level2.${id}`),
    name: (row: IndicatorRow) => tx(row.name),
  }
}
