import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeExplainedCodes, parseCodeGlossary, type CodeGlossary } from '@/domain/codeGlossary'
import { parseCatalogue } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import { flattenTree } from '@/domain/tree'
import { makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'

const readJson = (file: string): unknown => JSON.parse(readFileSync(`public/data/${file}`, 'utf8'))

function shippedGlossary(): CodeGlossary {
  const parsed = parseCodeGlossary(readJson('glossary-codes.json'))
  if (!parsed.ok) throw new Error(parsed.problem.details.join('\n'))
  return parsed.value
}

/** Every dataset the catalogue lists, validated. */
function shippedBudgets() {
  const catalogue = parseCatalogue(readJson('index.json'))
  if (!catalogue.ok) throw new Error(catalogue.problem.details.join('\n'))
  return catalogue.value.datasets.map((d) => toBudget(readJson(d.file) as RawDataset))
}

describe(parseCodeGlossary, () => {
  it('accepts the shipped file and says the explanations are the site’s own, in both languages', () => {
    const g = shippedGlossary()
    expect(g.byCode.size).toBeGreaterThan(0)
    expect(g.source.zh).toMatch(/本站/)
    expect(g.source.en).toMatch(/this site/i)
    expect(g.source.en).toMatch(/not part of the budget document/i)
  })

  it('explains every code of every shipped dataset in both languages, under the right classification', () => {
    const g = shippedGlossary()
    for (const b of shippedBudgets())
      for (const tree of [b.functionalTree, b.economicTree])
        for (const n of flattenTree(tree)) {
          const entry = g.byCode.get(n.code)
          expect(entry, `code ${n.code}`).toBeDefined()
          expect(entry!.classification, `code ${n.code}`).toBe(tree.classification)
          expect(entry!.explanation.zh.length, `code ${n.code} zh`).toBeGreaterThan(5)
          expect(entry!.explanation.en.length, `code ${n.code} en`).toBeGreaterThan(10)
          expect(entry!.explanation.en, `code ${n.code} en is English`).not.toMatch(/^[\u4e00-\u9fff]/)
        }
  })

  it('keeps explanations short: one or two sentences', () => {
    for (const e of shippedGlossary().byCode.values()) {
      expect(e.explanation.zh.split('。').filter((s) => s.trim()).length, e.code).toBeLessThanOrEqual(2)
      expect(e.explanation.en.split(/\.(\s|$)/).filter((s) => s.trim()).length, e.code).toBeLessThanOrEqual(2)
    }
  })

  it.each([
    ['a missing source', (raw: Record<string, unknown>) => delete raw.source],
    ['a bad code', (raw: { codes: { code: string }[] }) => (raw.codes[0]!.code = '20A')],
    ['an explanation without English', (raw: { codes: { explanation: { en?: string } }[] }) => delete raw.codes[0]!.explanation.en],
    ['an unknown version', (raw: Record<string, unknown>) => (raw.schemaVersion = 2)],
  ])('rejects %s with the field named', (_label, breakIt) => {
    const raw = structuredClone(readJson('glossary-codes.json')) as never
    ;(breakIt as (r: never) => void)(raw)
    const result = parseCodeGlossary(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem.details.join('\n')).not.toBe('')
  })

  it('rejects a code explained twice', () => {
    const raw = readJson('glossary-codes.json') as { codes: unknown[] }
    raw.codes.push(raw.codes[0])
    const result = parseCodeGlossary(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem.kind).toBe('structure')
  })
})

describe(computeExplainedCodes, () => {
  it('lists every code of the budget in published order, with its published name', () => {
    const b = toBudget(makeDataset())
    const codes = computeExplainedCodes(b, shippedGlossary())
    const rows = [...flattenTree(b.functionalTree), ...flattenTree(b.economicTree)]
    expect(codes.map((c) => c.code)).toEqual(rows.map((r) => r.code))
    expect(codes.map((c) => c.name)).toEqual(rows.map((r) => r.name))
    expect(codes.every((c) => c.explanation)).toBe(true)
  })

  it('still lists the codes, without explanations, when the glossary is missing', () => {
    const codes = computeExplainedCodes(toBudget(makeDataset()), null)
    expect(codes.length).toBeGreaterThan(0)
    expect(codes.some((c) => c.explanation)).toBe(false)
  })
})
