/**
 * What an embed URL may show: `/#/<locale>/embed/<what>` where `what` is one of `EMBED_VIEWS`
 * or `table-<n>` (a table of the document, 1–12). Parsing is strict: anything else is refused
 * with a clear message rather than guessed at.
 */

/** The views that can be embedded, with the route of the full view each one opens. */
export const EMBED_VIEWS = {
  'overview-summary': 'overview',
  classification: 'classification',
  flows: 'flows',
  compare: 'compare',
  performance: 'performance',
  checks: 'checks',
} as const
export type EmbedViewName = keyof typeof EMBED_VIEWS

/** The document's tables are numbered 1 to 12. */
export const TABLE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const

/** A parsed embed target: one view, or one table. */
export type EmbedTarget = { kind: 'view'; view: EmbedViewName; route: (typeof EMBED_VIEWS)[EmbedViewName] } | { kind: 'table'; table: number }

function isEmbedView(what: string): what is EmbedViewName {
  return Object.prototype.hasOwnProperty.call(EMBED_VIEWS, what)
}

/** "classification" → the classification view; "table-8" → table 8; "table-13", "x" → null. */
export function parseEmbedTarget(what: unknown): EmbedTarget | null {
  if (typeof what !== 'string') return null
  if (isEmbedView(what)) return { kind: 'view', view: what, route: EMBED_VIEWS[what] }
  const m = /^table-(\d{1,2})$/.exec(what)
  const n = m ? Number(m[1]) : NaN
  return (TABLE_NUMBERS as readonly number[]).includes(n) ? { kind: 'table', table: n } : null
}

/** Every valid `what`, for the error message: "overview-summary, classification, …, table-1 … table-12". */
export function listEmbedTargets(): string[] {
  return [...Object.keys(EMBED_VIEWS), ...TABLE_NUMBERS.map((n) => `table-${n}`)]
}
