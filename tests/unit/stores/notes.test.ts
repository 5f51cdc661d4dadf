import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { useBudgetStore } from '@/stores/budget'
import { useNotesStore } from '@/stores/notes'
import { backupPrefix, notesKey, NOTES_VERSION } from '@/domain/notes'
import { makeDataset } from '../../fixtures/dataset'
import { toBudget } from '../helpers/mount'

const raw = makeDataset()
const KEY = notesKey(raw.id)
const ITEM = { kind: 'economic' as const, key: raw.economic.rows[0]!.code }

/** A fresh Pinia with the budget store holding the fixture, as after a page load. */
function freshStores() {
  setActivePinia(createPinia())
  const budget = useBudgetStore()
  budget.budget = toBudget(makeDataset())
  budget.status = 'ready'
  return useNotesStore()
}

describe('useNotesStore', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.restoreAllMocks()
    localStorage.clear()
  })

  it('keeps notes across a reload (a new store reading the same storage)', () => {
    const first = freshStores()
    expect(first.datasetId).toBe(raw.id)
    const saved = first.save(ITEM, '请说明这笔钱的用途')
    const second = freshStores()
    expect(second.notes).toEqual([saved])
    expect(second.noteFor(ITEM)?.text).toBe('请说明这笔钱的用途')
    expect(second.persistent).toBe(true)
  })

  it('keeps one note per item: saving again edits it; removing deletes it from storage', () => {
    const store = freshStores()
    const a = store.save(ITEM, 'first')
    const b = store.save(ITEM, 'second')
    expect(b.id).toBe(a.id)
    expect(b.createdAt).toBe(a.createdAt)
    expect(store.notes).toHaveLength(1)
    store.remove(a.id)
    expect(store.notes).toEqual([])
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('sets corrupt storage aside, reports it, and starts clean without losing it', () => {
    localStorage.setItem(KEY, '{"version":1,"notes":[{"id":')
    const store = freshStores()
    expect(store.notes).toEqual([])
    expect(store.setAside).toHaveLength(1)
    expect(store.setAside[0]).toMatchObject({ problem: 'corrupt', raw: '{"version":1,"notes":[{"id":' })
    expect(localStorage.getItem(store.setAside[0]!.key!)).toBe('{"version":1,"notes":[{"id":')
    store.save(ITEM, 'new note')
    const again = freshStores()
    expect(again.notes.map((n) => n.text)).toEqual(['new note'])
    expect(again.setAside.map((s) => s.raw)).toEqual(['{"version":1,"notes":[{"id":'])
  })

  it('sets a value from an unknown version aside', () => {
    const future = JSON.stringify({ version: NOTES_VERSION + 1, notes: [{ anything: true }] })
    localStorage.setItem(KEY, future)
    const store = freshStores()
    expect(store.setAside).toEqual([expect.objectContaining({ problem: 'unknownVersion', raw: future })])
    expect(store.setAside[0]!.key!.startsWith(backupPrefix(raw.id))).toBe(true)
  })

  it('discards a set-aside value only when asked', () => {
    localStorage.setItem(KEY, 'not json')
    const store = freshStores()
    const key = store.setAside[0]!.key!
    store.discardSetAside(key)
    expect(store.setAside).toEqual([])
    expect(localStorage.getItem(key)).toBeNull()
  })

  it('works in memory, and says so, when storage throws on write', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const store = freshStores()
    expect(store.persistent).toBe(true)
    store.save(ITEM, 'kept for this visit')
    expect(store.persistent).toBe(false)
    expect(store.notes.map((n) => n.text)).toEqual(['kept for this visit'])
  })

  it('works in memory when reading storage throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const store = freshStores()
    expect(store.persistent).toBe(false)
    store.save(ITEM, 'still works')
    expect(store.noteFor(ITEM)?.text).toBe('still works')
  })

  it('loads the notes of another dataset when the budget changes', async () => {
    const store = freshStores()
    store.save(ITEM, 'for the first dataset')
    const other = makeDataset()
    other.id = 'other-2030'
    useBudgetStore().budget = toBudget(other)
    await nextTick()
    expect(store.datasetId).toBe('other-2030')
    expect(store.notes).toEqual([])
  })
})
