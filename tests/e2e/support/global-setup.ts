/**
 * Runs once before the browser tests: decides whether they can run, checks the build exists,
 * and clears the previous run's screenshots.
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { DIST_DIR, HAS_BROWSER, IS_CI, SCREENSHOT_DIR, SKIP_LINE } from './env'

export default async function setup(): Promise<void> {
  if (!HAS_BROWSER) {
    if (IS_CI) throw new Error(`${SKIP_LINE.replace('skipped', 'required under CI')}`)
    console.log(SKIP_LINE)
    return
  }
  if (!existsSync(path.join(DIST_DIR, 'index.html')))
    throw new Error(`no built app in ${DIST_DIR}: run \`npm run build\` first (or \`npm run test:e2e\`, which builds)`)
  await rm(SCREENSHOT_DIR, { recursive: true, force: true })
}
