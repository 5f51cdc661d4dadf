import type { RawDataset } from '@/domain/schema'
import { makeDataset } from '../../fixtures/dataset'

/**
 * The smallest dataset format 2 allows, made from the fixture: its functional table with totals only
 * (no basic/project split, no procurement columns) and the list of tables, which names that one table.
 * No economic table, no prose, no summary table, no 三公, no performance table.
 */
export function makeMinimalDataset(): RawDataset {
  const d = makeDataset()
  return {
    schemaVersion: d.schemaVersion,
    id: d.id,
    departmentId: d.departmentId,
    department: d.department,
    year: d.year,
    phase: d.phase,
    unit: d.unit,
    precision: { tables: d.precision.tables },
    source: { title: d.source.title, file: d.source.file, corrections: [] },
    tables: [{ kind: 'generalPublicFunctional', number: 1, title: { zh: '一般公共预算支出表', en: 'General public budget expenditure' }, status: 'published' }],
    functional: {
      table: 'generalPublicFunctional',
      unit: { total: d.functional.unit.total },
      rows: d.functional.rows.map((r) => ({ code: r.code, name: r.name, total: r.total })),
    },
  }
}
