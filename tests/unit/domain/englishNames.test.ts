import { describe, expect, it } from 'vitest'
import { parseClassificationNames, type ClassificationNames } from '@/domain/classificationNames'
import { withClassificationNames } from '@/domain/englishNames'
import { countUntranslated, needsClassificationNames } from '@/domain/untranslated'
import type { RawDataset } from '@/domain/schema'
import { flattenTree } from '@/domain/tree'
import { makeDataset } from '../../fixtures/dataset'
import { makeMinimalDataset } from '../helpers/minimal'
import { toBudget } from '../helpers/mount'
import { present } from '../helpers/present'

/** The fixture as an importer would give it: classification rows with Chinese names only. */
function chineseNamesOnly(): RawDataset {
  const d = makeDataset()
  const zhOnly = <R extends { name: { zh: string } }>(r: R) => ({ ...r, name: { zh: r.name.zh } })
  return { ...d, functional: { ...d.functional, rows: d.functional.rows.map(zhOnly) }, economic: { ...d.economic, rows: d.economic.rows.map(zhOnly) } }
}

const FIXTURE = makeDataset()
const KNOWN = FIXTURE.functional.rows[0]!
const RENAMED = FIXTURE.functional.rows[1]!
const ECONOMIC = FIXTURE.economic.rows[0]!

/**
 * A small dictionary: the first functional row under its own name, the second only under another
 * Chinese name (a renamed code), the first economic row under its own name; nothing else.
 */
function dictionary(): ClassificationNames {
  const parsed = parseClassificationNames({
    schemaVersion: 1,
    source: { zh: '测试词表', en: 'Test dictionary' },
    functional: [
      { code: KNOWN.code, names: [{ zh: KNOWN.name.zh, en: 'Dictionary English' }] },
      { code: RENAMED.code, names: [{ zh: `${RENAMED.name.zh}（旧称）`, en: 'Old name' }] },
    ],
    economic: [{ code: ECONOMIC.code, names: [{ zh: ECONOMIC.name.zh, en: 'Dictionary economic English' }] }],
  })
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
  return parsed.value
}

describe(needsClassificationNames, () => {
  it('is false when every row has English, true when a row has Chinese only', () => {
    expect(needsClassificationNames(toBudget(makeDataset()))).toBe(false)
    expect(needsClassificationNames(toBudget(makeMinimalDataset()))).toBe(false)
    expect(needsClassificationNames(toBudget(chineseNamesOnly()))).toBe(true)
  })
})

describe(withClassificationNames, () => {
  it('gives a row the dictionary’s English only where code and Chinese name both match', () => {
    const b = withClassificationNames(toBudget(chineseNamesOnly()), dictionary())
    const functional = new Map(b.functional.rows.map((r) => [r.code, r.name]))
    expect(functional.get(KNOWN.code)).toEqual({ zh: KNOWN.name.zh, en: 'Dictionary English' })
    // Known only under another Chinese name: never borrows that name's English.
    expect(functional.get(RENAMED.code)).toEqual({ zh: RENAMED.name.zh })
    expect(b.economic?.rows.find((r) => r.code === ECONOMIC.code)?.name.en).toBe('Dictionary economic English')
    // The trees the views draw say the same.
    expect(b.functionalTree.byCode.get(KNOWN.code)?.name.en).toBe('Dictionary English')
    expect(b.functionalTree.byCode.get(RENAMED.code)?.name.en).toBeUndefined()
    expect(present(b.economicTree, 'economic tree').byCode.get(ECONOMIC.code)?.name.en).toBe('Dictionary economic English')
  })

  it('keeps the dataset’s own English where it has some', () => {
    const b = withClassificationNames(toBudget(makeDataset()), dictionary())
    expect(b.functional.rows.map((r) => r.name)).toEqual(FIXTURE.functional.rows.map((r) => r.name))
    expect(flattenTree(b.functionalTree).map((n) => n.name)).toEqual(FIXTURE.functional.rows.map((r) => r.name))
  })

  it('works on a dataset without an economic table', () => {
    const raw = makeMinimalDataset()
    raw.functional.rows = raw.functional.rows.map((r) => ({ ...r, name: { zh: r.name.zh } }))
    const b = withClassificationNames(toBudget(raw), dictionary())
    expect(b.economic).toBeUndefined()
    expect(b.economicTree).toBeUndefined()
    expect(b.functionalTree.byCode.get(KNOWN.code)?.name.en).toBe('Dictionary English')
  })
})

describe(countUntranslated, () => {
  it('counts every text without English, and fewer once the dictionary fills some', () => {
    expect(countUntranslated(toBudget(makeDataset()))).toBe(0)
    const raw = chineseNamesOnly()
    const stripped = raw.functional.rows.length + present(raw.economic, 'economic').rows.length
    const before = toBudget(raw)
    expect(countUntranslated(before)).toBe(stripped)
    // Two rows gain English (the known functional row and the economic one); the renamed row stays Chinese.
    expect(countUntranslated(withClassificationNames(before, dictionary()))).toBe(stripped - 2)
  })
})
