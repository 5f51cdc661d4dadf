/**
 * How compare components name an item: a UI message for fixed items ("部门预算支出"),
 * the data's own bilingual name for categories and codes ("2011308 招商引资").
 */
import { useI18n } from 'vue-i18n'
import { useLocale } from '@/composables/useLocale'
import type { Text } from '@/domain/types'

/** Something named like a compared item: a compared item, or a line of the series. */
type Labelled = { label: { key: string } | { name: Text; code?: string } }

/** Returns a function naming an item in the current language, optionally without its code. */
export function useItemLabel(): (item: Labelled, withCode?: boolean) => string {
  const { t } = useI18n()
  const { tx } = useLocale()
  return (item, withCode = true) => {
    const label = item.label
    if ('key' in label) return t(`compare.item.${label.key}`)
    return withCode && label.code ? `${label.code} ${tx(label.name)}` : tx(label.name)
  }
}
