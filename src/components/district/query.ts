/**
 * The district pages' state in the URL, so a link reproduces the page:
 * `#/en/district?fy=2024&stage=final&q=财政&sort=total&dir=desc` and
 * `#/en/district/compare?fy=2024&stage=budget&cls=201&sort=threePublic&dir=asc`.
 * Not `year`/`phase`: those name a dataset (`src/router/datasetParams.ts`); a district page names none.
 */
import { computed, shallowRef, watch, type ComputedRef } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'
import { PHASES, type Phase } from '@/domain/catalogue'
import type { SortDir } from '@/domain/district'

const first = (v: LocationQuery[string] | undefined): string | undefined => {
  const x = Array.isArray(v) ? v[0] : v
  return typeof x === 'string' && x !== '' ? x : undefined
}

/** `fy`: "2024" → 2024; anything else → undefined. */
export function readYear(query: LocationQuery): number | undefined {
  const y = first(query.fy)
  return y !== undefined && /^\d{4}$/.test(y) ? Number(y) : undefined
}

/** `stage`: "budget" | "final"; anything else → undefined. */
export function readPhase(query: LocationQuery): Phase | undefined {
  const p = first(query.stage)
  return (PHASES as readonly string[]).includes(p ?? '') ? (p as Phase) : undefined
}

/** `sort` when it names one of `keys`, else `fallback`. */
export function readSort<K extends string>(query: LocationQuery, keys: readonly K[], fallback: K): K {
  const s = first(query.sort)
  return (keys as readonly string[]).includes(s ?? '') ? (s as K) : fallback
}

/** `dir`: "asc" | "desc", else `fallback`. */
export function readDir(query: LocationQuery, fallback: SortDir): SortDir {
  const d = first(query.dir)
  return d === 'asc' || d === 'desc' ? d : fallback
}

/** Any other text parameter (`q`, `cls`). */
export function readText(query: LocationQuery, key: string): string | undefined {
  return first(query[key])
}

/** The query with `changes` applied; undefined or '' removes a parameter. */
export function withQuery(query: LocationQuery, changes: Record<string, string | number | undefined>): LocationQueryRaw {
  const kept = Object.entries(query).filter(([k]) => !(k in changes))
  const set = Object.entries(changes).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)] as const]))
  return Object.fromEntries([...kept, ...set]) as LocationQueryRaw
}

/** The next direction when a column heading is pressed: the same column flips; a new one starts at `initial`. */
export function nextSort<K extends string>(current: K, dir: SortDir, key: K, initial: SortDir): { sort: K; dir: SortDir } {
  return current === key ? { sort: key, dir: dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: initial }
}

/**
 * The page's query, answered at once when the reader changes it: the new state renders on the next
 * frame while `router.replace` writes it into the URL (its guards are asynchronous); the URL stays the
 * single source once it has caught up.
 */
export function useViewQuery(): { query: ComputedRef<LocationQuery>; update: (changes: Record<string, string | number | undefined>) => void } {
  const route = useRoute()
  const router = useRouter()
  const pending = shallowRef<LocationQuery | null>(null)
  watch(
    () => route.query,
    () => {
      pending.value = null
    },
  )
  return {
    query: computed(() => pending.value ?? route.query),
    update: (changes) => {
      const next = withQuery(pending.value ?? route.query, changes)
      pending.value = next as LocationQuery
      void router.replace({ query: next })
    },
  }
}
