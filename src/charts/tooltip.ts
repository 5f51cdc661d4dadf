/**
 * Tooltips shared by the charts: one look, HTML built only from escaped text, and no inline
 * `style` attributes in the markup (the CSP forbids them; classes are styled by `ChartFrame`).
 */
import type { TooltipComponentOption } from 'echarts/components'
import { escapeHtml } from './escape'

/** The page's font stack (base.css), so chart text matches the page and finds CJK glyphs. */
export const CHART_FONT =
  'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif'

/** Tooltip settings common to every chart (ECharts applies them through the CSSOM, which the CSP allows). */
export const TOOLTIP_BASE = {
  trigger: 'item',
  confine: true,
  className: 'chart-tooltip',
  backgroundColor: '#ffffff',
  borderColor: '#4a5260',
  borderWidth: 1,
  padding: [6, 10],
  textStyle: { color: '#1a1d21', fontSize: 14, fontFamily: CHART_FONT },
  extraCssText: 'white-space: normal; max-width: 18rem; overflow-wrap: anywhere;',
} as const satisfies TooltipComponentOption

/** What a tooltip says: a title, a figure, plain lines and hints, all as text. */
export interface TooltipContent {
  title: string
  value: string
  lines?: readonly string[]
  hints?: readonly string[]
}

/** The tooltip as escaped HTML: `<img src=x>` in a name shows as text. */
export function formatTooltip(content: TooltipContent): string {
  const parts = [
    `<strong class="chart-tip__title">${escapeHtml(content.title)}</strong>`,
    `<span class="chart-tip__value">${escapeHtml(content.value)}</span>`,
    ...(content.lines ?? []).map((l) => escapeHtml(l)),
    ...(content.hints ?? []).map((h) => `<em class="chart-tip__hint">${escapeHtml(h)}</em>`),
  ]
  return `<div class="chart-tip">${parts.join('<br>')}</div>`
}
