import { useLocale } from '@/composables/useLocale'

const signOf = (value: number): string => (value > 0 ? '+' : value < 0 ? '−' : '')

/** Signed differences in the reader's unit: "+RMB 10,000" / "−48.16 万元" beside figures, "−48.16" in a table's unit column. */
export function useSignedFigures(): { signedAmount: (value: number) => string; signedCell: (value: number) => string } {
  const { amount, cell } = useLocale()
  return {
    signedAmount: (value) => `${signOf(value)}${amount(Math.abs(value))}`,
    signedCell: (value) => `${signOf(value)}${cell(Math.abs(value))}`,
  }
}
