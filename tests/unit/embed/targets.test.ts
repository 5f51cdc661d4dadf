import { describe, expect, it } from 'vitest'
import { EMBED_VIEWS, listEmbedTargets, parseEmbedTarget } from '@/embed/targets'
import { makeTables } from '../../fixtures/dataset'

describe(parseEmbedTarget, () => {
  it.each(Object.entries(EMBED_VIEWS))('reads %s as the %s view', (what, route) => {
    expect(parseEmbedTarget(what)).toEqual({ kind: 'view', view: what, route })
  })

  // Any document number: a document may have more than twelve tables; one it lacks is said so by the table view.
  it.each([1, 8, 12, 13, 99])('reads table-%i as that table', (n) => {
    expect(parseEmbedTarget(`table-${n}`)).toEqual({ kind: 'table', table: n })
  })

  it.each(['table-0', 'table-08', 'table-100', 'table-08x', 'table-', 'overview', 'notes', 'constructor', '__proto__', '', undefined, ['checks']])('refuses %j', (what) => {
    expect(parseEmbedTarget(what)).toBeNull()
  })

  it('lists every valid name for the document’s own table numbers, and every listed name parses', () => {
    const numbers = makeTables().map((t) => t.number)
    const all = listEmbedTargets(numbers)
    expect(all).toEqual([...Object.keys(EMBED_VIEWS), ...numbers.map((n) => `table-${n}`)])
    expect(all.every((w) => parseEmbedTarget(w) !== null)).toBe(true)
    expect(listEmbedTargets([3, 5]).filter((w) => w.startsWith('table-'))).toEqual(['table-3', 'table-5'])
  })
})
