/**
 * What every mapping step shares: the dataset's unit, exact unit conversion, the dictionary of
 * English code names, and the list of what was read but could not be placed in the dataset.
 */
import { englishNameOf, type ClassificationNames } from '../domain/classificationNames'
import type { RawText } from '../domain/schema'
import { isAmount } from './amount'
import type { Amount, Cell, MoneyUnit, Where } from './types'

/** Something the reader found that the dataset does not hold, or a figure the mapping derived. */
export interface MappingNote {
  kind: 'notPlaced' | 'derived'
  what: string
  at: Where | null
}

export interface MapContext {
  /** The unit every amount of the dataset is stored in. */
  unit: MoneyUnit
  names: ClassificationNames
  notes: MappingNote[]
}

/**
 * A printed amount in the dataset's unit, exactly: 0.95 万元 → 9500 元; 3,503,499 元 → 350.3499 万元.
 * Decimal digits are shifted as text, so no float step is taken before the one `Number` at the end.
 */
export function inUnit(a: Amount, from: MoneyUnit, to: MoneyUnit): number {
  const shift = -a.decimals + (from === to ? 0 : from === '万元' ? 4 : -4)
  const digits = String(Math.abs(a.minor))
  const sign = a.minor < 0 ? '-' : ''
  if (shift >= 0) return Number(`${sign}${digits}${'0'.repeat(shift)}`)
  const padded = digits.padStart(-shift + 1, '0')
  return Number(`${sign}${padded.slice(0, shift)}.${padded.slice(shift)}`)
}

/** A cell's amount in the dataset's unit; `undefined` for a blank or a dash (not stated, never 0). */
export function cellValue(cell: Cell | undefined, from: MoneyUnit, ctx: MapContext): number | undefined {
  return isAmount(cell) ? inUnit(cell, from, ctx.unit) : undefined
}

/** Chinese as printed, with no English. */
export function zh(text: string): RawText {
  return { zh: text }
}

/** A code's name: Chinese as printed, English from the shared dictionary where it knows this code under this name. */
export function codeName(ctx: MapContext, classification: 'functional' | 'economic', code: string, name: string): RawText {
  const en = englishNameOf(ctx.names, classification, code, name)
  return en ? { zh: name, en } : { zh: name }
}

/** Compares names as printed, ignoring spaces and the width of brackets. */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
  return n(a) === n(b)
}

/** Drops a leading "注：" / "注:" from a printed note. */
export function noteText(s: string): string {
  return s.replace(/^注[：:]\s*/, '')
}

export function note(ctx: MapContext, kind: MappingNote['kind'], what: string, at: Where | null): void {
  ctx.notes.push({ kind, what, at })
}
