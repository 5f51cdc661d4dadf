/**
 * This site's editorial notes on a dataset (`editorial` in the data file): defects of the
 * document's own text kept verbatim ([sic]), and placements that are our reading rather than the
 * document's statement. Which items carry a note is data, never code: views ask
 * `editorialNotesAt(budget, path)` for the path of what they show.
 *
 * Path forms (dotted, into the dataset): a field (`source.title`), an entry by index
 * (`performance.goals.6`), an entry by id (`projectExpenditure.categories.partyBuilding`,
 * `performance.indicators.q12` — indicators by id wherever their dimension is), and a field of
 * every entry (`projectExpenditure.categories.taskIds`).
 */
import type { RawDataset } from './schema'
import type { Text } from './types'

/** The two kinds of note: a defect of the source kept verbatim, or a placement that is ours. */
export const EDITORIAL_KINDS = ['sic', 'ourReading'] as const
export type EditorialKind = (typeof EDITORIAL_KINDS)[number]

/** One note as views use it: `{ kind: 'sic', path: 'performance.goals.6', note: { zh, en } }`. */
export interface EditorialNote {
  kind: EditorialKind
  /** The path as the data file writes it. */
  path: string
  note: Text
}

/** Collections that paths may name though the file nests them: indicators sit under their dimensions. */
const VIRTUAL: Record<string, (data: RawDataset) => unknown[]> = {
  'performance.indicators': (data) => (data.performance?.dimensions ?? []).flatMap((d) => d.indicators),
}

/** `a.b.7.c` → `a.b.c` and `a.b.q12.c` → `a.b.c`: the forms a note on "every entry" is written in. */
function withoutOneSegment(path: string): string[] {
  const parts = path.split('.')
  return parts.slice(1, -1).map((_, i) => [...parts.slice(0, i + 1), ...parts.slice(i + 2)].join('.'))
}

/**
 * The notes that apply to what `path` names: those written for exactly that path, and those
 * written for the same field of every entry (`projectExpenditure.categories.taskIds` applies to
 * `projectExpenditure.categories.partyBuilding.taskIds`). [] when the dataset has no notes.
 */
export function editorialNotesAt(budget: Pick<RawDataset, 'editorial'>, path: string, kind?: EditorialKind): EditorialNote[] {
  const ed = budget.editorial
  if (!ed) return []
  const matches = new Set([path, ...withoutOneSegment(path)])
  return EDITORIAL_KINDS.filter((k) => !kind || k === kind).flatMap((k) =>
    ed[k].filter((n) => matches.has(n.path)).map((n) => ({ kind: k, path: n.path, note: n.note })),
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What one path segment names inside `value`: a field, an entry by index or id, or that field of every entry. */
function step(values: unknown[], segment: string): unknown[] {
  return values.flatMap((value) => {
    if (Array.isArray(value)) {
      if (/^\d+$/.test(segment)) return Number(segment) < value.length ? [value[Number(segment)]] : []
      const byId = value.filter((e) => isRecord(e) && e.id === segment)
      if (byId.length) return byId
      const fields = value.filter(isRecord).map((e) => e[segment])
      return fields.length === value.length && fields.every((f) => f !== undefined) ? fields : []
    }
    return isRecord(value) && segment in value ? [value[segment]] : []
  })
}

/** Whether a note's path names something in the dataset. */
function resolves(data: RawDataset, path: string): boolean {
  const virtual = Object.entries(VIRTUAL).find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))
  const start = virtual ? virtual[1](data) : data
  const rest = virtual ? path.slice(virtual[0].length + 1) : path
  const segments = rest ? rest.split('.') : []
  return segments.reduce<unknown[]>((values, s) => step(values, s), [start]).length > 0
}

/** Note paths that name nothing in the dataset ("performance.goals.60"), so a typo is reported, not silently unshown. */
export function findUnknownEditorialPaths(data: RawDataset): string[] {
  const ed = data.editorial
  if (!ed) return []
  return EDITORIAL_KINDS.flatMap((k) => ed[k].map((n) => n.path)).filter((p) => !resolves(data, p))
}

export { EDITORIAL_PATHS } from './editorialPaths'
