import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readDocument } from '@/import/read'
import type { ParsedDocument } from '@/import/types'
import type { Report } from '@/import/report'

/** The published documents sit beside the clone: `../shared/source` from the repository root. */
export const SOURCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/source') + '/'

export const DOCUMENTS = {
  yantian: 'yantian-investment-center-budget-2023.md',
  wanli: 'other-documents/shanghai-putuo-wanli-subdistrict-2024-budget.txt',
  finance: 'other-documents/shanghai-putuo-finance-bureau-2024-final-accounts.txt',
  jiangsu: 'other-documents/jiangsu-procuratorate-2019-budget.txt',
} as const

export type DocumentId = keyof typeof DOCUMENTS

export function sourceText(id: DocumentId): string {
  return readFileSync(SOURCE_DIR + DOCUMENTS[id], 'utf8')
}

export function sourceLines(id: DocumentId): string[] {
  return sourceText(id).split('\n')
}

const cache = new Map<DocumentId, { document: ParsedDocument; report: Report }>()

/** Reads a document once per test file; fails the test if it cannot be read. */
export function read(id: DocumentId): { document: ParsedDocument; report: Report } {
  const hit = cache.get(id)
  if (hit) return hit
  const r = readDocument(sourceText(id))
  if (!r.ok) throw new Error(`${id}: ${r.reason}`)
  cache.set(id, r)
  return r
}

/** Spaces removed, as the reader removes the spacing a PDF puts between Chinese characters. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '')
}
