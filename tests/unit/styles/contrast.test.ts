/**
 * Contrast of the themes, computed from the CSS itself: base.css (light) and themes.css (high
 * contrast, dark, dark high contrast). Requirements (WCAG 2.1 contrast ratios):
 *  - high contrast, light and dark: every text colour ≥ 7:1 on every background it sits on (AAA);
 *  - dark: body text ≥ 7:1, muted text, links, change colours and the header ≥ 4.5:1 (AA);
 *  - light (base.css, not this file's, checked so a change there is noticed): all text ≥ 4.5:1;
 *  - non-text (focus ring, chart/bar colours, borders in the themes here) ≥ 3:1.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Read from disk: Vitest hands CSS imports (even `?raw`) to tests as empty strings.
const read = (file: string): string => readFileSync(resolve(__dirname, '../../../src/styles', file), 'utf8')

interface Rule {
  dark: boolean
  selector: string
  declarations: Record<string, string>
  order: number
}

/** A small parser for our own stylesheets: top-level rules and rules inside @media blocks. */
function parseRules(css: string, dark = false, out: Rule[] = []): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('{', i)
    if (open < 0) break
    const prelude = text.slice(i, open).trim()
    let depth = 1
    let j = open + 1
    while (j < text.length && depth > 0) {
      if (text[j] === '{') depth++
      else if (text[j] === '}') depth--
      j++
    }
    const body = text.slice(open + 1, j - 1)
    if (prelude.startsWith('@media')) {
      if (/prefers-color-scheme:\s*dark/.test(prelude)) parseRules(body, true, out)
    } else {
      const declarations: Record<string, string> = {}
      for (const d of body.split(';')) {
        const m = /^\s*(--[\w-]+)\s*:\s*(.+?)\s*$/.exec(d)
        if (m) declarations[m[1]!] = m[2]!
      }
      for (const selector of prelude.split(',').map((s) => s.trim())) out.push({ dark, selector, declarations, order: out.length })
    }
    i = j
  }
  return out
}

const RULES = [...parseRules(read('base.css')), ...parseRules(read('themes.css'))].map((r, order) => ({ ...r, order }))

const THEMES = ['light', 'lightHigh', 'dark', 'darkHigh'] as const
type Theme = (typeof THEMES)[number]
const isDark = (t: Theme): boolean => t === 'dark' || t === 'darkHigh'
const isHigh = (t: Theme): boolean => t === 'lightHigh' || t === 'darkHigh'

/** The custom properties in force on <html> (or inside the header) for a theme, following the cascade. */
function variables(theme: Theme, inHeader = false): Record<string, string> {
  const matches = (selector: string, header: boolean): boolean => {
    const m = /^:root(\[data-contrast="high"\])?( \.site-header)?$/.exec(selector)
    return !!m && (!m[1] || isHigh(theme)) && !!m[2] === header
  }
  const specificity = (selector: string): number => (selector.match(/:root|\[|\./g) ?? []).length
  const apply = (header: boolean, into: Record<string, string>): Record<string, string> => {
    RULES.filter((r) => (!r.dark || isDark(theme)) && matches(r.selector, header))
      .sort((a, z) => specificity(a.selector) - specificity(z.selector) || a.order - z.order)
      .forEach((r) => Object.assign(into, r.declarations))
    return into
  }
  const root = apply(false, {})
  return inHeader ? apply(true, { ...root }) : root
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [r, g, b] = [0, 2, 4].map((k) => parseInt(m[1]!.slice(k, k + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** Minimum ratios by theme: body text, other text (muted, links, change colours, header), non-text. */
const MINIMUM: Record<Theme, { body: number; text: number; nonText: number }> = {
  light: { body: 4.5, text: 4.5, nonText: 3 },
  lightHigh: { body: 7, text: 7, nonText: 3 },
  dark: { body: 7, text: 4.5, nonText: 3 },
  darkHigh: { body: 7, text: 7, nonText: 3 },
}

const TEXT_PAIRS = [
  ['--muted', '--bg'],
  ['--muted', '--surface'],
  ['--accent', '--bg'],
  ['--accent', '--surface'],
  ['--up', '--surface'],
  ['--down', '--surface'],
  ['--accent-text', '--accent'],
] as const
const NON_TEXT_PAIRS = [
  ['--focus', '--bg'],
  ['--focus', '--surface'],
  ['--basic', '--surface'],
  ['--project', '--surface'],
  ['--basic', '--bg'],
  ['--project', '--bg'],
] as const

describe('theme contrast', () => {
  it('parses every theme with all the colours it needs, as #rrggbb', () => {
    for (const theme of THEMES) {
      const vars = variables(theme)
      for (const name of ['--bg', '--surface', '--text', '--muted', '--border', '--accent', '--accent-text', '--basic', '--project', '--up', '--down', '--focus'])
        expect(vars[name], `${theme} ${name}`).toMatch(/^#[0-9a-f]{6}$/i)
    }
    // The themes really differ from the light one.
    expect(variables('lightHigh')['--text']).not.toBe(variables('light')['--text'])
    expect(variables('dark')['--bg']).not.toBe(variables('light')['--bg'])
    expect(variables('darkHigh')['--bg']).not.toBe(variables('dark')['--bg'])
  })

  it.each(THEMES)('%s: body text meets its minimum on the page and on cards', (theme) => {
    const v = variables(theme)
    expect(contrast(v['--text']!, v['--bg']!)).toBeGreaterThanOrEqual(MINIMUM[theme].body)
    expect(contrast(v['--text']!, v['--surface']!)).toBeGreaterThanOrEqual(MINIMUM[theme].body)
  })

  it.each(THEMES)('%s: muted text, links, change colours and buttons meet their minimum', (theme) => {
    const v = variables(theme)
    for (const [fg, bg] of TEXT_PAIRS) expect(contrast(v[fg]!, v[bg]!), `${theme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(MINIMUM[theme].text)
  })

  it.each(THEMES)('%s: the header’s text on its own background meets the text minimum', (theme) => {
    const h = variables(theme, true)
    expect(contrast(h['--accent-text']!, h['--accent']!)).toBeGreaterThanOrEqual(MINIMUM[theme].text)
  })

  it.each(THEMES)('%s: focus ring and chart colours stand out (non-text)', (theme) => {
    const v = variables(theme)
    for (const [fg, bg] of NON_TEXT_PAIRS) expect(contrast(v[fg]!, v[bg]!), `${theme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(MINIMUM[theme].nonText)
  })

  it.each(['lightHigh', 'dark', 'darkHigh'] as const)('%s: borders are visible against cards', (theme) => {
    const v = variables(theme)
    expect(contrast(v['--border']!, v['--surface']!)).toBeGreaterThanOrEqual(3)
  })

  it('computes known ratios (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})
