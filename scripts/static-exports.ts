/**
 * The exports that do not depend on a reader's choices beyond language and unit, published as static
 * files beside the data: every table of every dataset as CSV, in both languages and both units. In-app
 * browsers (WeChat, QQ) do not download blob URLs; a plain link to one of these files works everywhere.
 *
 * The same domain code builds them as the app's download button does (`buildTableCsvRows`), with the
 * app's own messages, so a static file and the button's file are the same bytes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatCsv } from '../src/domain/csv'
import { buildTableCsvRows, formatExportFileName, tableFileSubject } from '../src/domain/export'
import { AMOUNT_UNITS } from '../src/domain/format'
import { parseCatalogue, parseDataset } from '../src/domain/parse'
import { ALL_STEPS } from '../src/domain/steps'
import { buildTables } from '../src/domain/tables'
import { LOCALES, type Budget, type Locale } from '../src/domain/types'
import { CLASSIFICATION_NAMES_FILE, parseClassificationNames } from '../src/domain/classificationNames'
import { withClassificationNames } from '../src/domain/englishNames'
import { needsClassificationNames } from '../src/domain/untranslated'

/** The folder, under the data folder, that holds the static exports. */
export const EXPORTS_DIR = 'exports'

type Messages = Record<string, unknown>

/** The app's messages of one language, read from its JSON files (`area.key` → text). */
function readMessages(root: string, locale: Locale): Messages {
  const out: Messages = {}
  for (const area of ['tables', 'export', 'units', 'app', 'performance']) out[area] = JSON.parse(readFileSync(join(root, 'src/i18n/locales', locale, `${area}.json`), 'utf8'))
  return out
}

/** A translator over the JSON messages: named parameters only (a message with other syntax is an error, not a guess). */
function translator(messages: Messages): (key: string, params?: Record<string, string | number>) => string {
  return (key, params = {}) => {
    const text = key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Messages)[k] : undefined), messages)
    if (typeof text !== 'string') throw new Error(`static exports: no message ${key}`)
    if (/@:|\|/.test(text)) throw new Error(`static exports: message ${key} uses syntax this translator does not read`)
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
  }
}

/** One file to write: its path under the data folder and its text. */
export interface StaticFile {
  path: string
  text: string
}

/** Every static export of the catalogue in `dataDir`; `root` is the project (for the messages). */
export function buildStaticExports(dataDir: string, root: string): StaticFile[] {
  const cat = parseCatalogue(JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')), ALL_STEPS)
  if (!cat.ok) throw new Error(`static exports: index.json: ${cat.problem.details.join('; ')}`)
  const t = Object.fromEntries(LOCALES.map((l) => [l, translator(readMessages(root, l))])) as Record<Locale, ReturnType<typeof translator>>
  let names: ReturnType<typeof parseClassificationNames> | null = null
  const files: StaticFile[] = []
  for (const entry of cat.value.datasets) {
    const parsed = parseDataset(JSON.parse(readFileSync(join(dataDir, entry.file), 'utf8')), ALL_STEPS)
    if (!parsed.ok) throw new Error(`static exports: ${entry.file}: ${parsed.problem.details.join('; ')}`)
    let b: Budget = parsed.value
    if (needsClassificationNames(b)) {
      names ??= parseClassificationNames(JSON.parse(readFileSync(join(dataDir, CLASSIFICATION_NAMES_FILE), 'utf8')))
      if (names.ok) b = withClassificationNames(b, names.value)
    }
    for (const table of buildTables(b))
      for (const locale of LOCALES)
        for (const unit of AMOUNT_UNITS) {
          const name = formatExportFileName({ datasetId: b.id, subject: tableFileSubject(table.number), locale, unit }, 'csv')
          files.push({ path: `${EXPORTS_DIR}/${b.id}/${name}`, text: formatCsv(buildTableCsvRows(table, { locale, unit, t: t[locale] }, b.department)) })
        }
  }
  return files
}
