/**
 * The 三公 actual (决算数) of a final-accounts year, kept apart from `derive.ts` so that only the
 * overview's 三公 card (loaded on demand) carries it.
 */
import type { Budget } from './types'

/** A 三公 actual (决算数) of the year: the table's, else the one the prose states (`fromText`); absent when neither gives one. */
export interface ThreePublicActual {
  value: number
  /** true when the table prints no 决算数 total and the figure is the prose's. */
  fromText: boolean
}

/** The year's 三公 actual total in final accounts: "0.00 万元, stated in the text" where the table's 决算数 cell is blank. */
export function selectThreePublicActual(b: Budget): ThreePublicActual | undefined {
  const printed = b.threePublic?.years.find((y) => y.year === b.year && y.basis === 'final')?.total
  if (printed !== undefined) return { value: printed, fromText: false }
  const stated = b.threePublic?.stated?.final?.total
  return stated !== undefined ? { value: stated, fromText: true } : undefined
}
