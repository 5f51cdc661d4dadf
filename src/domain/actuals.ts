/**
 * Performance actuals: what a later self-evaluation (绩效自评) reports for the indicators of
 * table 12. A budget has none; such a file is optional, named by the catalogue entry's
 * `actuals`, and never required for the app to work.
 *
 * Example (fictional):
 * { "schemaVersion": 1, "datasetId": "yantian-investment-center-2023",
 *   "source": { "zh": "2023 年度部门整体支出绩效自评报告", "en": "2023 self-evaluation report" },
 *   "actuals": [{ "indicatorId": "q01", "written": "6 次", "value": 6, "score": { "points": 10, "outOf": 10 } }] }
 */
import * as v from 'valibot'
import { TextSchema } from './schema'
import type { ParseResult } from './parse'
import type { Performance } from './performance'

const Str = v.pipe(v.string(), v.minLength(1))

/** An ISO date that exists on the calendar (2023-02-30 is refused). */
const IsoDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'),
  v.check((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'no such day'),
)

const Points = v.pipe(v.number(), v.finite(), v.minValue(0))

/** An indicator's score in a self-evaluation: 得分 (points) out of its 分值 (outOf, where given). */
export const ScoreSchema = v.pipe(
  v.strictObject({
    /** 得分: the points the self-evaluation awards, e.g. 9. */
    points: Points,
    /** 分值: the points the indicator is worth, e.g. 10; absent where the self-evaluation gives only the 得分. */
    outOf: v.optional(v.pipe(v.number(), v.finite(), v.check((x) => x > 0, 'an indicator is worth more than 0 points'))),
  }),
  v.check((s) => s.outOf === undefined || s.points <= s.outOf, 'the points awarded (得分) exceed what the indicator is worth (分值)'),
)
export type IndicatorScore = v.InferOutput<typeof ScoreSchema>

/** What a self-evaluation reports for one indicator. */
export const ActualSchema = v.pipe(
  v.strictObject({
    /** The indicator reported on: an id of the dataset's table 12 (`q01`…). */
    indicatorId: Str,
    /** The actual as the self-evaluation writes it, shown verbatim: "6 次", "98.6%", "2023年11月30日", "已完成". */
    written: Str,
    /** English rendering of `written`; without it the English view formats value / date / achieved itself. */
    writtenEn: v.optional(Str),
    /** For a quantitative target: the figure, in the target's unit (98.6 for "98.6%", 6 for "6 次"). */
    value: v.optional(v.pipe(v.number(), v.finite())),
    /** For a deadline target: the day the work was completed, YYYY-MM-DD. */
    date: v.optional(IsoDateSchema),
    /** For a qualitative target: whether the self-evaluation finds it achieved. */
    achieved: v.optional(v.boolean()),
    /** 得分 and 分值 as the self-evaluation gives them (9 of 10 points); absent where it scores nothing. Added later: older files without it stay valid. */
    score: v.optional(ScoreSchema),
  }),
  v.check(
    (a) => [a.value, a.date, a.achieved].filter((x) => x !== undefined).length <= 1,
    'give at most one of value, date and achieved (none: reported but not judged)',
  ),
)
export type IndicatorActual = v.InferOutput<typeof ActualSchema>

/** A file of actuals for one dataset. */
export const ActualsFileSchema = v.strictObject({
  schemaVersion: v.literal(1),
  /** The dataset (`id` in the catalogue) whose indicators these actuals report on. */
  datasetId: Str,
  /** Where the actuals come from (the self-evaluation report), in both languages. */
  source: TextSchema,
  /** One entry per indicator reported; indicators left out stay pending. */
  actuals: v.array(ActualSchema),
})
export type ActualsFile = v.InferOutput<typeof ActualsFileSchema>

/** Validates an actuals file: its schema, and that no indicator is reported twice. */
export function parseActuals(raw: unknown): ParseResult<ActualsFile> {
  const result = v.safeParse(ActualsFileSchema, raw)
  if (!result.success)
    return {
      ok: false,
      problem: {
        kind: 'schema',
        details: result.issues.slice(0, 20).map((i) => {
          const path = v.getDotPath(i)
          return path ? `${path}: ${i.message}` : i.message
        }),
      },
    }
  const ids = result.output.actuals.map((a) => a.indicatorId)
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
  if (repeated.length) return { ok: false, problem: { kind: 'structure', details: repeated.map((id) => `indicator ${id} is reported twice`) } }
  return { ok: true, value: result.output }
}

const FIELD_FOR_KIND = { quantitative: 'value', deadline: 'date', qualitative: 'achieved' } as const

/**
 * Problems that make a valid file unusable with this dataset: another dataset's id, an
 * unknown indicator, or a field that does not fit the target (a date for "≥4 次"). [] when usable.
 */
export function checkActualsAgainst(file: ActualsFile, datasetId: string, performance: Performance): string[] {
  const problems: string[] = []
  if (file.datasetId !== datasetId) problems.push(`the actuals are for dataset ${file.datasetId}, not ${datasetId}`)
  const kinds = new Map(performance.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, i.target.parsed.kind] as const)))
  for (const a of file.actuals) {
    const kind = kinds.get(a.indicatorId)
    if (!kind) {
      problems.push(`indicator ${a.indicatorId} is not in table 12`)
      continue
    }
    const expected = FIELD_FOR_KIND[kind]
    const given = (['value', 'date', 'achieved'] as const).find((f) => a[f] !== undefined)
    if (given && given !== expected) problems.push(`indicator ${a.indicatorId} has a ${kind} target: give ${expected}, not ${given}`)
  }
  return problems
}

/** The actuals by indicator id. */
export function computeActualsMap(file: ActualsFile): ReadonlyMap<string, IndicatorActual> {
  return new Map(file.actuals.map((a) => [a.indicatorId, a]))
}
