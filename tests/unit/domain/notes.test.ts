import { describe, expect, it } from 'vitest'
import {
  backupPrefix,
  createNoteId,
  loadNotes,
  mergeNotes,
  notesKey,
  NOTES_VERSION,
  parseStoredNotes,
  saveNotes,
  serializeNotes,
  type Note,
  type NotesStorage,
} from '@/domain/notes'

const NOW = Date.UTC(2030, 2, 1, 9, 30)
const DATASET = 'test-department-2030'

const note = (id: string, key = '30227'): Note => ({
  id,
  itemRef: { kind: 'economic', key },
  text: `note ${id}`,
  createdAt: '2030-03-01T09:00:00.000Z',
  updatedAt: '2030-03-01T09:00:00.000Z',
})

/** An in-memory Storage that can be told to refuse writes or reads. */
class MemoryStorage implements NotesStorage {
  map = new Map<string, string>()
  refuseWrites = false
  refuseReads = false
  get length(): number {
    return this.map.size
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null
  }
  getItem(k: string): string | null {
    if (this.refuseReads) throw new DOMException('denied', 'SecurityError')
    return this.map.get(k) ?? null
  }
  setItem(k: string, v: string): void {
    if (this.refuseWrites) throw new DOMException('full', 'QuotaExceededError')
    this.map.set(k, v)
  }
  removeItem(k: string): void {
    if (this.refuseWrites) throw new DOMException('full', 'QuotaExceededError')
    this.map.delete(k)
  }
}

describe(parseStoredNotes, () => {
  it('reads what serializeNotes wrote', () => {
    const notes = [note('a'), note('b', '301')]
    expect(parseStoredNotes(serializeNotes(notes))).toEqual({ notes })
  })

  it.each([
    ['broken JSON', '{"version":1,"notes":['],
    ['not an object', '"hello"'],
    ['an array', '[]'],
    ['no version', '{"notes":[]}'],
    ['notes not a list', '{"version":1,"notes":{}}'],
  ])('calls %s corrupt, with no notes', (_label, raw) => {
    expect(parseStoredNotes(raw)).toEqual({ notes: [], problem: 'corrupt' })
  })

  it('calls another version unknown, and reads none of it', () => {
    expect(parseStoredNotes(JSON.stringify({ version: NOTES_VERSION + 1, notes: [note('a')] }))).toEqual({ notes: [], problem: 'unknownVersion' })
  })

  it('keeps the readable notes of a partly broken list and counts the rest', () => {
    const raw = JSON.stringify({ version: 1, notes: [note('a'), { id: 'x', itemRef: { kind: 'nope', key: '1' } }, note('a'), note('b')] })
    expect(parseStoredNotes(raw)).toEqual({ notes: [note('a'), note('b')], problem: 'partial', unreadable: 2 })
  })
})

describe(loadNotes, () => {
  it('loads nothing, persistently, from empty storage', () => {
    expect(loadNotes(new MemoryStorage(), DATASET, NOW)).toEqual({ notes: [], setAside: [], persistent: true })
  })

  it('keeps one key per dataset', () => {
    const s = new MemoryStorage()
    saveNotes(s, DATASET, [note('a')])
    saveNotes(s, 'other-2030', [note('b')])
    expect(loadNotes(s, DATASET, NOW).notes).toEqual([note('a')])
    expect(loadNotes(s, 'other-2030', NOW).notes).toEqual([note('b')])
  })

  it('moves a corrupt value to a backup key, reports it with its raw text and frees the main key', () => {
    const s = new MemoryStorage()
    s.setItem(notesKey(DATASET), '{oops')
    const loaded = loadNotes(s, DATASET, NOW)
    const backup = `${backupPrefix(DATASET)}${NOW}`
    expect(loaded).toEqual({ notes: [], setAside: [{ key: backup, at: NOW, problem: 'corrupt', raw: '{oops' }], persistent: true })
    expect(s.getItem(backup)).toBe('{oops')
    expect(s.getItem(notesKey(DATASET))).toBeNull()
  })

  it('sets an unknown version aside the same way', () => {
    const s = new MemoryStorage()
    const raw = JSON.stringify({ version: 99, notes: [] })
    s.setItem(notesKey(DATASET), raw)
    const loaded = loadNotes(s, DATASET, NOW)
    expect(loaded.setAside).toEqual([{ key: `${backupPrefix(DATASET)}${NOW}`, at: NOW, problem: 'unknownVersion', raw }])
  })

  it('keeps the readable notes of a partial value under the main key and the whole raw value aside', () => {
    const s = new MemoryStorage()
    const raw = JSON.stringify({ version: 1, notes: [note('a'), { broken: true }] })
    s.setItem(notesKey(DATASET), raw)
    const loaded = loadNotes(s, DATASET, NOW)
    expect(loaded.notes).toEqual([note('a')])
    expect(loaded.setAside[0]).toMatchObject({ problem: 'partial', raw })
    expect(parseStoredNotes(s.getItem(notesKey(DATASET))!)).toEqual({ notes: [note('a')] })
  })

  it('reports values set aside on earlier visits, and never overwrites one', () => {
    const s = new MemoryStorage()
    s.setItem(`${backupPrefix(DATASET)}${NOW}`, 'older')
    s.setItem(notesKey(DATASET), 'newer')
    const loaded = loadNotes(s, DATASET, NOW)
    expect(loaded.setAside.map((x) => x.raw)).toEqual(['older', 'newer'])
    expect(new Set(loaded.setAside.map((x) => x.key)).size).toBe(2)
    expect(s.getItem(`${backupPrefix(DATASET)}${NOW}`)).toBe('older')
  })

  it('leaves a bad value in place and works in memory when the backup cannot be written', () => {
    const s = new MemoryStorage()
    s.setItem(notesKey(DATASET), '{oops')
    s.refuseWrites = true
    const loaded = loadNotes(s, DATASET, NOW)
    expect(loaded.persistent).toBe(false)
    expect(loaded.setAside).toEqual([{ key: null, at: NOW, problem: 'corrupt', raw: '{oops' }])
    expect(s.getItem(notesKey(DATASET))).toBe('{oops')
  })

  it('works in memory when storage cannot be read or is missing', () => {
    const s = new MemoryStorage()
    s.refuseReads = true
    expect(loadNotes(s, DATASET, NOW)).toEqual({ notes: [], setAside: [], persistent: false })
    expect(loadNotes(null, DATASET, NOW)).toEqual({ notes: [], setAside: [], persistent: false })
  })
})

describe(saveNotes, () => {
  it('writes the versioned file, removes the key when no notes are left, and says when storage refuses', () => {
    const s = new MemoryStorage()
    expect(saveNotes(s, DATASET, [note('a')])).toBe(true)
    expect(JSON.parse(s.getItem(notesKey(DATASET))!)).toEqual({ version: NOTES_VERSION, notes: [note('a')] })
    expect(saveNotes(s, DATASET, [])).toBe(true)
    expect(s.getItem(notesKey(DATASET))).toBeNull()
    s.refuseWrites = true
    expect(saveNotes(s, DATASET, [note('a')])).toBe(false)
  })
})

describe(createNoteId, () => {
  it('differs for different times and random draws', () => {
    expect(createNoteId(NOW, () => 0.1)).not.toBe(createNoteId(NOW, () => 0.2))
    expect(createNoteId(NOW, () => 0.1)).not.toBe(createNoteId(NOW + 1, () => 0.1))
  })
})

describe(mergeNotes, () => {
  const at = (n: Note, updatedAt: string, text = n.text): Note => ({ ...n, updatedAt, text })

  it('adds notes on items that have none, after the notes here, in file order', () => {
    const here = [note('a', '30201')]
    const merge = mergeNotes(here, [note('b', '30202'), note('c', '30203')])
    expect(merge.notes.map((n) => n.itemRef.key)).toEqual(['30201', '30202', '30203'])
    expect(merge).toMatchObject({ added: 2, replaced: 0, kept: 0 })
  })

  it('keeps one note per item: the one changed last, under the id it has here', () => {
    const here = [note('a', '30201'), note('b', '30202')]
    const newer = at(note('x', '30201'), '2030-04-01T00:00:00.000Z', 'newer text')
    const older = at(note('y', '30202'), '2030-01-01T00:00:00.000Z', 'older text')
    const merge = mergeNotes(here, [newer, older])
    expect(merge.notes).toHaveLength(2)
    expect(merge.notes[0]).toEqual({ ...newer, id: 'a' })
    expect(merge.notes[1]).toEqual(here[1])
    expect(merge).toMatchObject({ added: 0, replaced: 1, kept: 1 })
  })

  it('keeps the note here on a tie, and compares times across time zones', () => {
    const here = [at(note('a', '30201'), '2030-03-01T09:00:00.000Z')]
    expect(mergeNotes(here, [at(note('x', '30201'), '2030-03-01T09:00:00.000Z', 'same time')]).kept).toBe(1)
    // 08:30 at UTC−5 is 13:30 UTC: later than 09:00 UTC though it sorts before it as text.
    expect(mergeNotes(here, [at(note('x', '30201'), '2030-03-01T08:30:00-05:00')]).replaced).toBe(1)
    // 16:30 in Beijing is 08:30 UTC: earlier, though it sorts after it as text.
    expect(mergeNotes(here, [at(note('x', '30201'), '2030-03-01T16:30:00+08:00')]).kept).toBe(1)
  })

  it('renames an added note whose id is taken here', () => {
    const merge = mergeNotes([note('a', '30201')], [note('a', '30202')])
    expect(merge.notes.map((n) => n.id)).toEqual(['a', 'a-imported'])
  })

  it('importing a file twice changes nothing the second time', () => {
    const file = [note('b', '30202'), note('c', '30203')]
    const once = mergeNotes([note('a', '30201')], file)
    const twice = mergeNotes(once.notes, file)
    expect(twice.notes).toEqual(once.notes)
    expect(twice).toMatchObject({ added: 0, replaced: 0, kept: 2 })
  })
})
