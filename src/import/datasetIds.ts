/**
 * Stable ASCII ids for an imported dataset. No transliteration is available offline, so a
 * department's id is the place words of its name we know (深圳 → shenzhen, 普陀 → putuo), then an
 * 8-hex FNV-1a hash of the whole Chinese name: 上海市普陀区财政局 → `shanghai-putuo-1f0c…`. The same
 * name always gives the same id; a name with no known place word gives `dept-<hash>`.
 */

/** Place words and their ASCII, in the order they are looked for (longest first where they overlap). */
const PLACE_WORDS: readonly (readonly [string, string])[] = [
  ['北京', 'beijing'],
  ['上海', 'shanghai'],
  ['天津', 'tianjin'],
  ['重庆', 'chongqing'],
  ['广东', 'guangdong'],
  ['江苏', 'jiangsu'],
  ['浙江', 'zhejiang'],
  ['深圳', 'shenzhen'],
  ['广州', 'guangzhou'],
  ['南京', 'nanjing'],
  ['杭州', 'hangzhou'],
  ['盐田', 'yantian'],
  ['福田', 'futian'],
  ['罗湖', 'luohu'],
  ['南山', 'nanshan'],
  ['宝安', 'baoan'],
  ['龙岗', 'longgang'],
  ['普陀', 'putuo'],
  ['浦东', 'pudong'],
  ['黄浦', 'huangpu'],
  ['徐汇', 'xuhui'],
  ['静安', 'jingan'],
  ['万里', 'wanli'],
]

/** FNV-1a over the UTF-8 bytes, as 8 hex digits. */
export function hashName(name: string): string {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(name)) {
    h ^= byte
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/** 深圳市盐田区投资推广和企业服务中心 → "shenzhen-yantian-<hash>". */
export function departmentIdOf(name: string): string {
  const squeezed = name.replace(/\s+/g, '')
  const words = PLACE_WORDS.filter(([zh]) => squeezed.includes(zh))
    .sort((a, b) => squeezed.indexOf(a[0]) - squeezed.indexOf(b[0]))
    .map(([, en]) => en)
  return [...(words.length ? words : ['dept']), hashName(squeezed)].join('-')
}

/** `<departmentId>-<year>`, with `-final` for final accounts. */
export function datasetIdOf(departmentId: string, year: number, phase: 'budget' | 'final'): string {
  return `${departmentId}-${year}${phase === 'final' ? '-final' : ''}`
}
