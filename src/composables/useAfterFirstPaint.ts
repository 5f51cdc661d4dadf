import { onMounted, ref, type Ref } from 'vue'

/** Resolves after the next frame has been laid out and painted (or on the next task where frames do not run). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0),
  )
}

/**
 * False until the component's first frame has been painted, then true: lets a view render what is
 * below the first screen in a task of its own, so the task that shows the first figures stays short.
 */
export function useAfterFirstPaint(): Ref<boolean> {
  const painted = ref(false)
  onMounted(() => void afterPaint().then(() => (painted.value = true)))
  return painted
}

/**
 * Resolves once the page is idle after its first paint (or after `timeout` ms at the latest): for code
 * that is not needed to show the first figures (the header's tools, the reconciliation checks), so
 * that it neither competes with them for the network nor lengthens the tasks that paint them.
 */
export function whenIdle(timeout = 2000): Promise<void> {
  return afterPaint().then(
    () =>
      new Promise((resolve) =>
        typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout }) : setTimeout(resolve, 200),
      ),
  )
}

/** False until the page is idle after the component's first paint (`whenIdle`), then true. */
export function useWhenIdle(): Ref<boolean> {
  const idle = ref(false)
  onMounted(() => void whenIdle().then(() => (idle.value = true)))
  return idle
}
