/**
 * What an embed URL may show: `/#/<locale>/embed/<what>` where `what` is one of `EMBED_VIEWS`
 * or `table-<n>` (the document's table number n). Parsing is strict: anything else is refused
 * with a clear message rather than guessed at; a number the document does not have is said so by the table.
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

/** A parsed embed target: one view, or one table. */
export type EmbedTarget = { kind: 'view'; view: EmbedViewName; route: (typeof EMBED_VIEWS)[EmbedViewName] } | { kind: 'table'; table: number }

function isEmbedView(what: string): what is EmbedViewName {
  return Object.prototype.hasOwnProperty.call(EMBED_VIEWS, what)
}

/** "classification" → the classification view; "table-8" → table 8 (whether the document has it is the table's to say); "table-0", "x" → null. */
export function parseEmbedTarget(what: unknown): EmbedTarget | null {
  if (typeof what !== 'string') return null
  if (isEmbedView(what)) return { kind: 'view', view: what, route: EMBED_VIEWS[what] }
  const m = /^table-([1-9]\d?)$/.exec(what)
  return m ? { kind: 'table', table: Number(m[1]) } : null
}

/** Every valid `what` for a document with these table numbers: "overview-summary, classification, …, table-1 … table-12". */
export function listEmbedTargets(tableNumbers: readonly number[]): string[] {
  return [...Object.keys(EMBED_VIEWS), ...tableNumbers.map((n) => `table-${n}`)]
}
