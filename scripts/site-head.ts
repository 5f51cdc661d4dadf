/**
 * index.html's head from the data, at build time (the `site-head` plugin in vite.config.ts): the
 * site's name from the catalogue in `<title>`, a description built from it and each UI language's
 * `app.siteDescription` message, and the default language's `<html lang>`. Static text only: the
 * CSP allows no inline script.
 */
import { LANGUAGES } from '../src/domain/languages.ts'
import type { Catalogue } from '../src/domain/types.ts'

/** Text for an HTML attribute or element: `&`, `<`, `>` and quotes escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
}

/**
 * Fills `%HTML_LANG%`, `%SITE_TITLE%` ("盐田区部门预算公开 · Yantian District open budget") and
 * `%SITE_DESCRIPTION%` (each language's description, `{site}` replaced by its name) in `html`.
 * `descriptions` maps a language tag to its `app.siteDescription` message.
 */
export function fillSiteHead(html: string, site: Catalogue['site'], descriptions: Readonly<Record<string, string | undefined>>): string {
  const texts = LANGUAGES.map((l) => {
    const name = site.name[l.text] ?? site.name.zh
    return { name, description: (descriptions[l.tag] ?? '').replaceAll('{site}', name) }
  })
  const unique = (list: string[]): string[] => [...new Set(list.filter(Boolean))]
  return html
    .replaceAll('%HTML_LANG%', escapeHtml(LANGUAGES[0].htmlLang))
    .replaceAll('%SITE_TITLE%', escapeHtml(unique(texts.map((t) => t.name)).join(' · ')))
    .replaceAll('%SITE_DESCRIPTION%', escapeHtml(unique(texts.map((t) => t.description)).join(' ')))
}
