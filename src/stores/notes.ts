/**
 * The notes store: the reader's notes on items of the loaded dataset, persisted in localStorage
 * under one key per dataset. Follows the budget store: when another dataset loads, its notes load.
 * Unreadable stored values are set aside and listed in `setAside` (see `src/domain/notes.ts`); when
 * the storage cannot be used, notes still work for this visit and `persistent` is false.
 */
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { createNoteId, isSameItem, loadNotes, mergeNotes, NOTE_MAX_LENGTH, saveNotes, type ItemRef, type Note, type NotesMerge, type NotesStorage, type SetAsideValue } from '@/domain/notes'
import { useBudgetStore } from './budget'
import { safeLocalStorage } from './storage'

/** localStorage, or null where reading it throws (blocked cookies, some private modes). */
function notesStorage(): NotesStorage | null {
  return safeLocalStorage() ?? null
}

export const useNotesStore = defineStore('notes', () => {
  const datasetId = ref<string | null>(null)
  const notes = ref<Note[]>([])
  const setAside = ref<SetAsideValue[]>([])
  /** false: storage unavailable or refusing writes; notes last only for this visit. */
  const persistent = ref(true)

  const count = computed(() => notes.value.length)

  /** Loads the notes of a dataset (called when the budget changes; safe to call again). */
  function open(id: string): void {
    const loaded = loadNotes(notesStorage(), id, Date.now())
    datasetId.value = id
    notes.value = loaded.notes
    setAside.value = loaded.setAside
    persistent.value = loaded.persistent
  }

  function persist(): void {
    if (!datasetId.value || !persistent.value) return
    if (!saveNotes(notesStorage(), datasetId.value, notes.value)) persistent.value = false
  }

  /** The note on an item, if any. */
  function noteFor(ref: ItemRef): Note | undefined {
    return notes.value.find((n) => isSameItem(n.itemRef, ref))
  }

  /** Writes (or rewrites) the note on an item; text longer than the limit is cut to it. */
  function save(itemRef: ItemRef, text: string): Note {
    const now = new Date()
    const existing = noteFor(itemRef)
    const body = text.slice(0, NOTE_MAX_LENGTH)
    const note: Note = existing
      ? { ...existing, text: body, updatedAt: now.toISOString() }
      : { id: createNoteId(now.getTime()), itemRef: { kind: itemRef.kind, key: itemRef.key }, text: body, createdAt: now.toISOString(), updatedAt: now.toISOString() }
    notes.value = existing ? notes.value.map((n) => (n.id === existing.id ? note : n)) : [...notes.value, note]
    persist()
    return note
  }

  /** Deletes a note. */
  function remove(id: string): void {
    notes.value = notes.value.filter((n) => n.id !== id)
    persist()
  }

  /** Merges notes from an exported file (see `mergeNotes`: per item, the more recent note stays). */
  function importNotes(imported: readonly Note[]): NotesMerge {
    const merge = mergeNotes(notes.value, imported)
    notes.value = merge.notes
    persist()
    return merge
  }

  /** Deletes a set-aside value once the reader has saved or no longer wants it. */
  function discardSetAside(key: string | null): void {
    setAside.value = setAside.value.filter((s) => s.key !== key)
    if (!key) return
    try {
      notesStorage()?.removeItem(key)
    } catch {
      // Nothing more to do: it is gone from the list, and storage was never the only copy shown.
    }
  }

  const budgetStore = useBudgetStore()
  watch(
    () => budgetStore.budget?.id,
    (id) => {
      if (id && id !== datasetId.value) open(id)
    },
    { immediate: true },
  )

  return { datasetId, notes, setAside, persistent, count, open, noteFor, save, remove, importNotes, discardSetAside }
})
