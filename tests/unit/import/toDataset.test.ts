import { describe, expect, it } from 'vitest'
import { parseDataset } from '@/domain/parse'
import { ALL_STEPS } from '@/domain/steps'
import type { RawDataset } from '@/domain/schema'
import type { Budget } from '@/domain/types'
import { toDataset } from '@/import/toDataset'
import { read, squeeze } from './documents'
import { classificationNames, IMPORT_DATE, repoJson } from './importHelpers'

function budget(raw: unknown): Budget {
  const r = parseDataset(raw, ALL_STEPS)
  if (!r.ok) throw new Error(r.problem.details.join('\n'))
  return r.value
}

function imported(): RawDataset {
  const r = toDataset(read('yantian').document, { names: classificationNames(), date: IMPORT_DATE, file: 'yantian.md' })
  if (!r.ok) throw new Error(r.reason)
  return r.dataset
}

const handMade = budget(repoJson('public/data/yantian-investment-center-2023.json'))
const fromText = budget(imported())

/**
 * What the hand-made file holds that the importer cannot read from the text, in one place. Each
 * entry must really be missing from the import, so the list cannot go stale.
 */
const KNOWN_GAPS = {
  'profile.duties': 'the duties are narrative prose',
  'profile.divisions': 'the divisions are narrative prose',
  'profile.subordinateUnits': 'stated in prose the fact patterns do not match',
  'profile.workGoals': 'narrative prose',
  'overview.changeReasons': 'the 一是/二是 reasons are not split by the reader',
  basicBreakdown: 'the prose groups (人员支出…) are not matched to economic classes',
  keyProjects: 'the key-project section is prose',
  otherNotes: 'narrative prose',
  glossary: 'the reader does not read 名词解释',
  'performance.dimensions': "table 12's indicator levels (一级/二级) are lost in the text",
  'performance.supervisor': 'a text row of table 12',
  'performanceManagement.units': 'stated in prose the fact patterns do not match',
  'assets.asOf': 'the date the assets are counted at is prose',
  'threePublic.abroadNote': 'narrative prose',
  editorial: "this site's notes, not the document's",
} as const

function at(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o)
}

const isEmpty = (x: unknown) => x === undefined || (Array.isArray(x) && x.length === 0)

describe('toDataset on the Yantian text against the hand-made dataset', () => {
  it('lists every known gap in one place, and each is really a gap', () => {
    for (const path of Object.keys(KNOWN_GAPS)) {
      expect(isEmpty(at(handMade, path)), `${path} in the hand-made file`).toBe(false)
      expect(isEmpty(at(fromText, path)), `${path} in the import`).toBe(true)
    }
  })

  it('reproduces every functional and economic row: code, Chinese name, total, basic, project', () => {
    const differences: string[] = []
    for (const c of ['functional', 'economic'] as const) {
      const mine = new Map((fromText[c]?.rows ?? []).map((r) => [r.code, r]))
      for (const r of handMade[c]?.rows ?? []) {
        const m = mine.get(r.code)
        if (!m) differences.push(`${c} ${r.code}: missing`)
        else for (const k of ['total', 'basic', 'project'] as const) if (m[k] !== r[k]) differences.push(`${c} ${r.code} ${k}: ${m[k]} vs ${r[k]}`)
        if (m && squeeze(m.name.zh) !== squeeze(r.name.zh)) differences.push(`${c} ${r.code} name: ${m.name.zh} vs ${r.name.zh}`)
      }
      expect(fromText[c]?.rows.length).toBe(handMade[c]?.rows.length)
      for (const k of ['total', 'basic', 'project'] as const) if (fromText[c]?.unit[k] !== handMade[c]?.unit[k]) differences.push(`${c} unit ${k}`)
    }
    expect(differences).toEqual([])
    expect(fromText.functional.unit.procurement).toEqual(handMade.functional.unit.procurement)
  })

  it('reproduces the income lines, the summary totals and the 三公 rows', () => {
    const lines = (b: Budget) => b.incomeStatement?.lines.map((l) => ({ id: l.id, name: squeeze(l.name.zh), amount: l.amount, parent: l.parent }))
    expect(lines(fromText)).toEqual(lines(handMade))
    const totals = (b: Budget) => {
      const s = b.incomeStatement!
      return [s.currentYearIncome, s.carriedOver, s.incomeGrandTotal, s.currentYearExpenditure, s.carryForward, s.expenditureGrandTotal, s.notes.map((n) => squeeze(n.zh))]
    }
    expect(totals(fromText)).toEqual(totals(handMade))
    const tp = (b: Budget) => ({ years: b.threePublic?.years, change: b.threePublic?.change, percent: b.threePublic?.percent })
    expect(tp(fromText)).toEqual(tp(handMade))
  })

  it('reproduces the stated totals and changes of the prose', () => {
    const figures = (b: Budget) => ({
      income: b.overview?.income,
      expenditure: b.overview?.expenditure,
      project: b.projectExpenditure?.amount,
      categories: b.projectExpenditure?.categories.map((c) => [squeeze(c.name.zh), c.amount, c.change?.amount, c.change?.percent]),
      procurement: b.procurement,
      operatingCosts: [b.operatingCosts?.amount, b.operatingCosts?.change?.amount, b.operatingCosts?.change?.percent],
      performanceManagement: [b.performanceManagement?.projectFunds, b.performanceManagement?.projectGoals],
      staffing: [b.profile?.staffing?.institutionalAuthorized, b.profile?.staffing?.institutionalActual, b.profile?.staffing?.administrativeAuthorized],
      assets: { ...b.assets, asOf: undefined },
      tasks: b.performance?.tasks.map((t) => [squeeze(t.name.zh), t.total, t.fiscal, t.other]),
      tasksTotal: b.performance?.tasksTotal,
      goals: b.performance?.goals.length,
    })
    expect(figures(fromText)).toEqual(figures(handMade))
  })

  it('lists the tables with the numbers, kinds and status of the hand-made file (2, 4 and 5 missing)', () => {
    const entries = (b: Budget) => b.tables.map((t) => [t.number, t.kind, t.status])
    expect(entries(fromText)).toEqual(entries(handMade))
  })

  it('stores the empty tables with their printed zeros and note', () => {
    for (const k of ['governmentFund', 'stateCapital'] as const) {
      expect(fromText[k]?.unit).toEqual(handMade[k]?.unit)
      expect(fromText[k]?.note.zh).toBe(handMade[k]?.note.zh)
    }
  })

  it('gives English only to codes the shared dictionary knows, never to free text', () => {
    const raw = imported()
    expect(raw.functional.rows.every((r) => r.name.en !== undefined)).toBe(true)
    expect(raw.department.en).toBeUndefined()
    expect(raw.projectExpenditure?.categories.every((c) => c.name.en === undefined && c.change?.reason?.en === undefined)).toBe(true)
    expect(raw.source.madeBy).toEqual({ method: 'import', date: IMPORT_DATE })
  })

  it('gives the same department the same stable ASCII id', () => {
    const a = imported()
    const b = imported()
    expect(a.departmentId).toBe(b.departmentId)
    expect(a.departmentId).toMatch(/^shenzhen-yantian-[0-9a-f]{8}$/)
    expect(a.id).toBe(`${a.departmentId}-2023`)
  })
})
