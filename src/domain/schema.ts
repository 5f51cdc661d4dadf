/**
 * The shape of the files in `public/data`, as valibot schemas.
 *
 * Raw types mirror the JSON exactly. Every amount is in 万元 (10,000 yuan) as published,
 * never rounded or adjusted. A figure the document does not state is left out (optional),
 * never written as 0. Figures we could derive (2022 = 2023 − change) are NOT stored here:
 * `src/domain` derives them and labels them derived.
 */
import * as v from 'valibot'

/** A non-empty string. */
const Str = v.pipe(v.string(), v.minLength(1))

/** A published amount in 万元 (may be negative only where the document states a change). */
export const AmountSchema = v.pipe(v.number(), v.finite())

/** Chinese as published, English as we translate it. */
export const TextSchema = v.strictObject({
  /** Chinese, as published (extraction artefacts corrected, see `source.corrections`). */
  zh: Str,
  /** Our English translation. */
  en: Str,
})
export type RawText = v.InferOutput<typeof TextSchema>

/** 功能分类 code: 类 3 digits, 款 5, 项 7 (e.g. 201, 20113, 2011308). */
const FunctionalCode = v.pipe(v.string(), v.regex(/^\d{3}(\d{2}(\d{2})?)?$/, 'a functional code has 3, 5 or 7 digits'))
/** 经济分类 code: 类 3 digits, 款 5 (e.g. 302, 30227). */
const EconomicCode = v.pipe(v.string(), v.regex(/^\d{3}(\d{2})?$/, 'an economic code has 3 or 5 digits'))

/** Total, basic (基本支出) and project (项目支出) columns of one row. */
const SplitFields = {
  /** 支出总计, 万元. */
  total: AmountSchema,
  /** 基本支出, 万元. */
  basic: AmountSchema,
  /** 项目支出, 万元. */
  project: AmountSchema,
}

/** The 2023 政府采购项目 columns of table 3. */
const ProcurementSchema = v.strictObject({
  /** 小计, 万元. */
  total: AmountSchema,
  /** 其中：面向中小企业政府采购项目, 万元. */
  sme: AmountSchema,
  /** 其中：面向小型、微型企业政府采购项目, 万元. */
  smallMicro: AmountSchema,
})

/** One row of tables 3 and 7 (the same figures also stand, without codes, in tables 1 and 6). */
export const FunctionalRowSchema = v.strictObject({
  code: FunctionalCode,
  name: TextSchema,
  ...SplitFields,
  /** Table 3's procurement columns. */
  procurement: ProcurementSchema,
})

/** One row of table 8. */
export const EconomicRowSchema = v.strictObject({
  code: EconomicCode,
  name: TextSchema,
  ...SplitFields,
})

/** The 预算单位 row at the top of a classification table. */
const UnitRowSchema = v.strictObject({ ...SplitFields })

/** Identifiers of the income lines of table 1, in published order. */
export const INCOME_LINE_IDS = [
  'governmentBudget',
  'generalPublicBudget',
  'governmentFundBudget',
  'stateCapitalBudget',
  'fiscalSpecialAccount',
  'unitFunds',
  'businessIncome',
  'operatingIncome',
  'higherLevelSubsidy',
  'subordinateRemittance',
  'otherIncome',
] as const
export type IncomeLineId = (typeof INCOME_LINE_IDS)[number]

/** One income line of table 1 (lines under 政府预算拨款 also make up table 6's income side). */
const IncomeLineSchema = v.strictObject({
  id: v.picklist(INCOME_LINE_IDS),
  name: TextSchema,
  /** 2023 年预算数, 万元. */
  amount: AmountSchema,
  /** The line this one is part of (e.g. 一般公共预算拨款 is part of 政府预算拨款). */
  parent: v.optional(v.picklist(INCOME_LINE_IDS)),
})

/** A stated change against the prior year, as the prose gives it. */
const ChangeSchema = v.strictObject({
  /** Change in 万元 as stated (−163 for 减少 163). */
  amount: AmountSchema,
  /** Change in percent as stated and rounded by the document (−7 for 下降 7%); absent when not stated. */
  percent: v.optional(v.pipe(v.number(), v.finite())),
  /** The reason the document gives; absent when none is given. */
  reason: v.optional(TextSchema),
})

/** An amount with its stated change against the prior year. */
const AmountWithChangeSchema = v.strictObject({
  amount: AmountSchema,
  change: v.optional(ChangeSchema),
})

/** Identifiers of the four basic-expenditure groups of part three, in published order. */
export const BASIC_GROUP_IDS = ['personnel', 'publicOperation', 'householdSubsidy', 'nonStaff'] as const
/** Identifiers of the three project categories of part three. */
export const PROJECT_CATEGORY_IDS = ['integratedManagement', 'partyBuilding', 'investmentPromotion'] as const

/** One basic-expenditure group of part three (人员支出 1150 = 工资福利支出 1150). */
const BasicGroupSchema = v.strictObject({
  id: v.picklist(BASIC_GROUP_IDS),
  name: TextSchema,
  amount: AmountSchema,
  /** What the group "主要包括", each tied to the economic class (类) it names. */
  items: v.array(
    v.strictObject({
      economicCode: EconomicCode,
      name: TextSchema,
      amount: AmountSchema,
    }),
  ),
})

/** One project category of part three, with its stated change against 2022. */
const ProjectCategorySchema = v.strictObject({
  id: v.picklist(PROJECT_CATEGORY_IDS),
  name: TextSchema,
  amount: AmountSchema,
  /** What the category "主要包括". */
  content: TextSchema,
  change: ChangeSchema,
  /** Table 12 tasks (by id) that the performance table groups under this category. */
  taskIds: v.array(Str),
})

/** One row of table 9; the same fields for the 2022 row, the 2023 row and the change row. */
const ThreePublicRowSchema = v.strictObject({
  /** 总计 */
  total: AmountSchema,
  /** 因公出国(境)费 */
  abroad: AmountSchema,
  /** 公务接待费 */
  reception: AmountSchema,
  /** 公务用车购置及运行维护费 小计 */
  vehicles: AmountSchema,
  /** 公务用车购置费 */
  vehiclePurchase: AmountSchema,
  /** 公务用车运行维护费 */
  vehicleOperation: AmountSchema,
})
export const THREE_PUBLIC_ITEMS = ['total', 'abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation'] as const
export type ThreePublicItem = (typeof THREE_PUBLIC_ITEMS)[number]

/** Part five and table 9: 三公经费. */
const ThreePublicSchema = v.strictObject({
  /** Table 9's rows by year (2022 and 2023 in this document). */
  years: v.array(v.strictObject({ year: v.pipe(v.number(), v.integer()), ...ThreePublicRowSchema.entries })),
  /** Table 9's 增减变化金额 row. */
  change: ThreePublicRowSchema,
  /** Part five's stated percentages (only the total: 增长 6.4%). */
  percent: v.optional(v.strictObject({ total: v.optional(v.number()) })),
  /** Part five's stated reasons, by item. */
  reasons: v.record(v.picklist(THREE_PUBLIC_ITEMS), TextSchema),
  /** Part five's note on 因公出国（境）经费 (zero-based, allocated during the year). */
  abroadNote: v.optional(TextSchema),
  /** Table 9's 注. */
  note: v.optional(TextSchema),
})

/** Operators a quantitative target may use. */
export const TARGET_OPERATORS = ['>=', '<=', '=', 'range'] as const
export type TargetOperator = (typeof TARGET_OPERATORS)[number]

/** A target as parsed from its written form. */
export const ParsedTargetSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('quantitative'),
    operator: v.picklist(TARGET_OPERATORS),
    value: v.pipe(v.number(), v.finite()),
    /** Upper bound, for `range` (5-7 家). */
    max: v.optional(v.pipe(v.number(), v.finite())),
    unit: TextSchema,
  }),
  v.strictObject({
    kind: v.literal('deadline'),
    /** ISO date, e.g. 2023-12-31. */
    date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  }),
  v.strictObject({ kind: v.literal('qualitative') }),
])
export type RawParsedTarget = v.InferOutput<typeof ParsedTargetSchema>

export const LEVEL1_IDS = ['output', 'outcome', 'satisfaction'] as const
export const LEVEL2_IDS = [
  'quantity',
  'quality',
  'timeliness',
  'cost',
  'economic',
  'social',
  'sustainability',
  'ecological',
  'serviceRecipients',
  'otherSatisfaction',
] as const

/** One 三级指标 with its 目标值. */
const IndicatorSchema = v.strictObject({
  /** Stable id, e.g. `q01`. */
  id: Str,
  name: TextSchema,
  target: v.strictObject({
    /** 目标值 as written, e.g. "≥4 次". */
    written: Str,
    /** English rendering of the written target. */
    writtenEn: Str,
    parsed: ParsedTargetSchema,
  }),
})

/** A 二级指标 with its indicators, or marked not applicable (不适用). */
const DimensionSchema = v.strictObject({
  level1: v.picklist(LEVEL1_IDS),
  level2: v.picklist(LEVEL2_IDS),
  /** false where the table says 不适用. */
  applicable: v.boolean(),
  indicators: v.array(IndicatorSchema),
})

/** Table 12: 部门（单位）整体支出绩效目标表. */
const PerformanceSchema = v.strictObject({
  /** 主管部门 */
  supervisor: TextSchema,
  tasks: v.array(
    v.strictObject({
      id: Str,
      name: TextSchema,
      content: TextSchema,
      /** 总额, 万元 (published with two decimals). */
      total: AmountSchema,
      /** 其中：财政拨款 */
      fiscal: AmountSchema,
      /** 其中：其他资金 */
      other: AmountSchema,
    }),
  ),
  /** 金额合计 row. */
  tasksTotal: v.strictObject({ total: AmountSchema, fiscal: AmountSchema, other: AmountSchema }),
  /** 年度总体目标, in order. */
  goals: v.array(TextSchema),
  /** 年度绩效指标, 一级 → 二级 → 三级, in published order. */
  dimensions: v.array(DimensionSchema),
})

/** Part seven: 重点项目预算绩效情况说明. */
const KeyProjectSchema = v.strictObject({
  name: TextSchema,
  amount: AmountSchema,
  goal: TextSchema,
})

/** A table with no figures this year (tables 10 and 11), kept as published zeros. */
const EmptyTableSchema = v.strictObject({
  unit: UnitRowSchema,
  note: TextSchema,
})

/** One dataset: one department's budget for one year. */
export const DatasetSchema = v.strictObject({
  schemaVersion: v.literal(1),
  id: Str,
  /** Stable id of the department across years (used to find its other years). */
  departmentId: Str,
  department: TextSchema,
  year: v.pipe(v.number(), v.integer()),
  /** 预算 (budget); later phases such as 决算 (final accounts) would be other values. */
  phase: v.picklist(['budget']),
  /** Amounts in 万元. */
  unit: v.literal('万元'),
  source: v.strictObject({
    title: TextSchema,
    /** The source file in the shared source folder. */
    file: Str,
    /** Extraction artefacts corrected while transcribing, in plain words. */
    corrections: v.array(TextSchema),
  }),
  /** Part one. */
  profile: v.strictObject({
    duties: TextSchema,
    /** 下设 internal divisions. */
    divisions: v.array(TextSchema),
    /** 下属单位 count (0: the budget is the centre's own). */
    subordinateUnits: v.pipe(v.number(), v.integer()),
    staffing: v.strictObject({
      administrativeAuthorized: v.number(),
      administrativeActual: v.number(),
      institutionalAuthorized: v.number(),
      institutionalActual: v.number(),
      /** 离休 */
      retiredCadres: v.number(),
      /** 退休 */
      retired: v.number(),
    }),
    /** 2023 年主要工作目标. */
    workGoals: v.array(v.strictObject({ title: TextSchema, text: TextSchema })),
  }),
  /** Part two. */
  overview: v.strictObject({
    income: AmountWithChangeSchema,
    expenditure: AmountWithChangeSchema,
    /** 预算收支减少主要原因, one entry per 一是/二是. */
    changeReasons: v.array(TextSchema),
  }),
  /** Table 1 (and table 6's income side). */
  incomeStatement: v.strictObject({
    lines: v.array(IncomeLineSchema),
    /** 本年收入合计 */
    currentYearIncome: AmountSchema,
    /** 上年结余、结转 */
    carriedOver: AmountSchema,
    /** 收入总计 */
    incomeGrandTotal: AmountSchema,
    /** 本年支出合计 */
    currentYearExpenditure: AmountSchema,
    /** 结转下年 */
    carryForward: AmountSchema,
    /** 支出总计 */
    expenditureGrandTotal: AmountSchema,
    notes: v.array(TextSchema),
  }),
  /** Tables 3 and 7. */
  functional: v.strictObject({
    unit: v.strictObject({ ...SplitFields, procurement: ProcurementSchema }),
    rows: v.array(FunctionalRowSchema),
  }),
  /** Table 8. */
  economic: v.strictObject({
    unit: UnitRowSchema,
    rows: v.array(EconomicRowSchema),
  }),
  /** Part three. */
  basicBreakdown: v.array(BasicGroupSchema),
  projectExpenditure: v.strictObject({
    amount: AmountSchema,
    categories: v.array(ProjectCategorySchema),
  }),
  /** Part four. */
  procurement: v.strictObject({ total: AmountSchema, goods: AmountSchema, works: AmountSchema, services: AmountSchema }),
  threePublic: ThreePublicSchema,
  /** Part six. */
  performanceManagement: v.strictObject({
    units: v.number(),
    projectFunds: AmountSchema,
    projectGoals: v.number(),
    text: TextSchema,
  }),
  keyProjects: v.strictObject({ projects: v.array(KeyProjectSchema), note: TextSchema }),
  /** Part eight: 机关运行经费. */
  operatingCosts: v.strictObject({
    amount: AmountSchema,
    change: ChangeSchema,
  }),
  /** Part eight: 国有资产占用情况. */
  assets: v.strictObject({
    /** Date the holdings are counted at, YYYY-MM. */
    asOf: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)),
    vehicles: v.number(),
    generalEquipmentOver50: v.number(),
    specialEquipmentOver100: v.number(),
    plannedVehicles: v.number(),
    plannedGeneralEquipmentOver50: v.number(),
    plannedSpecialEquipmentOver100: v.number(),
  }),
  /** Part eight 三、其他. */
  otherNotes: v.array(TextSchema),
  /** Table 10. */
  governmentFund: EmptyTableSchema,
  /** Table 11. */
  stateCapital: EmptyTableSchema,
  performance: PerformanceSchema,
  /** Part nine 名词解释. */
  glossary: v.array(v.strictObject({ term: TextSchema, definition: TextSchema })),
  // ── Editorial notes (this block only; see src/domain/editorial.ts) ──────────────────────────
  /**
   * This site's notes on the document's own text: defects kept verbatim ([sic]) and placements that are our reading.
   *
   * `path` is a dotted path into this dataset naming what a note is about:
   * - a field: `source.title`, `operatingCosts.change.reason`;
   * - an array entry by index: `performance.goals.6` (the 7th goal);
   * - an entry by its `id`: `performance.indicators.q12` (an indicator of table 12, wherever its dimension is),
   *   `projectExpenditure.categories.partyBuilding` (one category);
   * - a field of every entry: `projectExpenditure.categories.taskIds` (the mapping of every category to table 12's tasks).
   * The text stays as published; the note says what is odd about it, or why the placement is ours.
   */
  editorial: v.optional(v.strictObject({
    sic: v.array(v.strictObject({ path: Str, note: TextSchema })),
    ourReading: v.array(v.strictObject({ path: Str, note: TextSchema })),
  })),
})
export type RawDataset = v.InferOutput<typeof DatasetSchema>

/** `public/data/index.json`: which datasets exist. */
export const CatalogueSchema = v.strictObject({
  schemaVersion: v.literal(1),
  datasets: v.pipe(
    v.array(
      v.strictObject({
        id: Str,
        departmentId: Str,
        department: TextSchema,
        year: v.pipe(v.number(), v.integer()),
        phase: v.picklist(['budget']),
        /** File name relative to the catalogue. */
        file: v.pipe(v.string(), v.regex(/^[\w.-]+\.json$/, 'a file name in the same folder')),
        /** Optional file of performance actuals (from a later 绩效自评) for this dataset; none ships today. */
        actuals: v.optional(v.pipe(v.string(), v.regex(/^[\w.-]+\.json$/, 'a file name in the same folder'))),
      }),
    ),
    v.minLength(1, 'the catalogue lists no dataset'),
  ),
})
export type RawCatalogue = v.InferOutput<typeof CatalogueSchema>
