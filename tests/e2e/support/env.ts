/**
 * Where things are for the browser tests: the browser, the built app, the data, the output.
 * Read once per file; nothing here starts a process.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** true under CI (`CI=true`), where the browser tests are required rather than skippable. */
export const IS_CI = Boolean(process.env.CI) && !['0', 'false'].includes(String(process.env.CI).toLowerCase())

/** true when the browser exists; test files skip themselves when it does not (outside CI). */
export const HAS_BROWSER = existsSync(CHROMIUM_PATH)

/** The one line printed when the browser tests are skipped. */
export const SKIP_LINE = `browser tests skipped: ${CHROMIUM_PATH} not found — install Debian's chromium`

/** The built app under test (`E2E_DIST` overrides dist/, e.g. for a build in /tmp). */
export const DIST_DIR = path.resolve(REPO_ROOT, process.env.E2E_DIST ?? 'dist')

/** The published data the app ships with; fault and hostile variants are copies of it. */
export const PUBLIC_DATA_DIR = path.join(REPO_ROOT, 'public', 'data')

/** Where screenshots for reviewers go. */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots')

/** The sub-path the app is served under, as in production. */
export const BASE_PATH = '/budget/'
