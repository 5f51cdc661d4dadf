/**
 * Which format a data file is in, read from its `schemaVersion`, and the shape of the upgrade steps
 * (`upgrade.ts`), which are loaded only when an older file is met.
 */
import { CURRENT_SCHEMA_VERSION, type RawDataset } from './schema'

/** What a file's `schemaVersion` says about reading it. */
export type VersionVerdict = 'current' | 'upgradable' | 'newer' | 'unknown'

/** Reads `schemaVersion` of a parsed JSON value: 2 → current, 1 → upgradable, 3 → newer, "x" → unknown. */
export function versionOf(raw: unknown): { version: unknown; verdict: VersionVerdict } {
  const version = raw && typeof raw === 'object' ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined
  if (version === CURRENT_SCHEMA_VERSION) return { version, verdict: 'current' }
  if (version === 1) return { version, verdict: 'upgradable' }
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION) return { version, verdict: 'newer' }
  return { version, verdict: 'unknown' }
}

/** A step that turns an older file into the current format, or says why the old file is not valid. */
type UpgradeResult = { ok: true; value: unknown } | { ok: false; details: string[] }

/** The upgrade steps for datasets and catalogues of every older version this code reads. */
export interface Upgrader {
  dataset: (raw: unknown) => UpgradeResult
  catalogue: (raw: unknown) => UpgradeResult
}

/**
 * The steps some files need before they can be read, loaded on demand by the app: the upgrade of an
 * older format, and the conversion of a file in 元 to the app's 万元.
 */
export interface ParseSteps {
  upgrader?: Upgrader
  toWan?: (d: RawDataset) => RawDataset
}

/** Which optional steps a raw file needs: the app loads just those. */
export function stepsNeeded(raw: unknown): { upgrader: boolean; toWan: boolean } {
  const unit = raw && typeof raw === 'object' ? (raw as { unit?: unknown }).unit : undefined
  return { upgrader: versionOf(raw).verdict === 'upgradable', toWan: unit === '元' }
}
