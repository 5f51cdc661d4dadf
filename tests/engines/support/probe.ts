/**
 * What the smoke reads from a page. The functions passed to `evaluate` run inside the browser,
 * so they use nothing from outside themselves.
 */

/** A chart's canvas as drawn: how much of it is painted, in how many colours. */
export interface CanvasReading {
  /** false when a chart frame holds no canvas at all. */
  present: boolean
  width: number
  height: number
  /** Share of sampled pixels that are not transparent, 0–1. */
  painted: number
  /** Distinct colours among the sampled pixels (capped at 64). */
  colours: number
}

/** Everything a smoke check looks at, read in one go once the view has settled. */
export interface ViewReading {
  lang: string
  title: string
  /** The data gate's error panel is shown. */
  alert: boolean
  /** The first heading inside #main: tag and text. */
  heading: { tag: string; text: string } | null
  /** #main's visible text. */
  text: string
  innerWidth: number
  clientWidth: number
  scrollWidth: number
  /** Elements whose right edge passes the viewport, when the page scrolls sideways. */
  sticking: string[]
}

/** true once the data gate has settled in `locale`: a view heading or the error panel is shown. */
export function isSettled(locale: string): boolean {
  const main = document.getElementById('main')
  if (document.documentElement.lang !== locale || !main || main.querySelector(':scope > .loading')) return false
  // A pre-rendered page has its heading before any script runs: settled once the app has taken over (its loading line gone).
  if (document.querySelector('#app > .prerender-boot')) return false
  return Boolean(main.querySelector('[role=alert], h2'))
}

/** A signature of what the page is still doing: resources fetched so far and elements in #main. Unchanged for a while = quiet. */
export function activitySignature(): string {
  const main = document.getElementById('main')
  return `${performance.getEntriesByType('resource').length}|${main ? main.getElementsByTagName('*').length : -1}`
}

/** Reads the canvases of #main: each chart frame must hold one, and each must be drawn on. */
export function readCharts(): CanvasReading[] {
  const main = document.getElementById('main')
  if (!main) return []
  const canvases = new Set<HTMLCanvasElement>(main.querySelectorAll('canvas'))
  const readings: CanvasReading[] = []
  for (const frame of main.querySelectorAll('.chart-frame'))
    if (!frame.querySelector('canvas')) readings.push({ present: false, width: 0, height: 0, painted: 0, colours: 0 })
  for (const canvas of canvases) {
    const context = canvas.getContext('2d')
    const { width, height } = canvas
    if (!context || !width || !height) {
      readings.push({ present: true, width, height, painted: 0, colours: 0 })
      continue
    }
    const pixels = context.getImageData(0, 0, width, height).data
    const step = Math.max(1, Math.floor((width * height) / 20_000))
    const colours = new Set<number>()
    let sampled = 0
    let painted = 0
    for (let i = 0; i < width * height; i += step) {
      sampled++
      const alpha = pixels[i * 4 + 3] ?? 0
      if (alpha === 0) continue
      painted++
      if (colours.size < 64) colours.add(((pixels[i * 4] ?? 0) << 16) | ((pixels[i * 4 + 1] ?? 0) << 8) | (pixels[i * 4 + 2] ?? 0))
    }
    readings.push({ present: true, width, height, painted: sampled ? painted / sampled : 0, colours: colours.size })
  }
  return readings
}

/** A chart is drawn when its canvas has a size, at least 1% of it is painted, in three colours or more. */
export function isDrawn(reading: CanvasReading): boolean {
  return reading.present && reading.width > 0 && reading.height > 0 && reading.painted >= 0.01 && reading.colours >= 3
}

/** The page as a reader sees it: language, title, first heading, text, widths, charts. */
export function readView(): ViewReading {
  const main = document.getElementById('main')
  const heading = main?.querySelector('h1, h2, h3, h4, h5, h6') ?? null
  const root = document.documentElement
  const limit = root.clientWidth
  const name = (el: Element): string =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`
  const sticking =
    root.scrollWidth > limit
      ? [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
          .slice(0, 8)
          .map((el) => `${name(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`)
      : []
  return {
    lang: root.lang,
    title: document.title,
    alert: Boolean(main?.querySelector('[role=alert]')),
    heading: heading ? { tag: heading.tagName, text: (heading.textContent ?? '').trim() } : null,
    text: main?.innerText ?? '',
    innerWidth: window.innerWidth,
    clientWidth: limit,
    scrollWidth: root.scrollWidth,
    sticking,
  }
}
