import { computed, getCurrentScope, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import { useSettingsStore } from '@/stores/settings'

/** Theme colours a chart needs, as resolved CSS colours ("#1a1d21"). */
export interface ChartColors {
  text: string
  muted: string
  border: string
  surface: string
}

/** base.css's light values, used where the page's styles cannot be read (tests, no DOM). */
export const FALLBACK_CHART_COLORS: ChartColors = { text: '#1a1d21', muted: '#4a5260', border: '#c9ced6', surface: '#ffffff' }

/** What a chart must follow so it matches the page: theme, text size and motion preference. */
export interface ChartTheme {
  /** The reader's text size factor (1, 1.25, 1.5, 2): multiply chart font sizes by it. */
  textScale: ComputedRef<number>
  /** The system asks for a dark scheme (`prefers-color-scheme: dark`). */
  dark: Ref<boolean>
  /** The reader chose high contrast. */
  highContrast: ComputedRef<boolean>
  /** The system asks for reduced motion: set `animation: false`. */
  reducedMotion: Ref<boolean>
  /** The current theme's colours, read from the page's CSS custom properties. */
  colors: ComputedRef<ChartColors>
  /** A font size for ECharts scaled like the page: `fontSize(12)` → 24 at 200%. */
  fontSize: (px: number) => number
}

/** A reactive media query; false where `matchMedia` is missing (jsdom, old browsers). Listens until the scope ends. */
function useMediaQuery(query: string): Ref<boolean> {
  const matches = ref(false)
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return matches
  const mql = window.matchMedia(query)
  matches.value = mql.matches
  const onChange = (e: MediaQueryListEvent): void => {
    matches.value = e.matches
  }
  mql.addEventListener('change', onChange)
  if (getCurrentScope()) onScopeDispose(() => mql.removeEventListener('change', onChange))
  return matches
}

function readColor(style: CSSStyleDeclaration | undefined, name: string, fallback: string): string {
  return style?.getPropertyValue(name).trim() || fallback
}

/**
 * For chart components (src/charts builders take the values through their ctx): the reader's text
 * size, contrast choice, the system's dark and reduced-motion preferences, and the resulting
 * colours. Call it in `setup`; every value is reactive, so pass them into the option builder
 * inside a `computed` and the chart redraws when the reader changes a setting.
 */
export function useChartTheme(): ChartTheme {
  const { textScale, contrast } = storeToRefs(useSettingsStore())
  const dark = useMediaQuery('(prefers-color-scheme: dark)')
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)')
  const highContrast = computed(() => contrast.value === 'high')
  const colors = computed<ChartColors>(() => {
    // Re-read whenever the theme inputs change (the settings store applies data-contrast synchronously).
    void dark.value
    void highContrast.value
    const style = typeof document === 'undefined' ? undefined : getComputedStyle(document.documentElement)
    return {
      text: readColor(style, '--text', FALLBACK_CHART_COLORS.text),
      muted: readColor(style, '--muted', FALLBACK_CHART_COLORS.muted),
      border: readColor(style, '--border', FALLBACK_CHART_COLORS.border),
      surface: readColor(style, '--surface', FALLBACK_CHART_COLORS.surface),
    }
  })
  const scale = computed<number>(() => textScale.value)
  return { textScale: scale, dark, highContrast, reducedMotion, colors, fontSize: (px) => Math.round(px * scale.value) }
}
