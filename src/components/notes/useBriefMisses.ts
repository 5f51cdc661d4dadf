/**
 * The deputy brief's performance section: the indicators the self-evaluation (the actuals file) reports
 * as not met, judged by the same target parser as the scorecard, in the reader's language.
 */
import { computed, type ComputedRef } from 'vue'
import { storeToRefs } from 'pinia'
import { useBudgetStore } from '@/stores/budget'
import { useActualsStore } from '@/stores/actuals'
import { useLocale } from '@/composables/useLocale'
import { computeIndicatorRows, selectMissedIndicators } from '@/domain/performance'
import { useIndicatorText } from '@/components/performance/useIndicatorText'
import type { BriefMisses } from './brief'

/** `undefined` where the dataset sets no indicators; `pending` until a self-evaluation is loaded. */
export function useBriefMisses(): ComputedRef<BriefMisses | undefined> {
  const { budget } = storeToRefs(useBudgetStore())
  const { byIndicator, status, file } = storeToRefs(useActualsStore())
  const { tx } = useLocale()
  const text = useIndicatorText()
  return computed(() => {
    const perf = budget.value?.performance
    if (!perf || !perf.dimensions.some((d) => d.indicators.length)) return undefined
    if (status.value !== 'ready' || !file.value) return { status: 'pending' }
    const rows = selectMissedIndicators(computeIndicatorRows(perf, byIndicator.value))
    return {
      status: 'judged',
      source: tx(file.value.source),
      items: rows.map((r) => ({
        order: r.order,
        name: text.name(r),
        target: text.writtenTarget(r),
        actual: text.actualText(r),
        ...(r.actual?.score ? { score: text.scoreText(r) } : {}),
      })),
    }
  })
}
