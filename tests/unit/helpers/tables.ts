import type { RawDataset, RawTableEntry, TableKind } from '@/domain/schema'
import { buildTable, type TableModel } from '@/domain/tables'
import type { Budget } from '@/domain/types'
import { present } from './present'

/** The dataset's entry for its table of a kind (fails the test when the document lists none). */
export function entryOf(d: Pick<RawDataset, 'tables'>, kind: TableKind): RawTableEntry {
  return present(
    d.tables.find((t) => t.kind === kind),
    `a ${kind} table`,
  )
}

/** The table's number in this document (表 8 → 8). */
export function numberOf(d: Pick<RawDataset, 'tables'>, kind: TableKind): number {
  return entryOf(d, kind).number
}

/** The document's table of a kind, built as the tables view shows it. */
export function tableOf(b: Budget, kind: TableKind): TableModel {
  return buildTable(b, entryOf(b, kind))
}
