import { useI18n } from 'vue-i18n'
import { PHASES, type Phase } from '@/domain/catalogue'
import type { CatalogueEntry } from '@/domain/types'

/** Words for naming a dataset of the catalogue in the reader's language. */
export function useDatasetLabels(): {
  /** "部门预算" / "budget", "部门决算" / "final accounts"; a phase this site does not know, as written. */
  phase: (phase: Phase | string) => string
  /** "2023 年部门预算" / "2023 budget". */
  yearAndPhase: (entry: Pick<CatalogueEntry, 'year' | 'phase'>) => string
} {
  const { t } = useI18n()
  const phase = (p: Phase | string): string => ((PHASES as readonly string[]).includes(p) ? t(`app.phase.${p}`) : p)
  return { phase, yearAndPhase: (entry) => t('app.yearAndPhase', { year: entry.year, phase: phase(entry.phase) }) }
}
