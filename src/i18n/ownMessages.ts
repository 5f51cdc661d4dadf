/**
 * Messages that travel with the component that shows them: a component loaded on demand (the error
 * panel, the search box, the reading settings) brings its own area of messages in both languages and
 * adds them as it starts, so the first page does not carry them.
 */
import { useI18n } from 'vue-i18n'
import { LOCALES, type Locale } from '@/domain/types'

type Messages = Record<string, unknown>

/** Adds `area`'s messages (one file per language, precompiled) to the app's messages before first render. */
export function useOwnMessages(area: string, byLocale: Record<Locale, Messages>): void {
  const { mergeLocaleMessage } = useI18n({ useScope: 'global' })
  for (const l of LOCALES) mergeLocaleMessage(l, { [area]: byLocale[l] } as never)
}
