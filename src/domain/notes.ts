/**
 * Deputy notes: what a reader writes about budget items, kept in the browser (localStorage), one
 * key per dataset. Stored values are parsed with valibot. A value that cannot be read — broken
 * JSON, an unknown version, or notes that are not well-formed — is never silently dropped: the raw
 * text is copied to a backup key (`…corrupt-<timestamp>`) that the notes view reports and offers
 * for download, and whatever notes are still readable are kept.
 */
import * as v from 'valibot'

/** The kinds of item a note can be attached to. */
export const NOTE_ITEM_KINDS = ['functional', 'economic', 'category', 'task', 'indicator', 'threePublic', 'check'] as const
export type NoteItemKind = (typeof NOTE_ITEM_KINDS)[number]

/** The version of the stored format this code writes. */
export const NOTES_VERSION = 1

/** Prefix of every notes key: `yantian-budget.notes.<dataset id>`. */
export const NOTES_KEY_PREFIX = 'yantian-budget.notes.'

/** Longest note kept, in characters (a page of text; localStorage is small). */
export const NOTE_MAX_LENGTH = 5000

const IsoDate = v.pipe(v.string(), v.isoTimestamp())

/** Which item a note is about: `{ kind: 'economic', key: '30227' }`, `{ kind: 'check', key: 'functional.sum.201.total' }`. */
export const ItemRefSchema = v.strictObject({
  kind: v.picklist(NOTE_ITEM_KINDS),
  /** Code, item id, 三公 column or check id. */
  key: v.pipe(v.string(), v.minLength(1)),
})
export type ItemRef = v.InferOutput<typeof ItemRefSchema>

const NoteSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  itemRef: ItemRefSchema,
  text: v.pipe(v.string(), v.maxLength(NOTE_MAX_LENGTH)),
  /** ISO timestamps, e.g. 2023-03-01T09:30:00.000Z. */
  createdAt: IsoDate,
  updatedAt: IsoDate,
})
export type Note = v.InferOutput<typeof NoteSchema>

/** The stored value, version 1. */
export const NotesFileSchema = v.strictObject({ version: v.literal(NOTES_VERSION), notes: v.array(NoteSchema) })
export type NotesFile = v.InferOutput<typeof NotesFileSchema>

/** Why a stored value was set aside: unreadable, written by another version, or some notes malformed. */
export const STORED_PROBLEMS = ['corrupt', 'unknownVersion', 'partial'] as const
export type StoredProblem = (typeof STORED_PROBLEMS)[number]

/** The result of reading a stored value: the readable notes, and what was wrong, if anything. */
export interface ParsedNotes {
  notes: Note[]
  problem?: StoredProblem
  /** For `partial`: how many notes could not be read. */
  unreadable?: number
}

/** The localStorage key of a dataset's notes. */
export function notesKey(datasetId: string): string {
  return `${NOTES_KEY_PREFIX}${datasetId}`
}

/** The prefix of the backup keys of a dataset's notes: `<key>.corrupt-`. */
export function backupPrefix(datasetId: string): string {
  return `${notesKey(datasetId)}.corrupt-`
}

/** Two notes about the same item? */
export function isSameItem(a: ItemRef, b: ItemRef): boolean {
  return a.kind === b.kind && a.key === b.key
}

/** Reads a stored value; never throws. Notes that parse are kept even when others do not. */
export function parseStoredNotes(raw: string): ParsedNotes {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { notes: [], problem: 'corrupt' }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { notes: [], problem: 'corrupt' }
  const version = (data as { version?: unknown }).version
  if (version !== NOTES_VERSION) return { notes: [], problem: typeof version === 'number' ? 'unknownVersion' : 'corrupt' }
  const whole = v.safeParse(NotesFileSchema, data)
  if (whole.success) return { notes: whole.output.notes }
  const list = (data as { notes?: unknown }).notes
  if (!Array.isArray(list)) return { notes: [], problem: 'corrupt' }
  const notes: Note[] = []
  for (const item of list) {
    const one = v.safeParse(NoteSchema, item)
    if (one.success && !notes.some((n) => n.id === one.output.id)) notes.push(one.output)
  }
  return { notes, problem: 'partial', unreadable: list.length - notes.length }
}

/** Largest notes file accepted for import (bytes): far above what localStorage can hold. */
export const IMPORT_MAX_BYTES = 2_000_000

/** What importing a notes file (exported from this site) would do, before or after it is applied. */
export interface NotesMerge {
  notes: Note[]
  /** Notes on items that had none. */
  added: number
  /** Notes that replace an older note on the same item. */
  replaced: number
  /** Imported notes not taken: the note here on the same item is as new or newer. */
  kept: number
}

/**
 * Merges imported notes into the ones here, one note per item: a note on a new item is added; on an
 * item that has a note, the more recently updated one stays (the one here on a tie). Order: the notes
 * here, then the added ones in file order.
 */
export function mergeNotes(here: readonly Note[], imported: readonly Note[]): NotesMerge {
  const notes = [...here]
  let added = 0
  let replaced = 0
  let kept = 0
  for (const note of imported) {
    const i = notes.findIndex((n) => isSameItem(n.itemRef, note.itemRef))
    const current = notes[i]
    if (!current) {
      notes.push(notes.some((n) => n.id === note.id) ? { ...note, id: `${note.id}-imported` } : note)
      added++
    } else if (Date.parse(note.updatedAt) > Date.parse(current.updatedAt)) {
      notes[i] = { ...note, id: current.id }
      replaced++
    } else kept++
  }
  return { notes, added, replaced, kept }
}

/** The stored form of a list of notes. */
export function serializeNotes(notes: readonly Note[]): string {
  const file: NotesFile = { version: NOTES_VERSION, notes: [...notes] }
  return JSON.stringify(file)
}

/** The storage calls notes need (localStorage, or a stand-in in tests). */
export type NotesStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

/** A stored value that was set aside, with its raw text for download. */
export interface SetAsideValue {
  /** Its backup key; null when the backup could not be written (the value then stays under the main key). */
  key: string | null
  /** When it was set aside (ms since epoch), read from the key. */
  at: number
  problem: StoredProblem
  raw: string
}

/** What loading a dataset's notes found. */
export interface LoadedNotes {
  notes: Note[]
  /** Values set aside now or on earlier visits, oldest first. */
  setAside: SetAsideValue[]
  /** false when the storage could not be read or written: notes live in memory for this visit. */
  persistent: boolean
}

/** The backup values of a dataset already in storage. */
function listSetAside(storage: NotesStorage, datasetId: string): SetAsideValue[] {
  const prefix = backupPrefix(datasetId)
  const out: SetAsideValue[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(prefix)) continue
    const raw = storage.getItem(key) ?? ''
    const at = Number(key.slice(prefix.length).split('-')[0])
    out.push({ key, at: Number.isFinite(at) ? at : 0, problem: parseStoredNotes(raw).problem ?? 'corrupt', raw })
  }
  return out.sort((a, z) => a.at - z.at)
}

/**
 * Loads a dataset's notes. A problem value is copied to a fresh backup key first; only once that
 * copy is written is the main key replaced by the readable notes. If the copy cannot be written,
 * the main key is left untouched and the notes are kept in memory only (`persistent: false`), with
 * the raw value reported, so nothing is lost either way.
 */
export function loadNotes(storage: NotesStorage | null, datasetId: string, now: number): LoadedNotes {
  if (!storage) return { notes: [], setAside: [], persistent: false }
  const key = notesKey(datasetId)
  let raw: string | null
  let earlier: SetAsideValue[]
  try {
    raw = storage.getItem(key)
    earlier = listSetAside(storage, datasetId)
  } catch {
    return { notes: [], setAside: [], persistent: false }
  }
  if (raw === null) return { notes: [], setAside: earlier, persistent: true }
  const parsed = parseStoredNotes(raw)
  if (!parsed.problem) return { notes: parsed.notes, setAside: earlier, persistent: true }
  let backup = `${backupPrefix(datasetId)}${now}`
  for (let n = 1; earlier.some((e) => e.key === backup); n++) backup = `${backupPrefix(datasetId)}${now}-${n}`
  const setAside: SetAsideValue = { key: backup, at: now, problem: parsed.problem, raw }
  try {
    storage.setItem(backup, raw)
  } catch {
    return { notes: parsed.notes, setAside: [...earlier, { ...setAside, key: null }], persistent: false }
  }
  try {
    if (parsed.notes.length) storage.setItem(key, serializeNotes(parsed.notes))
    else storage.removeItem(key)
  } catch {
    return { notes: parsed.notes, setAside: [...earlier, setAside], persistent: false }
  }
  return { notes: parsed.notes, setAside: [...earlier, setAside], persistent: true }
}

/** Writes a dataset's notes; false when the storage refuses (full, blocked). */
export function saveNotes(storage: NotesStorage | null, datasetId: string, notes: readonly Note[]): boolean {
  if (!storage) return false
  try {
    if (notes.length) storage.setItem(notesKey(datasetId), serializeNotes(notes))
    else storage.removeItem(notesKey(datasetId))
    return true
  } catch {
    return false
  }
}

/** A new id for a note: time and randomness, unique enough for one reader's browser. */
export function createNoteId(now: number, random: () => number = Math.random): string {
  return `n${now.toString(36)}${Math.floor(random() * 36 ** 6).toString(36)}`
}
