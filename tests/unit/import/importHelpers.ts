import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseClassificationNames, type ClassificationNames } from '@/domain/classificationNames'

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export function repoJson(path: string): unknown {
  return JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as unknown
}

/** The shared dictionary of English code names, as the import command loads it. */
export function classificationNames(): ClassificationNames {
  const r = parseClassificationNames(repoJson('public/data/classification-names.json'))
  if (!r.ok) throw new Error(r.problems.join('\n'))
  return r.value
}

/** The date every test import is stamped with, so files are reproducible. */
export const IMPORT_DATE = '2026-12-03'
