import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeExplainedCodes, parseCodeGlossary, type CodeGlossary } from '@/domain/codeGlossary'
import { parseCatalogue } from '@/domain/parse'
import type { RawDataset } from '@/domain/schema'
import { flattenTree } from '@/domain/tree'
import { makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'
import { economicTreeOf, present } from '../helpers/present'

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
      for (const tree of [b.functionalTree, ...(b.economicTree ? [b.economicTree] : [])])
        for (const n of flattenTree(tree)) {
          const entry = g.byCode.get(n.code)
          expect(entry, `code ${n.code}`).toBeDefined()
          expect(entry!.classification, `code ${n.code}`).toBe(tree.classification)
          expect(entry!.explanation.zh.length, `code ${n.code} zh`).toBeGreaterThan(5)
          const en = present(entry!.explanation.en, `English explanation of ${n.code}`)
          expect(en.length, `code ${n.code} en`).toBeGreaterThan(10)
          expect(en, `code ${n.code} en is English`).not.toMatch(/^[\u4e00-\u9fff]/)
        }
  })

  it('keeps explanations short: one or two sentences', () => {
    for (const e of shippedGlossary().byCode.values()) {
      expect(e.explanation.zh.split('。').filter((s) => s.trim()).length, e.code).toBeLessThanOrEqual(2)
      expect(present(e.explanation.en, `English explanation of ${e.code}`).split(/\.(\s|$)/).filter((s) => s.trim()).length, e.code).toBeLessThanOrEqual(2)
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
    const rows = [...flattenTree(b.functionalTree), ...flattenTree(economicTreeOf(b))]
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

describe('the shipped code explanations (dataset language review, December 2026)', () => {
  const explanation = (code: string) => {
    const entry = shippedGlossary().byCode.get(code)
    if (!entry) throw new Error(`code ${code} is not explained`)
    return entry.explanation
  }

  it('explains 30307 医疗费补助 as retirees’ medical subsidies, as the budget’s own sums show', () => {
    // The budget itself ties 30307 to retirees: 30302 退休费 + 30307 = 2080502 事业单位离退休.
    for (const b of shippedBudgets()) {
      const pension = b.economicTree?.byCode.get('30302')
      const medical = b.economicTree?.byCode.get('30307')
      const retirees = b.functionalTree.byCode.get('2080502')
      if (pension && medical && retirees) expect(pension.total + medical.total).toBe(retirees.total)
    }
    const e = explanation('30307')
    expect(e.zh).toMatch(/离退休/)
    expect(e.en).toMatch(/retirees/i)
    // Serving staff's medical costs are 30114 医疗费 under 301, not this code.
    expect(e.zh).not.toMatch(/职工|在职/)
    expect(e.en).not.toMatch(/\bstaff\b|serving|employee|outside what medical insurance/i)
  })

  it('does not offer running costs as an example of 2013699 (they are what it excludes)', () => {
    const e = explanation('2013699')
    expect(e.en).not.toMatch(/such as the running/i)
    expect(e.en).toMatch(/running costs[^.]*not counted here/i)
    expect(e.zh).toMatch(/运行经费[^。]*不在此项/)
  })

  it('names people’s congresses and development and reform under 201', () => {
    const e = explanation('201')
    expect(e.en).toMatch(/people’s congresses|people's congresses/i)
    expect(e.en).toMatch(/development and reform/i)
    expect(e.en).not.toMatch(/legislatures|\bplanning\b/i)
    expect(e.zh).toMatch(/人大/)
  })

  it('keeps the civil-service and public-institution salary scales apart in 30101', () => {
    const e = explanation('30101')
    expect(e.en).toMatch(/government agencies[^;]*position salary and rank salary/i)
    expect(e.en).toMatch(/public-institution staff[^.]*post salary and salary-scale pay/i)
  })

  it.each([
    ['30103', /绩效奖/, /performance bonus/i],
    ['30102', /提租补贴[^。]*购房补贴/, /rent-increase and home-purchase subsidies/i],
    ['30110', /生育保险/, /maternity insurance/i],
    ['30209', /宿舍/, /dormitories/i],
  ])('completes %s with what the 2023 wording adds', (code, zh, en) => {
    const e = explanation(code)
    expect(e.zh).toMatch(zh)
    expect(e.en).toMatch(en)
  })
})
