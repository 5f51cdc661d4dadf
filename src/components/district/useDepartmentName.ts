import { useLocale } from '@/composables/useLocale'
import { isUntranslated, type Text } from '@/domain/types'

/** A department's name in the reader's language, and `lang="zh-CN"` when the English site shows the untranslated Chinese. */
export function useDepartmentName(): (name: Text) => { text: string; lang: string | undefined } {
  const { tx, locale } = useLocale()
  return (name) => ({ text: tx(name), lang: isUntranslated(name, locale.value) ? 'zh-CN' : undefined })
}
