import { computed, nextTick, type ComputedRef } from 'vue'
import type { LocationQuery } from 'vue-router'
import { readText } from './query'

/**
 * How many rows the district's lists show until the reader asks for all: enough to fill a phone's
 * screen and a desktop's, few enough that a sort or filter of 60 departments repaints in one frame.
 */
export const ROW_LIMIT = 20

/** `all=1`: the reader asked for every row. */
export function readAll(query: LocationQuery): boolean {
  return readText(query, 'all') === '1'
}

/**
 * The cut of a list already sorted and filtered over all its rows (the cut comes last; exports take
 * every row), and the action of the "show all" button: every row, with the URL saying so, and focus on
 * the first row that was hidden, so a keyboard or screen-reader reader carries on from where the list stopped.
 */
export function useRowLimit(
  query: ComputedRef<LocationQuery>,
  update: (changes: Record<string, string | number | undefined>) => void,
): { all: ComputedRef<boolean>; cut: <T>(rows: readonly T[]) => readonly T[]; showAll: (listId: string) => Promise<void> } {
  const all = computed(() => readAll(query.value))
  return {
    all,
    cut: (rows) => (all.value || rows.length <= ROW_LIMIT ? rows : rows.slice(0, ROW_LIMIT)),
    showAll: async (listId) => {
      update({ all: '1' })
      await nextTick()
      // Each row of the district's tables and bar list holds one link: its department's.
      document.getElementById(listId)?.querySelectorAll<HTMLElement>('a[href]')[ROW_LIMIT]?.focus()
    },
  }
}
