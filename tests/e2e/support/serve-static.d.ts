// Types for scripts/serve-static.mjs (plain JS so it runs without a build step).
declare module '*/scripts/serve-static.mjs' {
  /** The Content-Security-Policy header the server sends. */
  export const CSP: string

  export interface ServerOptions {
    /** Folder to serve (default: dist). */
    root?: string
    /** Sub-path the app lives under (default: /budget/). */
    base?: string
    /** Folder served at <base>data/ instead of <root>/data. */
    dataDir?: string
    /** Port; 0 picks a free one. */
    port?: number
    /** Send the Content-Security-Policy header (default: true). */
    csp?: boolean
    /** Log each request (default: false). */
    log?: boolean
    /** Tests only: a script served at <base>__test-hook.js and loaded first by the app's HTML (the CSP is unchanged). */
    testHook?: string
  }

  export interface RunningServer {
    /** The app's address with its sub-path: http://127.0.0.1:PORT/budget/ */
    url: string
    /** http://127.0.0.1:PORT */
    origin: string
    port: number
    /** Stops the server and drops open connections. */
    close(): Promise<void>
  }

  /** Serves `root` under `base` on 127.0.0.1 with SPA fallback, CSP and gzip. */
  export function startServer(options?: ServerOptions): Promise<RunningServer>
}
