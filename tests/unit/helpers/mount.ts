import { vi } from 'vitest'
import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import type { Component } from 'vue'
import { createTestI18n } from './i18n'
import { createAppRouter } from '@/router'
import { installLocaleSync } from '@/router/locale'
import { parseDataset } from '@/domain/parse'
import { ALL_STEPS } from '@/domain/steps'
import type { RawDataset } from '@/domain/schema'
import type { Budget, Locale } from '@/domain/types'
import { useBudgetStore } from '@/stores/budget'
import { afterPaint, whenIdle } from '@/composables/useAfterFirstPaint'

/** A validated budget from a raw fixture; throws with the problems if it is invalid. */
export function toBudget(raw: RawDataset): Budget {
  const result = parseDataset(raw, ALL_STEPS)
  if (!result.ok) throw new Error(result.problem.details.join('\n'))
  return result.value
}

/**
 * Mounts a component as the app would: Pinia, vue-i18n and the router (memory history) at
 * `path` (e.g. '/en/classification?node=201'), with the store already holding `dataset`.
 * Resolves once the first frame is painted, when what views render after it is there too
 * (`useAfterFirstPaint`); `firstFrame: true` resolves before, to see the first frame alone.
 */
export async function mountWithApp(
  component: Component,
  options: { path?: string; dataset?: RawDataset; locale?: Locale; props?: Record<string, unknown>; firstFrame?: boolean } = {},
): Promise<{ wrapper: VueWrapper; router: ReturnType<typeof createAppRouter>; store: ReturnType<typeof useBudgetStore> }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const locale = options.locale ?? 'zh-CN'
  const i18n = createTestI18n(locale)
  const router = createAppRouter(createMemoryHistory())
  installLocaleSync(router, i18n)
  const store = useBudgetStore()
  if (options.dataset) {
    store.budget = toBudget(options.dataset)
    store.status = 'ready'
  }
  await router.push(options.path ?? `/${locale}`)
  await router.isReady()
  const wrapper = mount(component, { props: options.props, global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  await flushPromises()
  if (!options.firstFrame) {
    // The store loads the check families once the page is idle: let that import land, as it does in a browser.
    await whenIdle()
    await vi.dynamicImportSettled()
    await flushPromises()
    await afterPaint()
    await flushPromises()
  }
  return { wrapper, router, store }
}
