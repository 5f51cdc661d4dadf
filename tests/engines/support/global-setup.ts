/**
 * Runs once before the engine smoke: one line per engine that is missing (the test files skip
 * it, or fail under CI), and a check that the build exists.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { DIST_DIR, IS_CI } from '../../e2e/support/env'
import { ENGINES, missingLine } from './env'

export default function setup(): void {
  const missing = ENGINES.map(missingLine).filter((line): line is string => line !== null)
  if (!IS_CI) for (const line of missing) console.log(line)
  if (missing.length === ENGINES.length && !IS_CI) return
  if (!existsSync(path.join(DIST_DIR, 'index.html')))
    throw new Error(`no built app in ${DIST_DIR}: run \`npm run build\` first (or \`npm run test:engines\`, which builds)`)
}
