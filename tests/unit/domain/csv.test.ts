import { describe, expect, it } from 'vitest'
import { CSV_BOM, formatCsv, formatCsvField, formatCsvNumber, isFormulaLike } from '@/domain/csv'

/** A minimal RFC 4180 reader, to prove that what we write reads back to the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (quoted && c === '"') quoted = false
    else if (quoted) field += c
    else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

describe(formatCsvField, () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line one\nline two', '"line one\nline two"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\nend', '"crlf\r\nend"'],
    ['"', '""""'],
    ['工资福利支出', '工资福利支出'],
    ['', ''],
  ])('writes %j as %j', (input, expected) => {
    expect(formatCsvField(input)).toBe(expected)
  })

  it.each([
    ['=1+1', "'=1+1"],
    ['+86 755', "'+86 755"],
    ['-5%', "'-5%"],
    ['@SUM(A1:A3)', "'@SUM(A1:A3)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('neutralises data text a spreadsheet would run as a formula: %j', (input, expected) => {
    expect(isFormulaLike(input)).toBe(true)
    expect(formatCsvField(input)).toBe(expected)
  })

  it('quotes a neutralised field that starts with a carriage return', () => {
    expect(formatCsvField('\r=1')).toBe(`"'\r=1"`)
  })

  it('leaves text with a formula sign later in the field alone', () => {
    expect(isFormulaLike('a=b')).toBe(false)
    expect(formatCsvField('a=b')).toBe('a=b')
  })

  it.each([
    [-0.57, '-0.57'],
    [-163, '-163'],
    [94.68, '94.68'],
    [946800, '946800'],
    [0, '0'],
    [-0, '0'],
  ])('keeps the number %d a number: %j, no apostrophe', (input, expected) => {
    expect(formatCsvField(input)).toBe(expected)
  })

  it('writes nothing for a missing or non-finite value', () => {
    expect(formatCsvField(null)).toBe('')
    expect(formatCsvField(undefined)).toBe('')
    expect(formatCsvNumber(NaN)).toBe('')
    expect(formatCsvNumber(Infinity)).toBe('')
  })
})

describe(formatCsv, () => {
  it('starts with the UTF-8 byte-order mark and ends every row with CRLF', () => {
    const text = formatCsv([['科目编码', '科目名称'], ['301', '工资福利支出']])
    expect(text.startsWith(CSV_BOM)).toBe(true)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.slice(1)).toBe('科目编码,科目名称\r\n301,工资福利支出\r\n')
  })

  it('encodes the BOM as the bytes EF BB BF in UTF-8', () => {
    const bytes = new TextEncoder().encode(formatCsv([['x']]))
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('writes an empty row as an empty line', () => {
    expect(formatCsv([['a'], [], ['b']])).toBe(`${CSV_BOM}a\r\n\r\nb\r\n`)
  })

  it('reads back to the same fields through an RFC 4180 reader, however awkward the text', () => {
    const rows = [
      ['名称', '说明, 含逗号', '引号 "这样"', '多行\n文本', '结尾\r\n换行'],
      ['a', '', 'b', 'c', 'd'],
    ]
    expect(parseCsv(formatCsv(rows).slice(1))).toEqual(rows)
  })

  it('keeps numbers and neutralised text apart in one row', () => {
    const [row] = parseCsv(formatCsv([[-0.57, '-0.57', '=1', 12]]).slice(1))
    expect(row).toEqual(['-0.57', "'-0.57", "'=1", '12'])
  })
})
