import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  englishNameOf,
  normaliseClassName,
  parseClassificationNames,
  type ClassificationNames,
} from '@/domain/classificationNames'
import type { Classification } from '@/domain/types'

const FILE = 'public/data/classification-names.json'
const readDictionary = (): unknown => JSON.parse(readFileSync(FILE, 'utf8'))

/** The published documents, beside the repository (`../shared/source`). */
const SOURCE_DIR = resolve(import.meta.dirname, '../../../../shared/source') + '/'
const DOCUMENTS = [
  'yantian-investment-center-budget-2023.md',
  'other-documents/jiangsu-procuratorate-2019-budget.txt',
  'other-documents/shanghai-putuo-finance-bureau-2024-final-accounts.txt',
  'other-documents/shanghai-putuo-wanli-subdistrict-2024-budget.txt',
] as const
const readDocument = (name: string): string => readFileSync(`${SOURCE_DIR}${name}`, 'utf8')

function shipped(): ClassificationNames {
  const parsed = parseClassificationNames(readDictionary())
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
  return parsed.value
}

interface PrintedCode {
  classification: Classification
  code: string
  zh: string
}

const HAS_CJK = /\p{Script=Han}/u
/** Prose that happens to follow a three-digit figure is not a name. */
const IS_PROSE = /[，。；：]/u

/**
 * Every (code, name) printed in a document's classification tables: a code in one cell
 * (`2040401`) or split over 类/款/项 cells (`201 05 07`, a lost leading zero `301 2` read as 30102),
 * then the name; two column groups on one line (the final accounts' economic table) both count.
 * Functional codes start with 2, economic with 3.
 */
function readPrintedCodes(text: string): PrintedCode[] {
  const found: PrintedCode[] = []
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) continue
    const cells = line
      .split('\t')
      .map((c) => c.trim())
      .filter(Boolean)
    for (let i = 0; i < cells.length; i++) {
      if (!/^\d{3}(\d{2}){0,2}$/.test(cells[i]!)) continue
      let code = cells[i]!
      let j = i + 1
      while (j < cells.length && code.length < 7 && /^\d{1,2}$/.test(cells[j]!)) code += cells[j++]!.padStart(2, '0')
      const name = cells[j]
      if (!name || !HAS_CJK.test(name) || IS_PROSE.test(name) || !/^[23]/.test(code)) continue
      found.push({ classification: code.startsWith('2') ? 'functional' : 'economic', code, zh: normaliseClassName(name) })
      i = j
    }
  }
  return found
}

/** The functional 类 printed without codes in the summary tables: "二、外交支出" (not 基本支出 / 项目支出). */
function readClassLines(text: string): string[] {
  const names = new Set<string>()
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) continue
    for (const cell of line.split('\t')) {
      const m = /^[一二三四五六七八九十]+、(.+支出)$/u.exec(cell.trim())
      if (m && !IS_PROSE.test(m[1]!) && !['基本支出', '项目支出'].includes(m[1]!)) names.add(normaliseClassName(m[1]!))
    }
  }
  return [...names]
}

describe(parseClassificationNames, () => {
  it('accepts the shipped file, which says the English is the site’s translation and not official', () => {
    const d = shipped()
    expect(d.byClassification.functional.size).toBeGreaterThan(0)
    expect(d.byClassification.economic.size).toBeGreaterThan(0)
    expect(d.source.zh).toMatch(/本站/)
    expect(d.source.en).toMatch(/this site/i)
    expect(d.source.en).toMatch(/not an official/i)
  })

  it('keeps every variant of a renamed code, each with its own English', () => {
    const names = shipped().byClassification.functional.get('20805')!.names
    expect(names.length).toBeGreaterThan(1)
    expect(new Set(names.map((n) => n.en)).size).toBe(names.length)
  })

  it.each([
    ['a code listed twice', (raw: Raw) => raw.economic.push(structuredClone(raw.economic[0]!)), /economic \d+ \(code \d{3}\): the code is listed twice/],
    ['a 4-digit functional code', (raw: Raw) => (raw.functional[2]!.code = '2011'), /functional 2 \(code 2011\).*3, 5 or 7 digits/],
    ['a 7-digit economic code', (raw: Raw) => (raw.economic[1]!.code = '3010101'), /economic 1 \(code 3010101\).*3 or 5 digits/],
    ['an empty English name', (raw: Raw) => (raw.functional[0]!.names[0]!.en = ' '), /functional 0 \(code \d+\) names\.0\.en: is empty/],
    ['a code without names', (raw: Raw) => (raw.economic[0]!.names = []), /economic 0 \(code \d+\) names: has no names/],
    [
      'the same Chinese twice under one code',
      (raw: Raw) => raw.functional[0]!.names.push({ ...raw.functional[0]!.names[0]!, en: 'Another' }),
      /functional 0 \(code \d+\): the name .+ is listed twice/,
    ],
  ])('refuses %s, naming the entry', (_label, breakIt, message) => {
    const raw = readDictionary() as Raw
    breakIt(raw)
    const result = parseClassificationNames(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message)
  })
})

type Raw = {
  functional: { code: string; names: { zh: string; en: string }[] }[]
  economic: { code: string; names: { zh: string; en: string }[] }[]
}

describe(englishNameOf, () => {
  const d = shipped()
  const [renamedCode, renamed] = [...d.byClassification.functional].find(([, e]) => e.names.length > 1)!

  it('gives each Chinese variant of a renamed code its own English', () => {
    for (const n of renamed.names) expect(englishNameOf(d, 'functional', renamedCode, n.zh)).toBe(n.en)
  })

  it('gives nothing for a known code printed under a Chinese name it never had', () => {
    expect(englishNameOf(d, 'functional', renamedCode, '某个从未用过的名称')).toBeUndefined()
    const other = [...d.byClassification.functional.values()].find((e) => e.code !== renamedCode)!
    expect(englishNameOf(d, 'functional', renamedCode, other.names[0]!.zh)).toBeUndefined()
  })

  it('gives nothing for an unknown code, or a code looked up in the other classification', () => {
    expect(englishNameOf(d, 'functional', '2999999', renamed.names[0]!.zh)).toBeUndefined()
    expect(englishNameOf(d, 'economic', renamedCode, renamed.names[0]!.zh)).toBeUndefined()
  })

  it('matches across whitespace and full-/half-width brackets', () => {
    const bracketed = [...d.byClassification.economic.values()].find((e) => e.names.some((n) => n.zh.includes('（')))!
    const { zh, en } = bracketed.names.find((n) => n.zh.includes('（'))!
    const halfWidth = zh.replace('（', '(').replace('）', ')')
    expect(englishNameOf(d, 'economic', bracketed.code, halfWidth)).toBe(en)
    expect(englishNameOf(d, 'economic', bracketed.code, ` ${[...halfWidth].join(' ')} `)).toBe(en)
  })
})

describe('the dictionary covers the published documents', () => {
  const d = shipped()

  it.each(DOCUMENTS)('has English for every code and name printed in %s', (doc) => {
    const printed = readPrintedCodes(readDocument(doc))
    expect(printed.some((p) => p.classification === 'functional')).toBe(true)
    expect(printed.some((p) => p.classification === 'economic')).toBe(true)
    const missing = printed.filter((p) => englishNameOf(d, p.classification, p.code, p.zh) === undefined)
    const list = [...new Set(missing.map((p) => `${p.classification} ${p.code} ${p.zh}`))].join('\n')
    expect(missing, `no English for:\n${list}`).toEqual([])
  })

  it('reads codes split over 类/款/项 columns and two column groups on one line', () => {
    const printed = readPrintedCodes(readDocument(DOCUMENTS[2]))
    expect(printed.some((p) => p.code.length === 7)).toBe(true)
    const economic = printed.filter((p) => p.classification === 'economic')
    expect(economic.some((p) => p.code.startsWith('301')) && economic.some((p) => p.code.startsWith('310'))).toBe(true)
  })

  it.each(DOCUMENTS)('has English for every functional class line printed without a code in %s', (doc) => {
    const classNames = new Set(
      [...d.byClassification.functional.values()].filter((e) => e.code.length === 3).flatMap((e) => [...e.enByZh.keys()]),
    )
    const missing = readClassLines(readDocument(doc)).filter((zh) => !classNames.has(zh))
    expect(missing, `no class named:\n${missing.join('\n')}`).toEqual([])
  })

  it('has the 26 class lines of the final accounts’ summary table', () => {
    expect(readClassLines(readDocument(DOCUMENTS[2]))).toHaveLength(26)
  })

  it('has every economic 类 with a 款 in the dictionary', () => {
    const economic = d.byClassification.economic
    const missing = [...economic.keys()].filter((c) => c.length === 5 && !economic.has(c.slice(0, 3)))
    expect(missing).toEqual([])
  })
})

describe('the dictionary agrees with the hand-made Yantian dataset', () => {
  type Row = { code: string; name: { zh: string; en: string } }
  const dataset = JSON.parse(readFileSync('public/data/yantian-investment-center-2023.json', 'utf8')) as Record<
    Classification,
    { rows: Row[] }
  >
  const d = shipped()

  it.each(['functional', 'economic'] as const)('gives the dataset’s own English for every %s row', (c) => {
    const rows = dataset[c].rows
    expect(rows.length).toBeGreaterThan(0)
    const disagreeing = rows
      .filter((r) => englishNameOf(d, c, r.code, r.name.zh) !== r.name.en)
      .map((r) => `${r.code} ${r.name.zh}: dataset "${r.name.en}", dictionary "${englishNameOf(d, c, r.code, r.name.zh) ?? '—'}"`)
    expect(disagreeing, disagreeing.join('\n')).toEqual([])
  })
})
