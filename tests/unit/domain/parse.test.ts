import { describe, expect, it } from 'vitest'
import { parseCatalogue, parseDataset } from '@/domain/parse'
import { toExact } from '@/domain/numeric'
import { makeCatalogue, makeDataset } from '../../fixtures/dataset'
import { makeMinimalDataset } from '../helpers/minimal'
import { toBudget } from '../helpers/mount'

describe(parseDataset, () => {
  it('accepts the fixture and builds both classification trees under their unit rows', () => {
    const raw = makeDataset()
    const result = parseDataset(raw)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const f = result.value.functionalTree
    expect(f.roots.map((r) => r.code)).toEqual(raw.functional.rows.filter((r) => r.code.length === 3).map((r) => r.code))
    expect(f.byCode.get('2011308')?.parentCode).toBe('20113')
    expect(f.byCode.get('20113')?.children.map((c) => c.code)).toEqual(['2011308', '2011350'])
    expect(result.value.economicTree?.byCode.size).toBe(raw.economic.rows.length)
  })

  it('names the field of a malformed record (a total written as text)', () => {
    const raw = makeDataset() as unknown as { functional: { rows: { total: unknown }[] } }
    raw.functional.rows[2]!.total = '40'
    const result = parseDataset(raw)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.kind).toBe('schema')
    expect(result.problem.details.join('\n')).toContain('functional.rows.2.total')
  })

  it('rejects a file with a required part missing', () => {
    // In format 2 only the functional table (and the list of tables) is required; every other section is optional.
    const raw: Record<string, unknown> = { ...makeDataset() }
    delete raw.functional
    const result = parseDataset(raw)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.kind).toBe('schema')
    expect(result.problem.details.join('\n')).toContain('functional')
  })

  it('rejects a row whose parent row is missing', () => {
    const raw = makeDataset()
    raw.functional.rows = raw.functional.rows.filter((r) => r.code !== '20113')
    const result = parseDataset(raw)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.kind).toBe('structure')
    expect(result.problem.details.join('\n')).toMatch(/2011308.*20113/)
  })

  it('rejects a project category that names an unknown performance task', () => {
    const raw = makeDataset()
    raw.projectExpenditure.categories[0]!.taskIds.push('nope')
    const result = parseDataset(raw)
    expect(result.ok).toBe(false)
  })

  it.each([null, 42, 'text', [], {}])('rejects %j without throwing', (raw) => {
    expect(parseDataset(raw).ok).toBe(false)
  })
})

describe(parseCatalogue, () => {
  it('accepts a catalogue listing datasets', () => {
    expect(parseCatalogue(makeCatalogue()).ok).toBe(true)
  })

  it('rejects an empty catalogue and a file outside the data folder', () => {
    expect(parseCatalogue({ schemaVersion: 1, datasets: [] }).ok).toBe(false)
    const cat = makeCatalogue()
    cat.datasets[0]!.file = '../secret.json'
    expect(parseCatalogue(cat).ok).toBe(false)
  })

  it('rejects a dataset id listed twice', () => {
    const cat = makeCatalogue([{ id: 'test-department-2030', year: 2029, file: 'x.json' }])
    const result = parseCatalogue(cat)
    expect(result.ok).toBe(false)
  })
})

describe('parseDataset on format 2', () => {
  it('parses a dataset with no optional section: the functional table and the list of tables only', () => {
    const raw = makeMinimalDataset()
    const result = parseDataset(raw)
    if (!result.ok) throw new Error(result.problem.details.join('\n'))
    const b = result.value
    expect(b.economicTree).toBeUndefined()
    for (const section of ['economic', 'overview', 'incomeStatement', 'basicBreakdown', 'projectExpenditure', 'threePublic', 'performance'] as const)
      expect(b[section], section).toBeUndefined()
    expect(b.functionalTree.roots.map((r) => r.code)).toEqual(raw.functional.rows.filter((r) => r.code.length === 3).map((r) => r.code))
  })

  it('gives a functional table without basic/project columns the total measure only, and no blank read as 0', () => {
    const b = toBudget(makeMinimalDataset())
    expect(b.functionalTree.measures).toEqual(['total'])
    expect(b.functionalTree.basic).toBeUndefined()
    expect(b.functionalTree.project).toBeUndefined()
    for (const n of b.functionalTree.byCode.values()) {
      expect(n.basic, n.code).toBeUndefined()
      expect(n.project, n.code).toBeUndefined()
    }
  })

  it('brings the amounts of a 元 dataset in as exact 万元, and toExact gives the integer back', () => {
    const yuan = 156_211_123
    const raw = makeMinimalDataset()
    raw.unit = '元'
    raw.precision = { tables: { unit: '元', decimals: 0 } }
    raw.functional = {
      table: raw.functional.table,
      unit: { total: yuan },
      rows: [{ code: '201', name: { zh: '一般公共服务支出' }, total: yuan }],
    }
    const b = toBudget(raw)
    expect(b.functionalTree.total).toBe(15_621.1123)
    expect(b.functionalTree.byCode.get('201')?.total).toBe(15_621.1123)
    expect(toExact(b.functionalTree.total)).toBe(yuan)
    // The document's own unit and printing are kept, so the checks know its rounding step is 1 元.
    expect(b.unit).toBe('元')
  })

  it('loads a dataset whose figures contradict each other (the checks report it, parsing does not refuse it)', () => {
    const raw = makeDataset()
    raw.functional.rows[0]!.total += 50
    expect(parseDataset(raw).ok).toBe(true)
  })
})
