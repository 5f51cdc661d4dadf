/**
 * The actuals store: when the current catalogue entry names an `actuals` file, fetches it from
 * the data folder, validates it against the loaded dataset and exposes it by indicator. Optional
 * by design: a missing or broken file is reported (status `error`) and every indicator stays
 * pending; it never affects the budget store. States: none (no file listed) | loading | ready | error.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { checkActualsAgainst, computeActualsMap, parseActuals, type ActualsFile, type IndicatorActual } from '@/domain/actuals'
import { resolveDataBase, useBudgetStore } from './budget'

export type ActualsStatus = 'none' | 'loading' | 'ready' | 'error'

/** Why the actuals file could not be used. */
export interface ActualsProblem {
  /** network / http / json: not fetched; schema / structure: not a valid file; mismatch: not for these indicators. */
  kind: 'network' | 'http' | 'json' | 'schema' | 'structure' | 'mismatch'
  /** The file, relative to the data folder. */
  file: string
  status?: number
  /** Technical details, one per line. */
  details: string[]
}

const EMPTY: ReadonlyMap<string, IndicatorActual> = new Map()

export const useActualsStore = defineStore('actuals', () => {
  const budgetStore = useBudgetStore()
  const status = ref<ActualsStatus>('none')
  const file = shallowRef<ActualsFile | null>(null)
  const problem = shallowRef<ActualsProblem | null>(null)
  let generation = 0

  /** The actuals file named by the current catalogue entry, if any. */
  const fileName = computed(() => budgetStore.entry?.actuals)
  /** Actuals by indicator id; empty unless a valid file loaded. */
  const byIndicator = computed(() => (file.value ? computeActualsMap(file.value) : EMPTY))

  function settle(next: { file: ActualsFile } | { problem: ActualsProblem } | null): void {
    file.value = next && 'file' in next ? next.file : null
    problem.value = next && 'problem' in next ? next.problem : null
    status.value = !next ? 'none' : 'file' in next ? 'ready' : 'error'
  }

  async function fetchActuals(name: string): Promise<{ file: ActualsFile } | { problem: ActualsProblem }> {
    const fail = (kind: ActualsProblem['kind'], details: string[], httpStatus?: number) => ({
      problem: { kind, file: name, details, ...(httpStatus !== undefined ? { status: httpStatus } : {}) },
    })
    let response: Response
    try {
      response = await fetch(new URL(name, budgetStore.dataBase ?? resolveDataBase()), { headers: { accept: 'application/json' } })
    } catch (e) {
      return fail('network', [String(e)])
    }
    if (!response.ok) return fail('http', [`HTTP ${response.status}`], response.status)
    let raw: unknown
    try {
      raw = JSON.parse(await response.text())
    } catch (e) {
      return fail('json', [String(e)])
    }
    const parsed = parseActuals(raw)
    if (!parsed.ok) return fail(parsed.problem.kind === 'structure' ? 'structure' : 'schema', parsed.problem.details)
    const budget = budgetStore.budget
    const mismatches = !budget ? ['no dataset loaded'] : budget.performance ? checkActualsAgainst(parsed.value, budget.id, budget.performance) : ['the dataset has no performance table']
    return mismatches.length ? fail('mismatch', mismatches) : { file: parsed.value }
  }

  /** (Re)loads the actuals of the current dataset; safe to call at any time. */
  async function load(): Promise<void> {
    const mine = ++generation
    const name = fileName.value
    if (!name || !budgetStore.budget) return settle(null)
    status.value = 'loading'
    file.value = null
    problem.value = null
    const result = await fetchActuals(name)
    if (mine === generation) settle(result)
  }

  watch([fileName, () => budgetStore.budget], () => void load(), { immediate: true })

  return { status, file, problem, fileName, byIndicator, load }
})
