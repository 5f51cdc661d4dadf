/** Everything a browser test needs: `import { describeInBrowser, PHONE, … } from '../support'`. */
export { CHROMIUM_ARGS, DESKTOP, DEVICES, PHONE, collectProblems, launchBrowser, openWatchedPage } from './browser'
export type { Device, PageProblems, WatchedPage } from './browser'
export {
  FAILED_RESOURCE_ERROR,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  saveScreenshot,
  waitForSettled,
} from './checks'
export { CATALOGUE_FILE, DataFolder, readImported, readPublished, summaryOf } from './data'
export { BASE_PATH, CHROMIUM_PATH, DIST_DIR, HAS_BROWSER, IS_CI, PUBLIC_DATA_DIR, SCREENSHOT_DIR } from './env'
export { message } from './messages'
export { describeInBrowser, hashOf } from './suite'
export type { BrowserSuite, OpenedPage, SuiteOptions, Target } from './suite'
export { LOCALES } from '@/domain/types'
export type { Locale } from '@/domain/types'
export { VIEWS } from '@/router'
export type { ViewName } from '@/router'
