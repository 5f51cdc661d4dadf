import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { main } from '../../../scripts/import-cli'
import { computeChecks } from '@/domain/checks'
import { parseCatalogue, parseDataset } from '@/domain/parse'
import { ALL_STEPS } from '@/domain/steps'
import type { Budget } from '@/domain/types'
import { DOCUMENTS, SOURCE_DIR, sourceText, squeeze, type DocumentId } from './documents'
import { IMPORT_DATE, ROOT } from './importHelpers'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-'))
})
afterEach(() => {
  chmodSync(dir, 0o755)
  rmSync(dir, { recursive: true, force: true })
})

async function run(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = []
  const code = await main(args, (l) => lines.push(l), IMPORT_DATE)
  return { code, lines }
}

function importDoc(id: DocumentId, data = dir) {
  return run(SOURCE_DIR + DOCUMENTS[id], '--data', data)
}

function written(data = dir): Budget[] {
  const cat = parseCatalogue(JSON.parse(readFileSync(join(data, 'index.json'), 'utf8')), ALL_STEPS)
  if (!cat.ok) throw new Error(cat.problem.details.join('\n'))
  return cat.value.datasets.map((e) => {
    const r = parseDataset(JSON.parse(readFileSync(join(data, e.file), 'utf8')), ALL_STEPS)
    if (!r.ok) throw new Error(r.problem.details.join('\n'))
    return r.value
  })
}

/**
 * The figures printed after this code on each line of the source text that carries it: `201 05 07`,
 * `301 2` (the PDF drops a leading 0) or `2010507`, anywhere on the line (tables printed side by side).
 */
function printedRows(text: string, code: string): number[][] {
  const out: number[][] = []
  for (const line of text.split('\n')) {
    const cells = line.split('\t').map((c) => c.trim())
    cells.forEach((cell, i) => {
      if (!/^\d{3}(\d{2}){0,2}$/.test(cell)) return
      let joined = cell
      let j = i + 1
      while (cell.length === 3 && /^\d{1,2}$/.test(cells[j] ?? '') && joined.length < code.length) joined += (cells[j++] ?? '').padStart(2, '0')
      if (joined === code) out.push(cells.slice(j).map((c) => Number(c.replace(/,/g, ''))))
    })
  }
  return out
}

const OTHERS = ['wanli', 'finance', 'jiangsu'] as const

describe('npm run import on the three other documents', () => {
  it.each(OTHERS)('%s: imports, ends with the one summary line, writes the dataset and its catalogue entry', async (id) => {
    const { code, lines } = await importDoc(id)
    expect(code).toBe(0)
    expect(lines.at(-1)).toMatch(/^imported [a-z0-9-]+: \d+ tables, \d+ rows, \d+ prose facts; checks: \d+ ok, \d+ within rounding, \d+ contradictions$/)
    const [b] = written()
    expect(b).toBeDefined()
    expect(lines.at(-1)).toContain(`imported ${b!.id}:`)
    expect(lines.some((l) => /^Not read: \d+$/.test(l))).toBe(true)
  })

  it.each(OTHERS)('%s: every functional and economic row is as printed in the source text', async (id) => {
    await importDoc(id)
    const [b] = written()
    const text = sourceText(id)
    const scale = b!.unit === '元' ? 10_000 : 1
    for (const c of ['functional', 'economic'] as const) {
      for (const r of b![c]?.rows ?? []) {
        const figures = (['total', 'basic', 'project'] as const).flatMap((m) => (r[m] === undefined ? [] : [Math.round(r[m] * scale * 100) / 100]))
        const lines = printedRows(text, r.code)
        expect(lines.length, `${c} ${r.code} printed`).toBeGreaterThan(0)
        expect(lines.some((cells) => figures.every((f) => cells.includes(f))), `${c} ${r.code}: ${figures.join(', ')}`).toBe(true)
        expect(squeeze(text)).toContain(squeeze(r.name.zh))
      }
    }
  })

  it.each(OTHERS)('%s: the classes add up to the unit row within the printed rounding (no figure adjusted)', async (id) => {
    await importDoc(id)
    const [b] = written()
    const check = computeChecks(b!).find((c) => c.id === 'functional.sum.unit.total')!
    expect(['ok', 'rounding']).toContain(check.verdict)
    expect(b!.functional.rows.length).toBeGreaterThan(5)
  })

  it.each(OTHERS)('%s: the 三公 figures are printed in the source text', async (id) => {
    await importDoc(id)
    const [b] = written()
    const text = squeeze(sourceText(id)).replace(/,/g, '')
    const scale = (b!.precision.sections?.threePublic?.unit ?? b!.unit) === '元' ? 10_000 : 1
    const tp = b!.threePublic
    expect(tp?.years.length).toBeGreaterThan(0)
    for (const y of tp!.years)
      for (const [k, v] of Object.entries(y)) if (typeof v === 'number' && k !== 'year') expect(text, k).toContain(String(Math.round(v * scale * 100) / 100))
  })

  it("finance bureau: the summaries' 社会保障和就业支出 against the functional table is a mismatch", async () => {
    await importDoc('finance')
    const checks = computeChecks(written()[0]!)
    const found = checks.filter((c) => c.id.startsWith('summary.') && c.id.endsWith('.208'))
    expect(found.length).toBe(2)
    for (const c of found) {
      expect(c.verdict).toBe('mismatch')
      expect(squeeze(sourceText('finance'))).toContain(`八、社会保障和就业支出${c.left.value}`)
    }
  })

  it('Wanli: 住房公积金 stated as one figure and restated as another is a mismatch', async () => {
    await importDoc('wanli')
    const c = computeChecks(written()[0]!).find((x) => x.id === 'items.restated.2210201')!
    expect(c.verdict).toBe('mismatch')
    const sentence = squeeze(sourceText('wanli')).match(/“住房保障支出（类）住房改革支出（款）住房公积金（项）”([\d.]+)万元[^。]*。[^。]*预算安排([\d.]+)万元/)!
    expect([c.left.value, c.right.value]).toEqual([Number(sentence[1]), Number(sentence[2])])
  })

  it('Jiangsu: the 项目支出 change stated with the wrong percentage is a mismatch', async () => {
    await importDoc('jiangsu')
    const c = computeChecks(written()[0]!).find((x) => x.id === 'percent.project')!
    expect(c.verdict).toBe('mismatch')
    const stated = squeeze(sourceText('jiangsu')).match(/项目支出预算数为[\d.]+万元。与上年相比减少了[\d.]+万元，减少([\d.]+)%/)!
    expect(c.left.value).toBe(-Number(stated[1]))
  })

  it('--json prints the same report as one JSON object', async () => {
    const { code, lines } = await run(SOURCE_DIR + DOCUMENTS.wanli, '--data', dir, '--json')
    expect(code).toBe(0)
    expect(lines).toHaveLength(1)
    const out = JSON.parse(lines[0]!) as { id: string; summary: string; checks: unknown[]; report: { unread: unknown[] } }
    expect(out.summary).toMatch(new RegExp(`^imported ${out.id}: `))
    expect(out.checks.length).toBeGreaterThan(0)
    expect(out.report.unread.length).toBeGreaterThan(0)
  })
})

describe('npm run import on bad inputs', () => {
  const files = () => readdirSync(dir).sort()

  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), /does not exist/],
    ['an empty file', () => (writeFileSync(join(dir, 'empty.txt'), ''), join(dir, 'empty.txt')), /empty/],
    ['a binary file', () => (writeFileSync(join(dir, 'b.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0xff])), join(dir, 'b.pdf')), /binary/],
    ['the repository README', () => resolve(ROOT, 'README.md'), /not a budget or final-accounts disclosure/],
    ['a folder', () => dir, /not a file/],
  ])('refuses %s with one clear sentence and writes nothing', async (_, path, reason) => {
    const target = path()
    const before = files()
    const { code, lines } = await run(target, '--data', dir)
    expect(code).toBe(1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(reason)
    expect(files()).toEqual(before)
  })

  it('imports a document with a table cut off mid-row: the cut line is listed as not read, no figure is made up', async () => {
    const text = sourceText('yantian')
    const row = '\t2080505\t机关事业单位基本养老保险缴费支出\t85\t85\t0\t0\t0\t0'
    const cut = text.slice(0, text.indexOf(row) + row.indexOf('\t85\t') + 2) // "…支出\t8"
    writeFileSync(join(dir, 'cut.md'), cut)
    const { code, lines } = await run(join(dir, 'cut.md'), '--data', dir)
    expect(code).toBe(0)
    const lineNo = cut.split('\n').length
    expect(lines.some((l) => l.includes(`line ${lineNo}`) && /cut off/.test(l))).toBe(true)
    const [b] = written()
    expect(b!.functional.rows.some((r) => r.code === '2080505')).toBe(false)
    // The parent's children no longer add up: shown as the document's gap, not closed by a guess.
    expect(computeChecks(b!).find((c) => c.id === 'functional.sum.20805.total')?.verdict).toBe('mismatch')
  })

  it('is idempotent: the same document twice gives byte-identical files and one catalogue entry', async () => {
    await importDoc('finance')
    const first = files().map((f) => readFileSync(join(dir, f), 'utf8'))
    await importDoc('finance')
    expect(files().map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(first)
    const cat = JSON.parse(first[files().indexOf('index.json')]!) as { datasets: unknown[] }
    expect(cat.datasets).toHaveLength(1)
  })

  it("keeps the catalogue's other entries and its site name", async () => {
    cpSync(resolve(ROOT, 'public/data/index.json'), join(dir, 'index.json'))
    const before = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { site: unknown; datasets: { id: string }[] }
    expect((await importDoc('jiangsu')).code).toBe(0)
    const after = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { site: unknown; datasets: { id: string }[] }
    expect(after.site).toEqual(before.site)
    expect(after.datasets.slice(0, before.datasets.length)).toEqual(before.datasets)
    expect(after.datasets).toHaveLength(before.datasets.length + 1)
  })

  it('refuses a broken catalogue and leaves it as it was', async () => {
    writeFileSync(join(dir, 'index.json'), '{"schemaVersion": 2, "datasets": ')
    const { code, lines } = await importDoc('jiangsu')
    expect(code).toBe(1)
    expect(lines[0]).toMatch(/catalogue .* cannot be read/)
    expect(files()).toEqual(['index.json'])
  })

  it('reports a dataset file it cannot replace and leaves the catalogue as it was (works as root too)', async () => {
    const probe = mkdtempSync(join(tmpdir(), 'import-probe-'))
    await importDoc('wanli', probe)
    const [{ file }] = (JSON.parse(readFileSync(join(probe, 'index.json'), 'utf8')) as { datasets: { file: string }[] }).datasets as [{ file: string }]
    rmSync(probe, { recursive: true, force: true })
    cpSync(resolve(ROOT, 'public/data/index.json'), join(dir, 'index.json'))
    const catalogue = readFileSync(join(dir, 'index.json'), 'utf8')
    mkdirSync(join(dir, file, 'in-the-way'), { recursive: true })
    const { code, lines } = await importDoc('wanli')
    expect(code).toBe(1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Cannot write .*catalogue was left as it was/)
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe(catalogue)
    expect(files()).toEqual(['index.json', file].sort())
  })
})
