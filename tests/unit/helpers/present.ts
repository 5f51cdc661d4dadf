import { readFileSync } from 'node:fs'
import type { RawDataset } from '@/domain/schema'
import type { Budget, ClassTree, Measure } from '@/domain/types'

/**
 * The value of an optional section or figure that a test relies on: fails the test, naming what is
 * absent, instead of reading through `undefined` (`present(raw.performance, 'performance')`).
 */
export function present<T>(value: T, what: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`expected the dataset to have ${what}, but it is absent`)
  return value
}

/** Every element present: `[1, undefined]` fails naming `what` and the index. */
export function presentAll<T>(values: readonly T[], what: string): NonNullable<T>[] {
  return values.map((x, i) => present(x, `${what} [${i}]`))
}

/** The shipped Yantian dataset as the file has it (format 2, amounts in its own unit). */
export function readYantian(): RawDataset {
  return JSON.parse(readFileSync('public/data/yantian-investment-center-2023.json', 'utf8')) as RawDataset
}

/** The economic tree of a budget that must have one. */
export function economicTreeOf(b: Budget): ClassTree {
  return present(b.economicTree, 'an economic table')
}

/** A row's figure for a measure the table must print (never read as 0 when blank). */
export function figureOf(row: { total: number; basic?: number; project?: number }, measure: Measure): number {
  return present(row[measure], `a ${measure} figure`)
}

/** A copy of `o` without the named fields: a dataset with a section left out (`omit(raw, 'performance')`). */
export function omit<T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> {
  const drop = new Set<PropertyKey>(keys)
  return Object.fromEntries(Object.entries(o).filter(([k]) => !drop.has(k))) as Omit<T, K>
}
