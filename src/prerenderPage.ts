/**
 * What a pre-rendered page (`scripts/prerender.ts`) says about itself: its dataset, language and view, in a
 * JSON block of the page (`<script type="application/json" id="prerender-page">`: data, never run, so
 * the strict CSP holds). Its gate script (`scripts/prerender-gate.js`) reads it before the first paint:
 * the pre-render shows only for the hashes that name this page, and a page opened with no hash is given
 * its own route. The app then mounts once its data is there, so its first render replaces the HTML
 * with the same markup.
 */
import { VIEWS, type ViewName } from '@/router'
import type { Locale } from '@/domain/languages'

/** The id of the JSON block. */
export const PAGE_STATE_ID = 'prerender-page'
/** The class the gate script (`scripts/prerender-gate.js`) puts on `<html>` when the hash names another page. */
export const HIDDEN_CLASS = 'prerender-hidden'

/** A view that has pre-rendered pages: a dataset's overview and tables, and the district landing. */
export type PageView = Extract<ViewName, 'overview' | 'tables'> | 'district'

/** The state of a pre-rendered page. */
export interface PageState {
  /** The dataset's id ("yantian-investment-center-2023"); null for the district landing. */
  dataset: string | null
  locale: Locale
  view: PageView
  /** The dataset's parameters, as the app's links write them: `{ dept, year }` (+ `phase`). */
  query: Record<string, string>
  /** index.html: the default dataset, opened as the app opens it with no hash (whatever data is served). */
  landing: boolean
  /** The page's own route: "#/en/tables?dept=x&year=2023". */
  hash: string
  /** The URL hashes that show this very page (the gate hides the pre-render for any other). */
  hashes: string[]
  /** What the gate script adds to start the app (built pages only). */
  load?: AppLoad
}

/**
 * The elements that start the app, in order, for the gate script to add to the page's head: the data and
 * module preloads, then the entry script (`{ tag: 'script', attrs: { type: 'module', src, crossorigin: '' } }`).
 */
export type AppLoad = { tag: 'link' | 'script'; attrs: Record<string, string> }[]

/** The hash of a page's route, as the app's router writes it: "#/en/tables?dept=x&year=2023". */
export function pageHash(locale: Locale, view: PageView, query: Record<string, string>): string {
  const path = view === 'district' ? 'district' : (VIEWS.find((v) => v.name === view)?.path ?? '')
  const search = new URLSearchParams(query).toString()
  return `#/${locale}${path ? `/${path}` : ''}${search ? `?${search}` : ''}`
}

/** Every hash that opens the page: none, its own route, and for the landing page the app's default routes. */
export function pageHashes(locale: Locale, view: PageView, query: Record<string, string>, landing: boolean): string[] {
  return ['', '#', ...(landing ? ['#/', `#/${locale}`, `#/${locale}/`] : []), pageHash(locale, view, query)]
}
