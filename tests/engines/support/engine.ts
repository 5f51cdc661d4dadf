/**
 * What the smoke needs from a browser engine, whatever protocol drives it: load a page, run a
 * function in it, hand over the errors the page raised, take a screenshot.
 */

/** A function run in the page; arguments and result travel as JSON. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>

/** One browser window of an engine, reused across views. */
export interface EnginePage {
  /** Opens `url` as a new document (never a same-document hash change) and waits for its load event. */
  load(url: string): Promise<void>
  /** Runs `fn` in the page (it must not use anything outside itself) and returns its result. */
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>
  /** Uncaught errors, unhandled rejections and console errors seen since the last call. */
  takeProblems(): Promise<string[]>
  /** Saves a PNG of the viewport. */
  screenshot(file: string): Promise<void>
  /** Closes the browser and everything it started. */
  close(): Promise<void>
}

/** Polls `fn` in the page until it returns a truthy value; returns it, or throws `what` after `timeout` ms. */
export async function waitInPage<A extends unknown[], R>(page: EnginePage, what: string, timeout: number, fn: PageFunction<A, R>, ...args: A): Promise<R> {
  const until = Date.now() + timeout
  let last: R | undefined
  for (;;) {
    last = await page.evaluate(fn, ...args)
    if (last) return last
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Waits until `signature` (run in the page) stays the same for `quietFor` ms, so lazily loaded
 * parts of a view (a chart's chunk, a second data file) are in before anything is judged.
 */
export async function waitUntilQuiet(page: EnginePage, signature: PageFunction<[], string>, quietFor: number, timeout: number): Promise<void> {
  const until = Date.now() + timeout
  let last = await page.evaluate(signature)
  let since = Date.now()
  while (Date.now() - since < quietFor) {
    if (Date.now() > until) throw new Error(`the page did not settle within ${timeout} ms (still changing: ${last})`)
    await new Promise((resolve) => setTimeout(resolve, 150))
    const now = await page.evaluate(signature)
    if (now !== last) {
      last = now
      since = Date.now()
    }
  }
}
