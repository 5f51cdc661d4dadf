/**
 * Department, year and phase, read from the cover (the lines before the contents) and, for the
 * department, from the first 部门名称 / 编制部门 / 预算主管部门 line.
 */
import { whereOf, type SourceLine } from './lines'
import type { DocumentMeta, Located, Phase } from './types'

const LABEL_RE = /^(?:#+\s*)?(?:部门名称|编制部门|预算主管部门|部门)\s*[:：]\s*(.+?)(?:\s*单\s*位\s*[:：].*)?$/

/** The cover: content lines before the contents (目录), at most twelve. */
function coverOf(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = []
  for (const l of lines) {
    if (l.blank || l.layout) continue
    if (/^#*\s*目录$/.test(l.text.replace(/\s/g, '')) || out.length >= 12) break
    out.push(l)
  }
  return out
}

function compact(s: string): string {
  return s.replace(/[#*\s]/g, '')
}

export interface MetaResult {
  meta: DocumentMeta
  /** Lines the meta was read from. */
  consumed: Set<number>
}

export function readMeta(lines: readonly SourceLine[]): MetaResult {
  const cover = coverOf(lines)
  const consumed = new Set<number>()

  let phase: Located<Phase> | null = null
  const phaseLine = cover.find((l) => /决算/.test(l.text)) ?? cover.find((l) => /预算/.test(l.text))
  if (phaseLine) phase = { value: /决算/.test(phaseLine.text) ? 'final' : 'budget', at: whereOf(phaseLine) }

  let year: Located<number> | null = null
  for (const l of cover) {
    const m = /((?:19|20)\d{2})\s*年/.exec(l.text) ?? /^((?:19|20)\d{2})$/.exec(l.text.trim())
    if (m) {
      year = { value: Number(m[1]), at: whereOf(l) }
      break
    }
  }

  let department: Located<string> | null = null
  for (const l of lines) {
    if (l.layout || l.blank) continue
    const first = l.cells.filter((c) => c !== '')
    const m = LABEL_RE.exec(first.length > 1 && /[:：]$/.test(first[0] ?? '') ? first.slice(0, 2).join('') : (first[0] ?? ''))
    const name = m ? compact(m[1] ?? '') : ''
    if (name.length >= 4 && /[\u3400-\u9fff]/.test(name)) {
      department = { value: name, at: whereOf(l) }
      break
    }
  }
  if (!department) {
    // A cover that prints the department on its own line above "2024年度部门决算" or "年度部门预算".
    cover.forEach((l, i) => {
      const next = cover[i + 1]
      if (department || !next || /预算|决算|目录/.test(l.text) || l.text.length > 30 || !/[\u3400-\u9fff]/.test(l.text)) return
      if (/部门(预算|决算)|年度/.test(next.text)) department = { value: compact(l.text), at: whereOf(l) }
    })
  }

  // Cover lines that state the department, year or phase are read.
  const dept: string | null = (department as Located<string> | null)?.value ?? null
  for (const l of cover) {
    const t = compact(l.text)
    if ([phase, year].some((x) => x?.at.line === l.no) || (dept !== null && t.includes(dept)) || /^(19|20)\d{2}$/.test(t)) consumed.add(l.no)
  }
  return { meta: { department, year, phase }, consumed }
}
