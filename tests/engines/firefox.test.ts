// Every view in both languages at 390 px in Firefox ESR (WebDriver BiDi): see support/smoke.ts.
import { describeEngineSmoke } from './support/smoke'
import { ENGINES } from './support/env'
import { launchFirefox } from './support/firefox'

describeEngineSmoke(ENGINES.find((e) => e.id === 'firefox')!, launchFirefox)
