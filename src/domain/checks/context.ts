/** What every check family needs to know about a dataset: where its tables are and how it prints figures. */
import { inferredStep, printedStep } from '../numeric'
import type { PrecisionSection, ProseSection, TableKind } from '../schema'
import type { Budget } from '../types'
import type { SourceRef } from './types'

export interface CheckContext {
  /** Where a table of this kind stands in the document: `{ table: 8 }`, or `{}` when it has none. */
  table: (kind: TableKind) => SourceRef
  /** Where the prose states a section: `{ part: 3 }`, or `{ prose: true }` when the part is not recorded. */
  prose: (section: ProseSection) => SourceRef
  /** The rounding step (万元) of the document's table figures: 1 for 万元 integers, 0.0001 for 元. */
  tableStep: number
  /**
   * The rounding step of one figure of a section: the section's printing when the dataset states it,
   * otherwise what the figure's own digits show (0.8 → 0.1; in a 元 dataset, the tables' step).
   */
  step: (value: number, section?: PrecisionSection) => number
}

export function makeCheckContext(b: Budget): CheckContext {
  const numbers = new Map(b.tables.map((t) => [t.kind, t.number]))
  const tableStep = printedStep(b.precision.tables)
  return {
    table: (kind) => {
      const n = numbers.get(kind)
      return n === undefined ? {} : { table: n }
    },
    prose: (section) => {
      const part = b.source.proseParts?.[section]
      return part === undefined ? { prose: true } : { part }
    },
    tableStep,
    step: (value, section) => {
      const printed = section ? b.precision.sections?.[section] : undefined
      if (printed) return printedStep(printed)
      return b.unit === '元' ? tableStep : inferredStep(value)
    },
  }
}
