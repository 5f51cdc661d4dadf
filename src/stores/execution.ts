/**
 * The execution store: the second document of a department's year — the final accounts beside a
 * budget, or the budget beside final accounts — loaded by its catalogue entry through the budget
 * store's fetch and parse path, without changing the dataset shown. Imported only by lazily loaded
 * code (the execution view, the story's execution topic, the notes view), never by the first page.
 * States: none (the catalogue holds no such document) | loading | ready | error (retry with `load`).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { computeExecution, computeStatedPriorExecution, selectExecutionEntries } from '@/domain/execution'
import type { Budget, CatalogueEntry } from '@/domain/types'
import { useBudgetStore, type LoadError } from './budget'

export type CounterpartStatus = 'none' | 'loading' | 'ready' | 'error'

export const useExecutionStore = defineStore('execution', () => {
  const budgetStore = useBudgetStore()
  const status = ref<CounterpartStatus>('none')
  const counterpart = shallowRef<Budget | null>(null)
  const error = shallowRef<LoadError | null>(null)
  let generation = 0

  /** The department's budget and final accounts of the shown dataset's year, as the catalogue lists them. */
  const entries = computed(() => {
    const b = budgetStore.budget
    const cat = budgetStore.catalogue
    return b && cat ? selectExecutionEntries(cat.datasets, b.departmentId, b.year) : {}
  })
  /** The other phase's entry of the same department and year, if the catalogue holds one. */
  const counterpartEntry = computed<CatalogueEntry | undefined>(() => {
    const b = budgetStore.budget
    if (!b) return undefined
    return b.phase === 'budget' ? entries.value.final : entries.value.budget
  })
  const budgetSide = computed(() => {
    const b = budgetStore.budget
    if (!b) return undefined
    return b.phase === 'budget' ? b : (counterpart.value ?? undefined)
  })
  const finalSide = computed(() => {
    const b = budgetStore.budget
    if (!b) return undefined
    return b.phase === 'final' ? b : (counterpart.value ?? undefined)
  })
  /** Planned against spent; undefined while the second document loads, or when there is nothing to compare. */
  const execution = computed(() => (status.value === 'loading' ? undefined : computeExecution(budgetSide.value, finalSide.value)))
  /** The shown budget's own statement of the prior year's execution (Shanghai budgets). */
  const priorExecution = computed(() => (budgetStore.budget ? computeStatedPriorExecution(budgetStore.budget) : []))

  /** (Re)loads the counterpart of the shown dataset; safe to call at any time (the retry button calls it). */
  async function load(): Promise<void> {
    const mine = ++generation
    const entry = counterpartEntry.value
    counterpart.value = null
    error.value = null
    if (!entry) {
      status.value = 'none'
      return
    }
    status.value = 'loading'
    const result = await budgetStore.loadEntry(entry)
    if (mine !== generation) return
    if (result.ok) {
      counterpart.value = result.budget
      status.value = 'ready'
    } else {
      error.value = result.error
      status.value = 'error'
    }
  }

  watch([counterpartEntry, () => budgetStore.budget], () => void load(), { immediate: true })

  return { status, counterpart, error, entries, counterpartEntry, budgetSide, finalSide, execution, priorExecution, load }
})
