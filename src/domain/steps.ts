/** Every optional parse step, for code that reads any file without caring about load size (scripts, tests). */
import { toWanDataset } from './units'
import { UPGRADER } from './upgrade'
import type { ParseSteps } from './version'

export const ALL_STEPS: Required<ParseSteps> = { upgrader: UPGRADER, toWan: toWanDataset }
