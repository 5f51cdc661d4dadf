import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import NotesView from '@/views/NotesView.vue'
import { formatAmount } from '@/domain/format'
import { notesKey, serializeNotes, type Note } from '@/domain/notes'
import { CHANGE_THRESHOLD_PERCENT } from '@/domain/flags'
import { makeDataset } from '../../fixtures/dataset'
import { mountWithApp } from '../helpers/mount'
import { stubDataFolder } from '../helpers/fetch'
import { makeCatalogue } from '../../fixtures/dataset'
import { useActualsStore } from '@/stores/actuals'
import { readFileSync } from 'node:fs'
import type { RawDataset } from '@/domain/schema'
import { createTestI18n } from '../helpers/i18n'
import type { VueWrapper } from '@vue/test-utils'

const raw = makeDataset()
const KEY = notesKey(raw.id)
const row = raw.economic.rows.find((r) => r.project > 0)!
const note: Note = {
  id: 'n1',
  itemRef: { kind: 'economic', key: row.code },
  text: '请说明委托了哪些业务',
  createdAt: '2030-03-01T09:00:00.000Z',
  updatedAt: '2030-03-02T10:00:00.000Z',
}

/** Captures what the view downloads (object URLs) as text, by file name. */
function captureDownloads(): Map<string, Promise<string>> {
  const files = new Map<string, Promise<string>>()
  let last: Blob | undefined
  // jsdom has no object URLs; each test file runs in its own environment, so this does not leak.
  Object.assign(URL, { createObjectURL: (b: Blob) => ((last = b), 'blob:x'), revokeObjectURL: () => undefined })
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) files.set(this.download, last.text())
  })
  return files
}

describe('NotesView', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
    localStorage.clear()
    document.body.innerHTML = ''
  })

  it('lists the reader’s notes with the item’s figures and a link to the code’s explanation', async () => {
    localStorage.setItem(KEY, serializeNotes([note]))
    const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
    const item = wrapper.get(`[data-testid="my-notes"] [data-item="economic:${row.code}"]`)
    expect(item.text()).toContain(note.text)
    expect(item.text()).toContain(row.name.zh)
    expect(item.text()).toContain(formatAmount(row.total, 'zh-CN'))
    expect(item.text()).toContain(formatAmount(row.project, 'zh-CN'))
    expect(item.find(`a[href*="glossary?term=${row.code}"]`).exists()).toBe(true)
  })

  it('flags large changes, new items and 三公 changes from the data', async () => {
    const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
    const flagged = wrapper.get('[data-testid="flagged"]')
    const big = raw.projectExpenditure.categories.filter((c) => Math.abs(c.change.percent ?? 0) >= CHANGE_THRESHOLD_PERCENT)
    expect(big.length).toBeGreaterThan(0)
    for (const c of big) expect(flagged.find(`[data-reason="bigChange"] [data-item="category:${c.id}"]`).exists()).toBe(true)
    const [prev, cur] = [...raw.threePublic.years].sort((a, z) => a.year - z.year)
    expect(prev!.reception === 0 && cur!.reception > 0).toBe(true)
    expect(flagged.find('[data-reason="new"] [data-item="threePublic:reception"]').exists()).toBe(true)
    expect(flagged.find('[data-reason="threePublic"] [data-item="threePublic:reception"]').exists()).toBe(true)
    expect(flagged.find('[data-reason="check"]').exists()).toBe(false)
  })

  it('lists a check that is not ok', async () => {
    const dataset = makeDataset()
    dataset.functional.rows[0]!.total += 1
    const { wrapper, store } = await mountWithApp(NotesView, { dataset, path: '/zh-CN/notes' })
    const notOk = store.checks.filter((c) => c.verdict !== 'ok')
    const items = wrapper.findAll('[data-reason="check"] > li')
    expect(items).toHaveLength(notOk.length)
    // Said in words, with the table each side stands in, not as an internal id.
    expect(items[0]!.text()).toContain(`表 ${notOk[0]!.left.ref.table}`)
    expect(items[0]!.text()).not.toContain(notOk[0]!.id)
  })

  it('reports corrupt stored notes and offers their raw text for download', async () => {
    localStorage.setItem(KEY, '{"version":1,"notes":[broken')
    const files = captureDownloads()
    const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
    const notice = wrapper.get('[data-testid="set-aside"]')
    await notice.findAll('button')[0]!.trigger('click')
    const [name, text] = [...files.entries()][0]!
    expect(name).toMatch(/\.txt$/)
    expect(await text).toBe('{"version":1,"notes":[broken')
  })

  it('says when notes cannot be stored', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/en/notes', locale: 'en' })
    expect(wrapper.find('[data-testid="not-persistent"]').exists()).toBe(true)
  })

  it('adds a note through the note button’s dialog', async () => {
    const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
    const c = raw.projectExpenditure.categories[0]!
    const item = wrapper.get(`[data-reason="bigChange"] [data-item="category:${c.id}"]`)
    await item.get('button[aria-haspopup="dialog"]').trigger('click')
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes('aria-labelledby')).toBeTruthy()
    expect(document.activeElement).toBe(dialog.get('textarea').element)
    await dialog.get('textarea').setValue('为什么增长这么多？')
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(wrapper.get(`[data-testid="my-notes"] [data-item="category:${c.id}"]`).text()).toContain('为什么增长这么多？')
    expect(localStorage.getItem(KEY)).toContain('为什么增长这么多？')
  })

  it('closes the dialog on Escape without saving', async () => {
    const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
    const button = wrapper.get('[data-reason="new"] button[aria-haspopup="dialog"]')
    await button.trigger('click')
    await wrapper.get('dialog textarea').setValue('draft')
    await wrapper.get('dialog').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(document.activeElement).toBe(button.element)
  })

  it('exports the notes as JSON and the brief as Markdown, and prints', async () => {
    localStorage.setItem(KEY, serializeNotes([note]))
    const files = captureDownloads()
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
    const buttons = wrapper.findAll('.toolbar button')
    for (const b of buttons) await b.trigger('click')
    expect(print).toHaveBeenCalledOnce()
    const byExt = async (ext: string): Promise<string> => (await [...files.entries()].find(([n]) => n.endsWith(ext))![1])
    expect(JSON.parse(await byExt('.json'))).toEqual({ version: 1, notes: [note] })
    const md = await byExt('.md')
    expect(md).toMatch(/^# /)
    expect(md).toContain(`> ${note.text}`)
    expect(md).toContain(`${row.code} ${row.name.zh}`)
    expect(md).toContain(raw.projectExpenditure.categories[0]!.name.zh)
    const txt = await byExt('.txt')
    expect(txt).toContain(note.text)
    expect(txt).not.toMatch(/^#/m)
  })

  describe('performance indicators not met', () => {
    const ACTUALS_FILE = 'test-department-2030.actuals.json'
    type Actual = { indicatorId: string; written: string; score?: { points: number; outOf?: number } }
    const actualsFile = (): { actuals: Actual[] } => JSON.parse(readFileSync(`tests/fixtures/actuals/${ACTUALS_FILE}`, 'utf8')) as { actuals: Actual[] }
    const indicators = (raw as RawDataset).performance!.dimensions.flatMap((d) => d.indicators)

    async function mountWithActuals() {
      stubDataFolder({ [ACTUALS_FILE]: { json: actualsFile() } })
      const mounted = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
      const cat = makeCatalogue()
      mounted.store.catalogue = { ...cat, datasets: cat.datasets.map((d) => ({ ...d, actuals: ACTUALS_FILE })) }
      await vi.waitFor(() => expect(useActualsStore().status).toBe('ready'))
      await flushPromises()
      return mounted
    }

    it('says every indicator is pending while no self-evaluation is loaded', async () => {
      const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
      const section = wrapper.get('[data-testid="indicator-misses"]')
      expect(section.text()).toContain('待评')
      expect(section.findAll('li')).toHaveLength(0)
    })

    it('lists each indicator the self-evaluation misses with its target, achieved value and score, on the page and in the brief', async () => {
      const files = captureDownloads()
      const { wrapper } = await mountWithActuals()
      const section = wrapper.get('[data-testid="indicator-misses"]')
      const items = section.findAll('li')
      // The fixture misses q02 (late) and q04 (below target); q01 and q03 are met.
      const missed = ['q02', 'q04'].map((id) => ({ ind: indicators.find((i) => i.id === id)!, actual: actualsFile().actuals.find((a) => a.indicatorId === id)! }))
      expect(items).toHaveLength(missed.length)
      for (const [i, { ind, actual }] of missed.entries()) {
        const text = items[i]!.text()
        expect(text).toContain(ind.name.zh)
        expect(text).toContain(ind.target.written)
        expect(text).toContain(actual.written)
        if (actual.score) expect(text).toContain(`${actual.score.points} 分`)
      }
      for (const met of ['q01', 'q03']) expect(section.text()).not.toContain(indicators.find((i) => i.id === met)!.name.zh)
      await wrapper.findAll('.toolbar button')[1]!.trigger('click')
      const md = await [...files.entries()].find(([n]) => n.endsWith('.md'))![1]
      for (const { ind, actual } of missed) expect(md).toMatch(new RegExp(`^- .*${ind.name.zh}.*${ind.target.written}.*${actual.written}`, 'm'))
    })
  })

  describe('importing notes exported elsewhere', () => {
    const t = createTestI18n('zh-CN').global.t
    /** Picks a file in the import's file input, as the file picker would. */
    async function pick(wrapper: VueWrapper, text: string, name = 'notes.json'): Promise<string> {
      const input = wrapper.get('[data-testid="notes-import-file"]')
      Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true })
      await input.trigger('change')
      await flushPromises()
      await vi.waitFor(() => expect(wrapper.get('[data-testid="notes-import-status"]').text()).not.toBe(''))
      return wrapper.get('[data-testid="notes-import-status"]').text()
    }
    const other = raw.economic.rows.find((r) => r.code !== row.code)!
    const fromElsewhere: Note = { ...note, id: 'n9', itemRef: { kind: 'economic', key: other.code }, text: '在另一台电脑上写的笔记' }

    it('adds the notes of an exported file to the list, keeps them, and says what it did', async () => {
      localStorage.setItem(KEY, serializeNotes([note]))
      const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
      const status = await pick(wrapper, serializeNotes([fromElsewhere]))
      expect(status).toBe(t('notes.importDone', { added: 1, replaced: 0 }))
      const mine = wrapper.get('[data-testid="my-notes"]')
      expect(mine.get(`[data-item="economic:${other.code}"]`).text()).toContain(fromElsewhere.text)
      expect(mine.get(`[data-item="economic:${row.code}"]`).text()).toContain(note.text)
      expect(JSON.parse(localStorage.getItem(KEY)!).notes).toHaveLength(2)
    })

    it('keeps the note here when the imported one on the same item is older, and says so', async () => {
      localStorage.setItem(KEY, serializeNotes([note]))
      const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
      const older: Note = { ...note, id: 'n2', text: '旧的笔记', updatedAt: '2030-01-01T00:00:00.000Z' }
      const status = await pick(wrapper, serializeNotes([older]))
      expect(status).toContain(t('notes.importKept', { kept: 1 }, 1))
      expect(wrapper.get('[data-testid="my-notes"]').text()).toContain(note.text)
      expect(wrapper.get('[data-testid="my-notes"]').text()).not.toContain(older.text)
    })

    it('refuses a file that is not exported notes, changing nothing', async () => {
      localStorage.setItem(KEY, serializeNotes([note]))
      const { wrapper } = await mountWithApp(NotesView, { dataset: makeDataset(), path: '/zh-CN/notes' })
      const before = localStorage.getItem(KEY)
      expect(await pick(wrapper, '{"total": 2211}', 'budget.json')).toBe(t('notes.importFailed.corrupt'))
      expect(await pick(wrapper, JSON.stringify({ version: 99, notes: [] }))).toBe(t('notes.importFailed.unknownVersion'))
      expect(localStorage.getItem(KEY)).toBe(before)
      expect(wrapper.findAll('[data-testid="my-notes"] [data-item]')).toHaveLength(1)
    })
  })
})
