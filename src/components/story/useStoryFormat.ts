import { useI18n } from 'vue-i18n'
import type { StoryParam, StoryPercent, StoryPhrase } from '@/domain/story'
import { useLocale } from '@/composables/useLocale'

const TRAILING_PUNCTUATION = /[\s。．.；;，,、]+$/u

/**
 * Turns story parameters into text for the current locale and display unit: amounts follow the
 * reader's unit, shares get one decimal, stated percents keep the document's digits, lists are
 * joined the way the language joins them ("A、B和C" / "A, B, and C"); data text
 * loses its trailing punctuation because the sentence around it brings its own.
 */
export function useStoryFormat(): { format: (p: StoryParam) => string; phrase: (p: StoryPhrase) => string } {
  const { t } = useI18n()
  const { tx, amount, num, pct, locale } = useLocale()

  const percent = (p: StoryPercent): string => (p.stated ? `${num(p.value, 2)}%` : pct(p.value, 1))

  function format(p: StoryParam): string {
    switch (p.kind) {
      case 'amount':
        return amount(p.value)
      case 'percent':
        return percent(p)
      case 'year':
        return String(p.value)
      case 'text':
        // The sentence supplies its own punctuation: "主要是新增公务接待费用" + "。", never "。。".
        return tx(p.text).replace(TRAILING_PUNCTUATION, '')
      case 'term':
        return p.label ? tx(p.label) : t(`terms.${p.term}.label`)
      case 'change': {
        const direction = p.value < 0 ? 'down' : p.value > 0 ? 'up' : 'none'
        const key = `story.changePhrase.${direction}${p.percent && direction !== 'none' ? 'Percent' : ''}`
        return t(key, { amount: amount(Math.abs(p.value)), percent: p.percent ? percent(p.percent) : '' })
      }
      case 'list':
        return new Intl.ListFormat(locale.value, { type: 'conjunction' }).format(p.items.map(phrase))
    }
  }

  function phrase(p: StoryPhrase): string {
    return t(p.key, Object.fromEntries(Object.entries(p.params).map(([name, value]) => [name, format(value)])))
  }

  return { format, phrase }
}
