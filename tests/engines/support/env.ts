/**
 * Where the other engines are: Debian's Firefox ESR, and WebKitGTK's WebDriver with its
 * MiniBrowser under a virtual X server. The tests never download a browser.
 */
import { existsSync } from 'node:fs'

/** Debian's `firefox-esr`. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'

/** Debian's `webkit2gtk-driver`: the WebDriver server and the browser it launches. */
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'

/** Debian's `xvfb`: MiniBrowser is a GTK window and needs an X display. */
export const XVFB_RUN_PATH = process.env.XVFB_RUN_PATH ?? '/usr/bin/xvfb-run'

/** xvfb-run needs xauth (only a Recommends of Debian's xvfb). */
export const XAUTH_PATH = '/usr/bin/xauth'

/** The phone the smoke runs on, in CSS px. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const

/** An engine the smoke runs in, and the Debian packages that bring it. */
export interface EngineInstall {
  id: 'firefox' | 'webkit'
  label: string
  /** Files that must exist, with the Debian package of each. */
  needs: { path: string; pkg: string }[]
}

export const ENGINES: readonly EngineInstall[] = [
  { id: 'firefox', label: 'Firefox ESR', needs: [{ path: FIREFOX_PATH, pkg: 'firefox-esr' }] },
  {
    id: 'webkit',
    label: 'WebKitGTK',
    needs: [
      { path: WEBKIT_DRIVER_PATH, pkg: 'webkit2gtk-driver' },
      { path: MINIBROWSER_PATH, pkg: 'webkit2gtk-driver' },
      { path: XVFB_RUN_PATH, pkg: 'xvfb' },
      { path: XAUTH_PATH, pkg: 'xauth' },
    ],
  },
]

/** One line saying what is missing for `engine`, or null when it can run. */
export function missingLine(engine: EngineInstall): string | null {
  const missing = engine.needs.filter((n) => !existsSync(n.path))
  if (!missing.length) return null
  const pkgs = [...new Set(missing.map((n) => n.pkg))].join(' ')
  return `${engine.label} smoke skipped: ${missing.map((n) => n.path).join(', ')} not found — install Debian's ${pkgs}`
}
