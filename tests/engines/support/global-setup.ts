/**
 * Runs once before the engine smoke: one line per engine that is missing (the test files skip
 * it, or fail under CI), also written to test-results/engines-missing.txt for `npm test`'s
 * summary, and a check that the build exists.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { DIST_DIR, IS_CI, REPO_ROOT } from '../../e2e/support/env'
import { ENGINES, missingLine } from './env'

/** The lines of the engines that were skipped, for `npm test`'s summary. */
export const MISSING_ENGINES_FILE = path.join(REPO_ROOT, 'test-results', 'engines-missing.txt')

export default function setup(): void {
  const missing = ENGINES.map(missingLine).filter((line): line is string => line !== null)
  mkdirSync(path.dirname(MISSING_ENGINES_FILE), { recursive: true })
  writeFileSync(MISSING_ENGINES_FILE, IS_CI ? '' : missing.map((line) => `${line}\n`).join(''))
  if (!IS_CI) for (const line of missing) console.log(line)
  if (missing.length === ENGINES.length && !IS_CI) return
  if (!existsSync(path.join(DIST_DIR, 'index.html')))
    throw new Error(`no built app in ${DIST_DIR}: run \`npm run build\` first (or \`npm run test:engines\`, which builds)`)
}
