/**
 * The code glossary store: loads `data/glossary-codes.json` the first time a view asks for it.
 * A missing or invalid file is reported (`status: 'error'`), never thrown: the glossary view then
 * shows the document's own glossary with a notice, and search simply matches no explanations.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { CODE_GLOSSARY_FILE, parseCodeGlossary, type CodeGlossary } from '@/domain/codeGlossary'
import { resolveDataBase, useBudgetStore } from './budget'

export type GlossaryStatus = 'idle' | 'loading' | 'ready' | 'error'

export const useGlossaryStore = defineStore('glossary', () => {
  const status = ref<GlossaryStatus>('idle')
  const glossary = shallowRef<CodeGlossary | null>(null)
  /** What went wrong, one technical line per problem (for the notice's details). */
  const problems = ref<string[]>([])
  let pending: Promise<void> | null = null

  async function fetchGlossary(): Promise<void> {
    status.value = 'loading'
    problems.value = []
    try {
      const base = useBudgetStore().dataBase ?? resolveDataBase()
      const response = await fetch(new URL(CODE_GLOSSARY_FILE, base), { headers: { accept: 'application/json' } })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const parsed = parseCodeGlossary(JSON.parse(await response.text()) as unknown)
      if (!parsed.ok) {
        problems.value = parsed.problem.details
        status.value = 'error'
        return
      }
      glossary.value = parsed.value
      status.value = 'ready'
    } catch (e) {
      problems.value = [String(e)]
      status.value = 'error'
    }
  }

  /** Starts loading once; later calls share the same request. After an error, call `retry`. */
  function ensureLoaded(): Promise<void> {
    if (status.value === 'ready' || status.value === 'error') return Promise.resolve()
    pending ??= fetchGlossary().finally(() => {
      pending = null
    })
    return pending
  }

  /** Tries again after a failure. */
  function retry(): Promise<void> {
    status.value = 'idle'
    return ensureLoaded()
  }

  return { status, glossary, problems, ensureLoaded, retry }
})
