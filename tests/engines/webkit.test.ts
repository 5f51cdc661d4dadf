// Every view in both languages at 390 px in WebKitGTK (classic WebDriver): see support/smoke.ts.
import { describeEngineSmoke } from './support/smoke'
import { ENGINES } from './support/env'
import { WEBKIT_ERROR_HOOK, launchWebKit } from './support/webkit'

describeEngineSmoke(ENGINES.find((e) => e.id === 'webkit')!, launchWebKit, { testHook: WEBKIT_ERROR_HOOK })
