import { describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { main } from '../../../scripts/import-cli'
import { DOCUMENTS, SOURCE_DIR } from './documents'
import { IMPORT_DATE, ROOT } from './importHelpers'

/** The imported catalogue other engineers test every view on: the three documents plus the hand-made Yantian dataset. */
const FIXTURES = resolve(ROOT, 'tests/fixtures/imported')

describe('tests/fixtures/imported', () => {
  it('equals a fresh import of the three other documents, byte for byte (so it never goes stale)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-'))
    try {
      cpSync(join(FIXTURES, 'index.json'), join(dir, 'index.json'))
      cpSync(join(FIXTURES, 'yantian-investment-center-2023.json'), join(dir, 'yantian-investment-center-2023.json'))
      for (const id of ['wanli', 'finance', 'jiangsu'] as const) expect(await main([SOURCE_DIR + DOCUMENTS[id], '--data', dir], () => {}, IMPORT_DATE)).toBe(0)
      const names = readdirSync(FIXTURES).sort()
      expect(readdirSync(dir).sort()).toEqual(names)
      for (const name of names) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(readFileSync(join(FIXTURES, name), 'utf8'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('holds the hand-made Yantian dataset as published in public/data', () => {
    expect(readFileSync(join(FIXTURES, 'yantian-investment-center-2023.json'), 'utf8')).toBe(readFileSync(resolve(ROOT, 'public/data/yantian-investment-center-2023.json'), 'utf8'))
  })
})
