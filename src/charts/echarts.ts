/**
 * The one place where ECharts modules are registered. Importing this module (only chart
 * components do, and they load when a chart view opens) pulls in exactly what the dashboard
 * draws: sunburst and sankey series, tooltip, aria (description and decals), title (the sunburst's
 * centre), label layout.
 *
 * Renderer: canvas. The SVG renderer would give crisper text, but it writes `style="font: …"`
 * attributes on its text nodes, which a strict `style-src 'self'` CSP blocks (labels would lose
 * their size and collide); canvas draws text itself and only sets styles through the CSSOM.
 * With a few dozen shapes per chart, canvas is as light as SVG and redraws faster on a phone.
 */
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { SankeyChart, SunburstChart } from 'echarts/charts'
import { AriaComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { LabelLayout } from 'echarts/features'
import type { ComposeOption } from 'echarts/core'
import type { SankeySeriesOption, SunburstSeriesOption } from 'echarts/charts'
import type { AriaComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components'

use([CanvasRenderer, SunburstChart, SankeyChart, TooltipComponent, AriaComponent, TitleComponent, LabelLayout])

/** The renderer passed to `init` (see the module comment for why). */
export const CHART_RENDERER = 'canvas' as const

/** Options built from the registered modules only. */
export type ChartOption = ComposeOption<SunburstSeriesOption | SankeySeriesOption | TooltipComponentOption | AriaComponentOption | TitleComponentOption>
