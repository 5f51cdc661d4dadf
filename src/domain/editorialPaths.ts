/** The dataset paths views and derivations ask editorial notes about (kept apart: the first page needs only these). */
/** The paths views ask about, written once: what each shows, named as the data file names it. */
export const EDITORIAL_PATHS = {
  /** A project category's tasks in table 12 (the category ↔ task mapping). */
  categoryTasks: (categoryId: string) => `projectExpenditure.categories.${categoryId}.taskIds`,
  /** A table 12 indicator, by id, wherever its dimension is. */
  indicator: (indicatorId: string) => `performance.indicators.${indicatorId}`,
  /** A table 12 annual goal, by its index (0-based). */
  goal: (index: number) => `performance.goals.${index}`,
  /** The reason the document gives for the change of 机关运行经费. */
  operatingCostsReason: 'operatingCosts.change.reason',
  /** The reason the document gives for a project category's change. */
  categoryChangeReason: (categoryId: string) => `projectExpenditure.categories.${categoryId}.change.reason`,
} as const
