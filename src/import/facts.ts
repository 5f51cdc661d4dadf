/**
 * Figures stated in the prose. The prose lines outside the tables are joined into one stream with
 * all whitespace removed (a PDF wraps sentences anywhere), each character remembering its line, and
 * a registry of sentence patterns is matched on it. A pattern that does not match reads nothing:
 * no figure is guessed.
 */
import { parseAmount } from './amount'
import type { SourceLine } from './lines'
import type { Amount, Fact, StatedChange, Where } from './types'

export const FACT_KINDS = ['total', 'item', 'threePublic', 'operatingCosts', 'procurement', 'assets', 'staffing', 'performance'] as const
/** total: income / expenditure totals; item: a category or 项 with its change or prior figure; the rest as named. */
export type FactKind = (typeof FACT_KINDS)[number]

const N = String.raw`(\d[\d,]*(?:\.\d+)?)`
const PRIOR = String.raw`(?:比|与|较)(\d{4}年度?|上年)(?:预算数?|当年预算执行数)?(?:相比)?，?[^，。\d]{0,12}?`
/** The change tail after a figure: "，比2022年减少163万元，下降7%" or "…持平". */
const CHANGE_RE = new RegExp(String.raw`^[，。]?(?:其中：[^，。]{0,20}?${N}万元，)?${PRIOR}(?:(增加|减少)了?${N}万元(?:，(?:增长|下降|减少|增加|增幅|减幅)${N}%)?|(持平))`)
/** The 三公 items as the prose names them. */
const THREE_PUBLIC_SUBJECT = String.raw`“三公”经费|因公出国（境）费用?|公务接待费|公务用车购置(?:和|及)运行(?:维护)?费|公务用车购置费|公务用车运行(?:维护)?费|会议费|培训费`
const REASON_RE = /^[^。]{0,40}?(?:主要原因|主要是|原因是)[是：:]*([^。]*)。/

interface Stream {
  text: string
  at: Where[]
}

function buildStream(lines: readonly SourceLine[], skip: Set<number>): Stream {
  let text = ''
  const at: Where[] = []
  for (const l of lines) {
    if (l.blank || l.layout || skip.has(l.no)) continue
    const t = l.raw.replace(/[\s\u3000]+/g, '').replace(/<\/?p>/g, '').replace(/\*\*/g, '')
    for (const ch of t) {
      text += ch
      at.push({ line: l.no, page: l.page })
    }
    // A heading (short) or a line ending a sentence breaks the stream; a PDF-wrapped line does not.
    if (t.length < 20 || /[。；！？：:]$/.test(t)) {
      text += '\n'
      at.push({ line: l.no, page: l.page })
    }
  }
  return { text, at }
}

function amount(s: string | undefined): Amount | null {
  return s === undefined ? null : parseAmount(s)
}

function readChange(rest: string): { change: StatedChange; priorLabel: string; length: number } | null {
  const m = CHANGE_RE.exec(rest.replace(/\n/g, ''))
  if (!m) return null
  const direction = m[6] ? 'flat' : m[3] === '增加' ? 'up' : 'down'
  return { change: { direction, amount: amount(m[4]), percent: amount(m[5]) }, priorLabel: (m[2] ?? ''), length: m[0].length }
}

function readReason(rest: string): string | undefined {
  const m = REASON_RE.exec(rest.replace(/\n/g, ''))
  return m ? (m[1] ?? '').replace(/^[：:]/, '') : undefined
}

interface Pattern {
  kind: FactKind
  re: RegExp
  /** Builds the fact from a match; `null` when the match is not a fact after all. */
  build: (m: RegExpExecArray, after: string) => Omit<Fact, 'at' | 'text' | 'kind'> | null
}

function withChange(subject: string, figure: string, after: string): Omit<Fact, 'at' | 'text' | 'kind'> | null {
  const a = amount(figure)
  if (!a) return null
  const fact: Omit<Fact, 'at' | 'text' | 'kind'> = { subject, amount: a, unit: '万元' }
  const change = readChange(after)
  if (change) fact.change = change.change
  const reason = readReason(after.slice(change?.length ?? 0))
  if (reason) fact.reason = reason
  return fact
}

const PATTERNS: Pattern[] = [
  {
    kind: 'total',
    re: new RegExp(String.raw`((?:财政拨款|一般公共预算拨款|一般公共预算|政府性基金拨款|国有资本经营预算拨款)?(?<!基本|项目)(?:部门预算收入|部门预算支出|收入预算|支出预算|本年收入合计|本年支出合计|收入支出总计|财政拨款收入支出总计|收入、支出预算总计|财政拨款收、支总预算|一般公共预算财政拨款支出))${N}万元`, 'g'),
    build: (m, after) => withChange((m[1] ?? ''), (m[2] ?? ''), after),
  },
  {
    kind: 'total',
    re: new RegExp(String.raw`(基本支出|项目支出|单位预留机动经费)预算数为${N}万元`, 'g'),
    build: (m, after) => withChange((m[1] ?? ''), (m[2] ?? ''), after),
  },
  {
    // Yantian style: "（五）项目支出 850 万元，具体包括：" heading the list of project categories.
    kind: 'total',
    re: new RegExp(String.raw`（[一二三四五六七八九十]+）(项目支出)${N}万元，具体包括`, 'g'),
    build: (m) => {
      const a = amount(m[2])
      return a ? { subject: m[1] ?? '', amount: a, unit: '万元' } : null
    },
  },
  {
    // Shanghai budget: each 项 with its prior-year execution, the new amount again, the % and a reason.
    kind: 'item',
    re: new RegExp(String.raw`“([^”]+（项）)”${N}万元，主要用于[^。]*。\n?(\d{4})年当年预算执行数为${N}万元，(\d{4})年预算安排${N}万元，比\d{4}年预算执行数(增加|减少|持平)(?:${N}%)?。\n?主要原因是[：:]?([^。]*)。`, 'g'),
    build: (m) => {
      const a = amount(m[2])
      const prior = amount(m[4])
      const restated = amount(m[6])
      if (!a || !prior || !restated) return null
      const direction = m[7] === '持平' ? 'flat' : m[7] === '增加' ? 'up' : 'down'
      return { subject: (m[1] ?? ''), amount: a, unit: '万元', prior: { label: `${m[3]}年当年预算执行数`, amount: prior }, restated, change: { direction, amount: null, percent: amount(m[8]) }, reason: (m[9] ?? '') }
    },
  },
  {
    // Final accounts: each 项 with its 年初预算 and 支出决算, and why they differ.
    kind: 'item',
    re: new RegExp(String.raw`\d+、([^。]*?（项）)。\n?主要用于[：:][^。]*。\n?年初预算为${N}万元，支出决算为${N}万元。([^。]*)。`, 'g'),
    build: (m) => {
      const budget = amount(m[2])
      const final = amount(m[3])
      if (!budget || !final) return null
      return { subject: (m[1] ?? '').replace(/\n/g, ''), amount: final, unit: '万元', prior: { label: '年初预算', amount: budget }, reason: (m[4] ?? '') }
    },
  },
  {
    // Jiangsu style: "检察（款）行政运行（项）支出12,268.62万元，与上年相比增加…"; also 类 lines.
    kind: 'item',
    re: new RegExp(String.raw`(?:^|[\n．.、；：])((?:[^，。\n（）；：%\d]+（类）)?(?:[^，。\n（）；：%\d]+（款）)?[^，。\n（）；：%\d]+（(?:项|类)）)(?:支出)?${N}万元`, 'g'),
    build: (m, after) => withChange((m[1] ?? ''), (m[2] ?? ''), after.replace(/^。\n?主要用于[^。]*。\n?(?=与上年相比)/, '，')),
  },
  {
    // Yantian style: "1. 综合管理类预算 30 万元，主要包括：…。较 2022 年预算减少 5 万元，下降 14%，主要原因是…"
    kind: 'item',
    re: new RegExp(String.raw`\n\d+\.([^\n，。\d]{2,20}?)预算${N}万元，主要包括：[^。]*。`, 'g'),
    build: (m, after) => withChange((m[1] ?? ''), (m[2] ?? ''), after),
  },
  {
    // Final accounts: "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元": the actual, with the budget as its prior.
    kind: 'threePublic',
    re: new RegExp(String.raw`(${THREE_PUBLIC_SUBJECT})。?(?:财政拨款)?(?:支出)?年初预算为${N}万元，(?:支出)?决算(?:数)?为${N}万元`, 'g'),
    build: (m) => {
      const budget = amount(m[2])
      const final = amount(m[3])
      return budget && final ? { subject: m[1] ?? '', amount: final, unit: '万元', basis: 'final', prior: { label: '年初预算', amount: budget } } : null
    },
  },
  {
    kind: 'threePublic',
    re: new RegExp(String.raw`(${THREE_PUBLIC_SUBJECT})。?(?:财政拨款)?(?:支出)?(?:\d{4}年)?(预算支出|预算数为|预算数|预算|支出决算为|决算为|年初预算为)?${N}万元`, 'g'),
    build: (m, after) => {
      const fact = withChange((m[1] ?? ''), (m[3] ?? ''), after)
      return fact && /决算/.test(m[2] ?? '') ? { ...fact, basis: 'final' } : fact
    },
  },
  {
    kind: 'operatingCosts',
    re: new RegExp(String.raw`机关运行经费[^。：]{0,50}?${N}万元`, 'g'),
    build: (m, after) => withChange('机关运行经费', (m[1] ?? ''), after),
  },
  {
    kind: 'procurement',
    re: new RegExp(String.raw`政府采购[^。，]{0,24}?${N}万元，其中：?([^。]*)`, 'g'),
    build: (m) => {
      const total = amount(m[1])
      if (!total) return null
      const parts: Record<string, Amount> = {}
      for (const [key, label] of [['goods', '货物'], ['works', '工程'], ['services', '服务']] as const) {
        const p = new RegExp(String.raw`${label}[^、，。\d]{0,8}?${N}万元`).exec((m[2] ?? ''))
        const a = amount(p?.[1])
        if (a) parts[key] = a
      }
      return Object.keys(parts).length ? { subject: '政府采购', amount: total, unit: '万元', parts } : null
    },
  },
  {
    kind: 'assets',
    re: /((?:共有|新增)车辆)(\d+)辆|((?:新增)?单价\d+万元(?:（含）)?以上的?(?:通用|专用)?设备(?:（不含车辆）)?)(\d+)台（套）/g,
    build: (m) => ({ subject: m[1] ?? m[3] ?? '', amount: null, unit: m[1] ? '辆' : '台（套）', count: Number(m[2] ?? m[4]) }),
  },
  {
    kind: 'staffing',
    re: /(行政|事业)编制总数(\d+)人，实有在编人数(\d+)人/g,
    build: (m) => ({ subject: `${m[1]}编制`, amount: null, unit: '人', count: Number(m[2]), parts: { 实有在编人数: { text: m[3] ?? '', minor: Number(m[3]), decimals: 0 } } }),
  },
  {
    kind: 'performance',
    re: new RegExp(String.raw`编报绩效目标的(?:\d{4}年度)?项目(\d+)个，涉及(?:项目)?预算(?:资金|金额)${N}万元|涉及预算资金${N}万元，设置并编报(\d+)个项目绩效目标|共(\d+)个项目实行绩效目标管理`, 'g'),
    build: (m) => ({ subject: '绩效目标管理项目', amount: amount(m[2] ?? m[3]), unit: '万元', count: Number(m[1] ?? m[4] ?? m[5]) }),
  },
]

export interface FactsResult {
  facts: Fact[]
  consumed: Set<number>
}

/** Reads the stated facts from the lines not in `skip` (tables, cover). */
export function readFacts(lines: readonly SourceLine[], skip: Set<number>): FactsResult {
  const stream = buildStream(lines, skip)
  const facts: Fact[] = []
  const consumed = new Set<number>()
  const taken: [number, number][] = []
  for (const p of PATTERNS) {
    p.re.lastIndex = 0
    for (let m = p.re.exec(stream.text); m; m = p.re.exec(stream.text)) {
      const start = m.index + (m[0].startsWith('\n') ? 1 : 0)
      const end = m.index + m[0].length
      if (taken.some(([a, b]) => start < b && a < end)) continue
      const after = stream.text.slice(end, end + 300)
      const built = p.build(m, after)
      if (!built) continue
      taken.push([start, end])
      const tail = after.search(/[。\n]/)
      const sentenceEnd = end + (built.reason || built.change ? Math.max(0, after.indexOf('。', (built.reason ? after.indexOf(built.reason) : 0)) + 1) : Math.max(0, tail))
      const text = stream.text.slice(start, sentenceEnd).replace(/\n/g, '')
      facts.push({ kind: p.kind, ...built, at: stream.at[start] ?? { line: 0, page: null }, text })
      for (let k = start; k < Math.min(sentenceEnd, stream.at.length); k++) consumed.add(stream.at[k]?.line ?? 0)
    }
  }
  facts.sort((a, b) => a.at.line - b.at.line)
  return { facts, consumed }
}
