import { describe, expect, it } from 'vitest'
import { parseCatalogue, parseDataset } from '@/domain/parse'
import { CURRENT_SCHEMA_VERSION, type RawDataset } from '@/domain/schema'
import { upgradeDatasetV1 } from '@/domain/upgrade'
import { versionOf } from '@/domain/version'
import { ALL_STEPS } from '@/domain/steps'
import { makeCatalogue, makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'
import { omit, readYantian } from '../helpers/present'

/**
 * A version-1 file made from a format-2 one in 万元: version 1, without the fields version 2 added (the
 * printing, the list of tables, where the prose states what, and which table holds the rows).
 */
function toVersion1(d: RawDataset): Record<string, unknown> {
  const { functional, economic, source } = d
  return {
    ...omit(d, 'precision', 'tables'),
    schemaVersion: 1,
    source: omit(source, 'proseParts', 'madeBy'),
    functional: omit(functional, 'table'),
    ...(economic ? { economic: omit(economic, 'table', 'scope') } : {}),
  }
}

describe(upgradeDatasetV1, () => {
  it('upgrades a version-1 file made from the fixture to a dataset that parses, with the same figures', () => {
    const current = makeDataset()
    const old = toVersion1(current)
    expect(versionOf(old).verdict).toBe('upgradable')
    const upgraded = toBudget(old as unknown as RawDataset)
    expect(upgraded.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(upgraded.unit).toBe('万元')
    expect(upgraded.functional.rows).toEqual(current.functional.rows)
    expect(upgraded.economic?.rows).toEqual(current.economic.rows)
    expect(upgraded.tables.map((t) => [t.number, t.kind, t.status])).toEqual(current.tables.map((t) => [t.number, t.kind, t.status]))
  })

  it('gives the Yantian figures of the shipped format-2 file back from its version-1 form', () => {
    const current = readYantian()
    const upgraded = toBudget(toVersion1(current) as unknown as RawDataset)
    expect({ ...upgraded, source: omit(upgraded.source, 'madeBy') }).toEqual({ ...toBudget(current), source: omit(current.source, 'madeBy') })
  })
})

describe('reading a file of another format version', () => {
  it('refuses a newer file (version 3) with kind "version" and a message naming both versions', () => {
    const result = parseDataset({ ...makeDataset(), schemaVersion: 3 }, ALL_STEPS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.kind).toBe('version')
    expect(result.problem.details.join('\n')).toMatch(new RegExp(`\\b3\\b[^]*\\b${CURRENT_SCHEMA_VERSION}\\b`))
    const catalogue = parseCatalogue({ ...makeCatalogue(), schemaVersion: 3 }, ALL_STEPS)
    expect(!catalogue.ok && catalogue.problem.kind).toBe('version')
  })

  it('treats a version that is not a number as a schema problem', () => {
    const result = parseDataset({ ...makeDataset(), schemaVersion: 'x' }, ALL_STEPS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.kind).toBe('schema')
    expect(result.problem.details.join('\n')).toContain('schemaVersion')
  })

  it('upgrades a version-1 catalogue, which gains a site name', () => {
    const result = parseCatalogue({ ...omit(makeCatalogue(), 'site'), schemaVersion: 1 }, ALL_STEPS)
    expect(result.ok && result.value.site.name.zh.length).toBeGreaterThan(0)
  })
})
