import { describe, expect, it } from 'vitest'
import { EMBED_VIEWS, listEmbedTargets, parseEmbedTarget } from '@/embed/targets'

describe(parseEmbedTarget, () => {
  it.each(Object.entries(EMBED_VIEWS))('reads %s as the %s view', (what, route) => {
    expect(parseEmbedTarget(what)).toEqual({ kind: 'view', view: what, route })
  })

  it.each([1, 8, 12])('reads table-%i as that table', (n) => {
    expect(parseEmbedTarget(`table-${n}`)).toEqual({ kind: 'table', table: n })
  })

  it.each(['table-0', 'table-13', 'table-08x', 'table-', 'overview', 'notes', 'constructor', '__proto__', '', undefined, ['checks']])('refuses %j', (what) => {
    expect(parseEmbedTarget(what)).toBeNull()
  })

  it('lists every valid name, and every listed name parses', () => {
    const all = listEmbedTargets()
    expect(all).toContain('table-12')
    expect(all.every((w) => parseEmbedTarget(w) !== null)).toBe(true)
  })
})
