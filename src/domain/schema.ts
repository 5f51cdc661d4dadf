/**
 * The shape of the files in `public/data`, as valibot schemas: dataset format version 2.
 *
 * Raw types mirror the JSON exactly. One file holds what one published document states: any
 * department, any year, a budget (预算) or final accounts (决算). Every section but the functional
 * table is optional: a section the document does not give is left out, and a figure it does not
 * state is left out, never written as 0. Amounts are in the dataset's `unit` (万元 or 元) exactly
 * as published (a figure printed in the other unit is converted exactly: 0.95 万元 → 9500 元);
 * `parse.ts` turns them into exact 万元 for the app. Figures we could derive (the prior year from
 * a stated change) are NOT stored: `src/domain` derives them and labels them derived.
 *
 * Older formats are upgraded on load by `upgrade.ts` (version 1: `schemaV1.ts`).
 */
import * as v from 'valibot'

/** The dataset and catalogue format this code writes and reads without upgrading. */
export const CURRENT_SCHEMA_VERSION = 2

/** A non-empty string. */
const Str = v.pipe(v.string(), v.minLength(1))
const Int = v.pipe(v.number(), v.integer())
const Count = v.pipe(v.number(), v.integer(), v.minValue(0))

/** A published amount in the dataset's unit (negative only where the document states a change). */
export const AmountSchema = v.pipe(v.number(), v.finite())

/**
 * Chinese as published; English as we translate it. English is absent where no one has translated
 * the text (an imported document): the English site then shows the Chinese, marked as untranslated.
 */
export const TextSchema = v.strictObject({
  /** Chinese, as published (extraction artefacts corrected, see `source.corrections`). */
  zh: Str,
  /** Our English translation; absent when untranslated. */
  en: v.optional(Str),
})
export type RawText = v.InferOutput<typeof TextSchema>

/** The units documents publish amounts in. */
export const AMOUNT_UNITS_PUBLISHED = ['万元', '元'] as const
export type PublishedUnit = (typeof AMOUNT_UNITS_PUBLISHED)[number]

/** How a group of figures is printed: its unit and the digits after the point (万元 integers: 0). */
const PrintedSchema = v.strictObject({
  unit: v.picklist(AMOUNT_UNITS_PUBLISHED),
  decimals: v.pipe(Int, v.minValue(0), v.maxValue(4)),
})
export type RawPrinted = v.InferOutput<typeof PrintedSchema>

/** Sections whose figures may be printed differently from the tables (`precision` keys). */
export const PRECISION_SECTIONS = ['prose', 'threePublic', 'performance', 'operatingCosts', 'procurement'] as const
export type PrecisionSection = (typeof PRECISION_SECTIONS)[number]

/** Sections of the prose that state figures (`source.proseParts` keys). */
export const PROSE_SECTIONS = [
  'profile',
  'overview',
  'basicBreakdown',
  'projectExpenditure',
  'procurement',
  'threePublic',
  'performanceManagement',
  'keyProjects',
  'operatingCosts',
  'assets',
  'itemStatements',
  'glossary',
] as const
export type ProseSection = (typeof PROSE_SECTIONS)[number]

/** 功能分类 code: 类 3 digits, 款 5, 项 7 (e.g. 201, 20113, 2011308). */
const FunctionalCode = v.pipe(v.string(), v.regex(/^\d{3}(\d{2}(\d{2})?)?$/, 'a functional code has 3, 5 or 7 digits'))
/** 经济分类 code: 类 3 digits, 款 5 (e.g. 302, 30227). */
const EconomicCode = v.pipe(v.string(), v.regex(/^\d{3}(\d{2})?$/, 'an economic code has 3 or 5 digits'))

/** Total, basic (基本支出) and project (项目支出) columns of one row; the split is absent where the table prints only one amount. */
const SplitFields = {
  /** 支出总计 / 合计. */
  total: AmountSchema,
  /** 基本支出, when the table prints it. */
  basic: v.optional(AmountSchema),
  /** 项目支出, when the table prints it. */
  project: v.optional(AmountSchema),
}

/** The 政府采购项目 columns of a functional table (Yantian's table 3). */
const ProcurementSchema = v.strictObject({
  /** 小计. */
  total: AmountSchema,
  /** 其中：面向中小企业政府采购项目. */
  sme: AmountSchema,
  /** 其中：面向小型、微型企业政府采购项目. */
  smallMicro: AmountSchema,
})

/** One row of the functional table (the same figures may also stand, without codes, in the summary tables). */
export const FunctionalRowSchema = v.strictObject({
  code: FunctionalCode,
  name: TextSchema,
  ...SplitFields,
  /** The procurement columns, where the table prints them. */
  procurement: v.optional(ProcurementSchema),
})

/** One row of the economic table. */
export const EconomicRowSchema = v.strictObject({
  code: EconomicCode,
  name: TextSchema,
  ...SplitFields,
})

/** The table's own total row (预算单位 / 合计). */
const UnitRowSchema = v.strictObject({ ...SplitFields })

/**
 * Well-known income lines (the checks and the story read these ids); a document's other lines keep
 * an id of the importer's choosing.
 */
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

/** One income line of the summary table (收支总表 / 收入支出决算总表). */
const IncomeLineSchema = v.strictObject({
  id: Str,
  name: TextSchema,
  /** The year's amount; absent when the line is printed blank. */
  amount: v.optional(AmountSchema),
  /** The line this one is part of (e.g. 一般公共预算拨款 is part of 政府预算拨款). */
  parent: v.optional(Str),
})

/** A stated change against the prior year, as the prose gives it. */
const ChangeSchema = v.strictObject({
  /** Change as stated (−163 for 减少 163). */
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

/** Basic-expenditure groups the Yantian prose names (personnel, publicOperation…); other documents may use others. */
export const BASIC_GROUP_IDS = ['personnel', 'publicOperation', 'householdSubsidy', 'nonStaff'] as const

/** One basic-expenditure group of the prose (人员支出 1150 = 工资福利支出 1150). */
const BasicGroupSchema = v.strictObject({
  id: Str,
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

/** One project category of the prose, any number, any names, with its stated change where given. */
const ProjectCategorySchema = v.strictObject({
  id: Str,
  name: TextSchema,
  amount: AmountSchema,
  /** What the category "主要包括". */
  content: v.optional(TextSchema),
  change: v.optional(ChangeSchema),
  /**
   * Performance tasks (by id) grouped under this category. The documents do not state this
   * mapping: it is this site's reading, and the views say so.
   */
  taskIds: v.optional(v.array(Str)),
})

/** The items of a 三公 row; a Jiangsu-style table adds 会议费 and 培训费. */
export const THREE_PUBLIC_ITEMS = ['total', 'abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation'] as const
export type ThreePublicItem = (typeof THREE_PUBLIC_ITEMS)[number]
export const THREE_PUBLIC_EXTRA_ITEMS = ['meetings', 'training'] as const
export type ThreePublicExtraItem = (typeof THREE_PUBLIC_EXTRA_ITEMS)[number]

/** One row of the 三公 table; an item printed blank is absent. */
const ThreePublicRowSchema = v.strictObject({
  /** 总计 / 合计 */
  total: v.optional(AmountSchema),
  /** 因公出国(境)费 */
  abroad: v.optional(AmountSchema),
  /** 公务接待费 */
  reception: v.optional(AmountSchema),
  /** 公务用车购置及运行维护费 小计 */
  vehicles: v.optional(AmountSchema),
  /** 公务用车购置费 */
  vehiclePurchase: v.optional(AmountSchema),
  /** 公务用车运行维护费 */
  vehicleOperation: v.optional(AmountSchema),
  /** 会议费, where the table prints it beside 三公. */
  meetings: v.optional(AmountSchema),
  /** 培训费, where the table prints it beside 三公. */
  training: v.optional(AmountSchema),
})

/** 三公经费: the table's rows and the prose's reasons. */
const ThreePublicSchema = v.strictObject({
  /** The table's rows by year; `basis` says whether a row is the budget (预算数) or the actual (决算数). */
  years: v.array(
    v.strictObject({
      year: Int,
      /** budget (default) or final (决算数). */
      basis: v.optional(v.picklist(['budget', 'final'])),
      ...ThreePublicRowSchema.entries,
    }),
  ),
  /** The table's 增减变化金额 row, where printed. */
  change: v.optional(ThreePublicRowSchema),
  /**
   * The year's figures as the prose states them, by basis, kept apart from the table's rows (`years`
   * are the table as printed): final accounts' prose says "年初预算为0.95万元，支出决算为0.00万元" where
   * the table prints the 决算数 cells blank. Absent where the prose states no 决算 figure.
   */
  stated: v.optional(v.strictObject({ budget: v.optional(ThreePublicRowSchema), final: v.optional(ThreePublicRowSchema) })),
  /** Stated percentages (e.g. the total: 增长 6.4%). */
  percent: v.optional(v.strictObject({ total: v.optional(v.number()) })),
  /** Stated reasons, by item. */
  reasons: v.optional(v.record(v.picklist(THREE_PUBLIC_ITEMS), TextSchema)),
  /** A note on 因公出国（境）经费 (e.g. zero-based, allocated during the year). */
  abroadNote: v.optional(TextSchema),
  /** The table's 注. */
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
    /** English rendering of the written target; absent when untranslated. */
    writtenEn: v.optional(Str),
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

/** 部门（单位）整体支出绩效目标表. */
const PerformanceSchema = v.strictObject({
  /** 主管部门 */
  supervisor: v.optional(TextSchema),
  tasks: v.array(
    v.strictObject({
      id: Str,
      name: TextSchema,
      content: v.optional(TextSchema),
      /** 总额. */
      total: AmountSchema,
      /** 其中：财政拨款 */
      fiscal: v.optional(AmountSchema),
      /** 其中：其他资金 */
      other: v.optional(AmountSchema),
    }),
  ),
  /** 金额合计 row. */
  tasksTotal: v.optional(v.strictObject({ total: AmountSchema, fiscal: v.optional(AmountSchema), other: v.optional(AmountSchema) })),
  /** 年度总体目标, in order. */
  goals: v.array(TextSchema),
  /** 年度绩效指标, 一级 → 二级 → 三级, in published order. */
  dimensions: v.array(DimensionSchema),
})

/** 重点项目预算绩效情况说明. */
const KeyProjectSchema = v.strictObject({
  name: TextSchema,
  amount: AmountSchema,
  goal: TextSchema,
})

/** A table with no figures this year (本表无数据 / 本年无发生额). */
const EmptyTableSchema = v.strictObject({
  unit: v.optional(UnitRowSchema),
  note: TextSchema,
})

/**
 * What the prose says about one functional 项: the Shanghai budgets give each item's prior-year
 * execution (当年预算执行数), the new amount, the % change and a reason; final accounts give the
 * year's budget (年初预算) against the actual (支出决算) with a reason.
 */
const ItemStatementSchema = v.strictObject({
  code: FunctionalCode,
  name: v.optional(TextSchema),
  /** The amount the prose states for this year (budget, or the actual in final accounts). */
  amount: v.optional(AmountSchema),
  /**
   * The same year's amount stated a second time in the same statement (Shanghai: "…350.35万元…2024年预算安排
   * 352.67万元"), kept as printed so a check can show where the two differ. Absent when stated once.
   */
  restated: v.optional(AmountSchema),
  /** A figure of comparison the prose states: the prior year's execution, or this year's budget. */
  compared: v.optional(
    v.strictObject({
      /** priorExecution: 上年当年预算执行数; budget: 年初预算 (in final accounts). */
      basis: v.picklist(['priorExecution', 'priorBudget', 'budget']),
      year: Int,
      amount: AmountSchema,
    }),
  ),
  /** The % change as stated, rounded by the document. */
  percent: v.optional(v.pipe(v.number(), v.finite())),
  /** 主要用于… as stated. */
  uses: v.optional(TextSchema),
  reason: v.optional(TextSchema),
})

/** The standard tables a document may hold, by kind (a new kind is one entry here and its builder). */
export const TABLE_KINDS = [
  'incomeExpenditureSummary',
  'incomeSummary',
  'expenditureSummary',
  'basicSummary',
  'projectSummary',
  'fiscalSummary',
  'fiscalFunctional',
  'fiscalBasicEconomic',
  'generalPublicFunctional',
  'generalPublicEconomic',
  'generalPublicBasicEconomic',
  'threePublic',
  'governmentFund',
  'stateCapital',
  'operatingCosts',
  'procurement',
  'performanceTargets',
] as const
export type TableKind = (typeof TABLE_KINDS)[number]

/** A table cell as printed: an amount in the dataset's unit, or null for a blank cell. */
const GridCellSchema = v.nullable(AmountSchema)

/** One of the document's tables: what it is, how it is numbered, whether its figures are in the text. */
const TableEntrySchema = v.strictObject({
  kind: v.picklist(TABLE_KINDS),
  /** The table's number in this document (表 8 → 8, 公开05表 → 5, 五、 → 5). */
  number: v.pipe(Int, v.minValue(1)),
  /** The number as printed: "表 8", "公开05表". */
  printedNumber: v.optional(Str),
  title: TextSchema,
  /**
   * published: its figures are in the text; empty: published as empty (本表无数据); missing: listed in the
   * contents but its pages are not in the text (the app rebuilds what it can, labelled derived).
   */
  status: v.picklist(['published', 'empty', 'missing']),
  /** How its amounts are printed, when not as `precision.tables`. */
  printed: v.optional(PrintedSchema),
  /**
   * The table as printed (columns and rows), for a table whose figures no section of this file holds
   * (an imported document's 收入总表, say): shown as published in the tables view.
   */
  grid: v.optional(
    v.strictObject({
      columns: v.array(TextSchema),
      rows: v.array(
        v.strictObject({
          code: v.optional(Str),
          name: TextSchema,
          cells: v.array(GridCellSchema),
          /** A 合计 / 总计 row. */
          total: v.optional(v.boolean()),
        }),
      ),
    }),
  ),
  note: v.optional(TextSchema),
})
export type RawTableEntry = v.InferOutput<typeof TableEntrySchema>

/** A path into this file (`performance.goals.6`, `source.title`, `performance.indicators.q12`). */
const EditorialNoteSchema = v.strictObject({ path: Str, note: TextSchema })

/** One dataset: one document of one department for one year and phase. */
export const DatasetSchema = v.strictObject({
  schemaVersion: v.literal(CURRENT_SCHEMA_VERSION),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case ASCII words joined by hyphens')),
  /** Stable id of the department across years (used to find its other years). */
  departmentId: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case ASCII words joined by hyphens')),
  department: TextSchema,
  year: v.pipe(Int, v.minValue(1990), v.maxValue(2100)),
  /** budget: 部门预算; final: 部门决算 (final accounts). */
  phase: v.picklist(['budget', 'final']),
  /** The unit every amount of this file is stored in. */
  unit: v.picklist(AMOUNT_UNITS_PUBLISHED),
  /** How the document prints its figures: the tables, and any section printed otherwise (三公 in 万元 two decimals). */
  precision: v.strictObject({
    tables: PrintedSchema,
    sections: v.optional(v.record(v.picklist(PRECISION_SECTIONS), PrintedSchema)),
  }),
  source: v.strictObject({
    title: TextSchema,
    /** The source file. */
    file: Str,
    /** Extraction artefacts corrected while transcribing, in plain words. */
    corrections: v.array(TextSchema),
    /** Which numbered part of the prose states each section (第三部分 → 3), for saying where a figure stands. */
    proseParts: v.optional(v.record(v.picklist(PROSE_SECTIONS), v.pipe(Int, v.minValue(1)))),
    /** How the file was made: by hand, or by `npm run import` (then the import's date). */
    madeBy: v.optional(v.strictObject({ method: v.picklist(['hand', 'import']), date: v.optional(Str) })),
  }),
  /** The document's tables, in its order. */
  tables: v.array(TableEntrySchema),
  /** 部门概况. */
  profile: v.optional(
    v.strictObject({
      duties: v.optional(TextSchema),
      /** 下设 internal divisions. */
      divisions: v.optional(v.array(TextSchema)),
      /** 下属单位 count (0: the budget is the department's own). */
      subordinateUnits: v.optional(Count),
      staffing: v.optional(
        v.strictObject({
          administrativeAuthorized: v.optional(Count),
          administrativeActual: v.optional(Count),
          institutionalAuthorized: v.optional(Count),
          institutionalActual: v.optional(Count),
          /** 离休 */
          retiredCadres: v.optional(Count),
          /** 退休 */
          retired: v.optional(Count),
        }),
      ),
      /** 主要工作目标. */
      workGoals: v.optional(v.array(v.strictObject({ title: TextSchema, text: TextSchema }))),
    }),
  ),
  /** The totals the prose states, with the change against the prior year. */
  overview: v.optional(
    v.strictObject({
      income: v.optional(AmountWithChangeSchema),
      expenditure: v.optional(AmountWithChangeSchema),
      /** Reasons for the change, one entry per 一是/二是. */
      changeReasons: v.array(TextSchema),
    }),
  ),
  /** The summary table (收支总表 / 收入支出决算总表). */
  incomeStatement: v.optional(
    v.strictObject({
      lines: v.array(IncomeLineSchema),
      /** 本年收入合计 */
      currentYearIncome: AmountSchema,
      /** 上年结余、结转 / 年初结转和结余 */
      carriedOver: v.optional(AmountSchema),
      /** 收入总计 */
      incomeGrandTotal: v.optional(AmountSchema),
      /** 本年支出合计 */
      currentYearExpenditure: AmountSchema,
      /** 结转下年 / 年末结转和结余 */
      carryForward: v.optional(AmountSchema),
      /** 支出总计 */
      expenditureGrandTotal: v.optional(AmountSchema),
      notes: v.array(TextSchema),
    }),
  ),
  /** The functional table (一般公共预算支出表 按功能分类 / 支出决算表): every document has one. */
  functional: v.strictObject({
    /** Which table it is (its kind in `tables`). */
    table: v.picklist(TABLE_KINDS),
    unit: v.strictObject({ ...SplitFields, procurement: v.optional(ProcurementSchema) }),
    rows: v.array(FunctionalRowSchema),
  }),
  /** The economic table; `scope` says whether it covers all spending or basic spending only. */
  economic: v.optional(
    v.strictObject({
      table: v.picklist(TABLE_KINDS),
      scope: v.picklist(['all', 'basic']),
      unit: UnitRowSchema,
      rows: v.array(EconomicRowSchema),
    }),
  ),
  /** The prose's basic-expenditure groups. */
  basicBreakdown: v.optional(v.array(BasicGroupSchema)),
  /** The prose's project budget and its categories. */
  projectExpenditure: v.optional(
    v.strictObject({
      amount: AmountSchema,
      /** The stated change of the project budget against the prior year (Jiangsu: 减少 1237.7 万元，减少 13.22%). */
      change: v.optional(ChangeSchema),
      categories: v.array(ProjectCategorySchema),
    }),
  ),
  /** 政府采购 as the prose states it. */
  procurement: v.optional(
    v.strictObject({ total: AmountSchema, goods: v.optional(AmountSchema), works: v.optional(AmountSchema), services: v.optional(AmountSchema) }),
  ),
  threePublic: v.optional(ThreePublicSchema),
  /** 预算绩效管理 as the prose states it. */
  performanceManagement: v.optional(
    v.strictObject({
      units: v.optional(Count),
      projectFunds: v.optional(AmountSchema),
      projectGoals: v.optional(Count),
      text: v.optional(TextSchema),
    }),
  ),
  keyProjects: v.optional(v.strictObject({ projects: v.array(KeyProjectSchema), note: v.optional(TextSchema) })),
  /** 机关运行经费. */
  operatingCosts: v.optional(
    v.strictObject({
      amount: AmountSchema,
      change: v.optional(ChangeSchema),
    }),
  ),
  /** 国有资产占用情况. */
  assets: v.optional(
    v.strictObject({
      /** Date the holdings are counted at, YYYY-MM. */
      asOf: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/))),
      vehicles: v.optional(Count),
      generalEquipmentOver50: v.optional(Count),
      specialEquipmentOver100: v.optional(Count),
      plannedVehicles: v.optional(Count),
      plannedGeneralEquipmentOver50: v.optional(Count),
      plannedSpecialEquipmentOver100: v.optional(Count),
    }),
  ),
  /** 其他 notes of the prose. */
  otherNotes: v.optional(v.array(TextSchema)),
  /** 政府性基金 table, when published empty. */
  governmentFund: v.optional(EmptyTableSchema),
  /** 国有资本经营 table, when published empty. */
  stateCapital: v.optional(EmptyTableSchema),
  performance: v.optional(PerformanceSchema),
  /** What the prose states item by item (Shanghai budgets: prior-year execution; final accounts: budget vs actual). */
  itemStatements: v.optional(v.array(ItemStatementSchema)),
  /** 名词解释. */
  glossary: v.optional(v.array(v.strictObject({ term: TextSchema, definition: TextSchema }))),
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
  editorial: v.optional(
    v.strictObject({
      sic: v.array(EditorialNoteSchema),
      ourReading: v.array(EditorialNoteSchema),
    }),
  ),
})
export type RawDataset = v.InferOutput<typeof DatasetSchema>

const FileName = v.pipe(v.string(), v.regex(/^[\w.-]+\.json$/, 'a file name in the same folder'))

/** `public/data/index.json`: the site's name and which datasets exist. */
export const CatalogueSchema = v.strictObject({
  schemaVersion: v.literal(CURRENT_SCHEMA_VERSION),
  /** The site's name, shown in the header and the page title ("盐田区部门预算公开"). */
  site: v.strictObject({ name: TextSchema, shortName: v.optional(TextSchema) }),
  datasets: v.pipe(
    v.array(
      v.strictObject({
        id: Str,
        departmentId: Str,
        department: TextSchema,
        year: Int,
        phase: v.picklist(['budget', 'final']),
        /** File name relative to the catalogue. */
        file: FileName,
        /** Optional file of performance actuals (from a later 绩效自评) for this dataset. */
        actuals: v.optional(FileName),
        /**
         * The district landing's figures of this dataset (`src/domain/summary.ts`, written by `npm run summarise-data`).
         * Checked there, by the lazily loaded district view and by `validate-data`, so its schema stays out of the first load.
         */
        summary: v.optional(v.unknown()),
      }),
    ),
    v.minLength(1, 'the catalogue lists no dataset'),
  ),
})
export type RawCatalogue = v.InferOutput<typeof CatalogueSchema>
