/**
 * Colours of classification 类, stable across every view: a 类 always gets the colour its code
 * maps to, whatever else is on screen. Paul Tol's "muted" scheme, designed to stay distinct for
 * the common forms of colour blindness; labels and decals carry the meaning too, never colour alone.
 */

/** Tol muted: rose, indigo, sand, green, cyan, wine, teal, olive, purple. */
export const CLASS_PALETTE = ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499'] as const

/**
 * Palette slot by 类 code. Codes that usually appear together in a departmental budget
 * (201, 208, 210, 221; 301, 302, 303, 310, 312) get different colours.
 */
const SLOT_BY_CODE: Readonly<Record<string, number>> = {
  // 功能分类
  '201': 1, '203': 7, '204': 5, '205': 7, '206': 8, '207': 5, '208': 2, '210': 6, '211': 3,
  '212': 4, '213': 7, '214': 8, '215': 5, '216': 8, '217': 4, '220': 3, '221': 0, '222': 7,
  '224': 5, '227': 4, '229': 3, '230': 8, '231': 5, '232': 8,
  // 经济分类
  '301': 4, '302': 5, '303': 2, '307': 7, '309': 8, '310': 3, '311': 6, '312': 0, '313': 1, '399': 6,
}

/** Neutral colours for nodes that are not a 类. */
export const NEUTRAL_COLOURS = {
  /** Sources and the total. */
  total: '#5b6472',
  /** Basic and project spending: the same colours as the overview (--basic, --project). */
  basic: '#1f5f99',
  project: '#b35a00',
  /** Rounding-gap nodes. */
  gap: '#9aa1ab',
} as const

/** Colour of a 类 by its 3-digit code: "201" → "#332288". An unlisted code still maps to a fixed slot. */
export function classColour(classCode: string): string {
  const listed = SLOT_BY_CODE[classCode]
  const slot = listed ?? [...classCode].reduce((acc, c) => acc * 31 + c.charCodeAt(0), 7) % CLASS_PALETTE.length
  return CLASS_PALETTE[slot] ?? CLASS_PALETTE[0]
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** Mixes a colour with white: `tint('#332288', 0.3)` is 30% of the way to white. */
export function tint(hex: string, amount: number): string {
  const mixed = channels(hex).map((c) => Math.round(c + (255 - c) * amount))
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, z) => z - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Black or white, whichever reads better on `background`. */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff'
}

/** A fill pattern in ECharts' decal terms. */
export interface Decal {
  symbol: 'rect' | 'circle' | 'triangle' | 'diamond'
  symbolSize?: number
  rotation?: number
  dashArrayX: number[] | number[][]
  dashArrayY: number[]
}

/** Decal patterns for the decal toggle, so neighbouring sectors differ without colour. */
export const DECALS: readonly Decal[] = [
  { symbol: 'rect', rotation: 0.8, dashArrayX: [1, 0], dashArrayY: [2, 5] },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 4], [0, 4, 4, 0]], dashArrayY: [4, 0] },
  { symbol: 'rect', rotation: -0.8, dashArrayX: [1, 0], dashArrayY: [2, 5] },
  { symbol: 'rect', symbolSize: 0.8, dashArrayX: [[6, 6], [0, 6, 6, 0]], dashArrayY: [6, 0] },
  { symbol: 'triangle', symbolSize: 0.7, dashArrayX: [[6, 6], [0, 6, 6, 0]], dashArrayY: [6, 0] },
  { symbol: 'rect', rotation: 0, dashArrayX: [1, 0], dashArrayY: [2, 4] },
  { symbol: 'diamond', symbolSize: 0.7, dashArrayX: [[6, 6], [0, 6, 6, 0]], dashArrayY: [6, 0] },
  { symbol: 'rect', rotation: Math.PI / 2, dashArrayX: [1, 0], dashArrayY: [2, 4] },
  { symbol: 'circle', symbolSize: 0.35, dashArrayX: [[3, 3], [0, 3, 3, 0]], dashArrayY: [3, 0] },
]
