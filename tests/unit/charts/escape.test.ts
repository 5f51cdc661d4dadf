import { describe, expect, it } from 'vitest'
import { escapeHtml } from '@/charts/escape'
import { formatTooltip } from '@/charts/tooltip'

describe(escapeHtml, () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a & b', 'a &amp; b'],
    [`"quoted" and 'single'`, '&quot;quoted&quot; and &#39;single&#39;'],
    ['一般公共服务支出', '一般公共服务支出'],
    ['', ''],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected)
  })
})

describe(formatTooltip, () => {
  it('escapes every piece of text, so markup in data shows as text', () => {
    const evil = '<img src=x onerror=alert(1)>'
    const html = formatTooltip({ title: evil, value: evil, lines: [evil], hints: [evil] })
    expect(html).not.toContain('<img')
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)).toHaveLength(4)
    const box = document.createElement('div')
    box.innerHTML = html
    expect(box.querySelector('img')).toBeNull()
    expect(box.textContent).toContain(evil)
  })

  it('uses classes, never inline styles (the CSP forbids them)', () => {
    expect(formatTooltip({ title: 't', value: 'v', lines: ['l'], hints: ['h'] })).not.toMatch(/style=/)
  })
})
