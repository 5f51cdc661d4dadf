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
