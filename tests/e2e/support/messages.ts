/**
 * The app's own UI messages, read from src/i18n/locales, so tests look for the words a visitor
 * sees in either language without retyping them.
 */
import type { Locale } from '@/domain/types'

type Tree = { [key: string]: string | Tree }

const FILES = import.meta.glob<Tree>('../../../src/i18n/locales/*/*.json', { eager: true, import: 'default' })

function lookup(locale: Locale, key: string): string {
  const [area, ...rest] = key.split('.')
  const file = Object.entries(FILES).find(([p]) => p.endsWith(`/locales/${locale}/${area}.json`))?.[1]
  let node: string | Tree | undefined = file
  for (const part of rest) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`no message ${key} in ${locale}`)
  return node
}

/**
 * A message as the app shows it: `message('en', 'errors.http', { file: 'index.json', status: 404 })`
 * → "Could not read the data file index.json (the server answered 404)." Handles named
 * parameters and literal interpolation (`{'@'}`); plural and linked messages are not supported.
 */
export function message(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(locale, key)
  if (/(^|[^{])\|/.test(text) || text.includes('@:')) throw new Error(`message ${key} is plural or linked: not supported here`)
  return text.replace(/\{\s*(?:'([^']*)'|(\w+))\s*\}/g, (_, literal: string | undefined, name: string | undefined) => {
    if (literal !== undefined) return literal
    const value = name === undefined ? undefined : params[name]
    if (value === undefined) throw new Error(`message ${key} needs parameter ${name}`)
    return String(value)
  })
}
