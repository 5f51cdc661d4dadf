// `npm run validate-data`: a document's contradictions are findings, printed and counted, exit 0; only a
// broken file fails, or every finding with --strict.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../../scripts/validate-data-cli'

const IMPORTED = 'tests/fixtures/imported'

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
  try {
    return { code: await main(args), out: lines.join('\n') }
  } finally {
    log.mockRestore()
  }
}

describe('validate-data', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = ''
  })

  it('prints the documents’ contradictions as findings and exits 0', async () => {
    const { code, out } = await run([IMPORTED])
    expect(code).toBe(0)
    expect(out).toMatch(/FINDING +items\.restated\.2210201/)
    expect(out).toMatch(/validate-data: every file valid; [1-9]\d* contradiction\(s\) found in the documents, shown as findings/)
  })

  it('fails on the findings with --strict', async () => {
    const { code, out } = await run([IMPORTED, '--strict'])
    expect(code).toBe(1)
    expect(out).toContain('--strict')
  })

  it('passes the shipped data, which has no finding, even with --strict', async () => {
    expect((await run(['public/data', '--strict'])).code).toBe(0)
  })

  it('fails on a broken file and names it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'validate-'))
    cpSync(IMPORTED, dir, { recursive: true })
    writeFileSync(join(dir, 'jiangsu-99cae966-2019.json'), '{"schemaVersion": 2, "id": ')
    const { code, out } = await run([dir])
    expect(code).toBe(1)
    expect(out).toContain('jiangsu-99cae966-2019.json: cannot read')
    expect(out).toMatch(/1 dataset\(s\) broken/)
  })

  it('fails on a catalogue summary that disagrees with its dataset and names the entry', async () => {
    dir = mkdtempSync(join(tmpdir(), 'validate-'))
    cpSync(IMPORTED, dir, { recursive: true })
    const cat = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { datasets: { id: string; summary: { total: number } }[] }
    const entry = cat.datasets[1]!
    entry.summary.total += 1
    writeFileSync(join(dir, 'index.json'), JSON.stringify(cat))
    const { code, out } = await run([dir])
    expect(code).toBe(1)
    expect(out).toContain(`index.json entry ${entry.id}: summary failure`)
    expect(out).toMatch(/total: .* in the catalogue, .* in the dataset/)
  })
})
