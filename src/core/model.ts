/**
 * The domain model every feature shares: what one school's form holds once parsed
 * (SchoolReport), and what a municipality's consolidation works on (Municipality).
 * Plain data only — parsers fill it, the engine reads it, writers render it.
 * Personal data has no place here: participants are known by their codes only.
 */

export const PROCEDURES = ["ВПР", "КДР", "ОГЭ", "ГВЭ-9", "ЕГЭ", "ГВЭ-11", "НИКО"] as const;
export type Procedure = (typeof PROCEDURES)[number];

/**
 * The school's own assessments (ВСОКО regulation §1.7: промежуточная аттестация, итоги учебных
 * четвертей): written on «Результаты» like external procedures, but kept apart in
 * SchoolReport.internal so no municipal analysis of external results ever mixes them in.
 */
export const INTERNAL_PROCEDURES = ["Промежуточная аттестация", "Итоги четверти", "Итоги полугодия"] as const;
export type InternalProcedure = (typeof INTERNAL_PROCEDURES)[number];

/** Periods of an internal procedure: quarters 1–4, half-years 1–2; the annual attestation has none. */
export const INTERNAL_PERIODS: Readonly<Record<InternalProcedure, number>> = {
  "Промежуточная аттестация": 0,
  "Итоги четверти": 4,
  "Итоги полугодия": 2,
};

export const SCHOOL_TYPES = [
  "НОШ",
  "ООШ",
  "СОШ",
  "СОШ с УИОП",
  "гимназия",
  "лицей",
  "вечерняя",
  "коррекционная",
  "детский сад",
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const LOCATIONS = ["город", "село"] as const;
export type Location = (typeof LOCATIONS)[number];

/** Where a value came from, so every number can point back at its cell. */
export interface CellRef {
  /** Sheet name or source file name (for imports). */
  sheet: string;
  /** A1 address of the cell or of the row's first cell. */
  cell: string;
  file?: string;
}

export interface Finding {
  severity: "error" | "warning" | "info";
  /** Stable id of the rule that produced it, e.g. "type.integer", "sum.marks". */
  rule: string;
  sheet: string;
  /** A1 address, "" when the finding is about a whole sheet or file. */
  cell: string;
  /** Russian, says what is wrong and what is expected. */
  message: string;
  hint?: string;
  /** The file the finding is about, when it comes from an import of several files. */
  file?: string;
}

/** «лист «Результаты», ячейка F12», or «лист «Результаты»» for a finding about the whole sheet. */
export function findingPlace(f: Pick<Finding, "sheet" | "cell">): string {
  return f.cell ? `лист «${f.sheet}», ячейка ${f.cell}` : `лист «${f.sheet}»`;
}

export interface Contingent {
  year: number;
  grade: number;
  pupils: number;
}

export interface SchoolPassport {
  /** ФИС ОКО login, the school's key everywhere, e.g. "sch420123". */
  login: string;
  name: string;
  shortName?: string;
  type: SchoolType;
  location: Location;
  municipality?: string;
  contingent: Contingent[];
  /** Social context index: higher means more favourable conditions. Optional. */
  socialIndex?: number | null;
  /** Further optional context values keyed by the form's column id. */
  context?: Record<string, number | null>;
}

export interface MarkCounts {
  n5: number;
  n4: number;
  n3: number;
  n2: number;
  /** Mark «1» (and «н/а» when the profile counts it). Optional. */
  n1?: number;
}

export interface JournalComparison {
  lowered: number;
  confirmed: number;
  raised: number;
}

/** ЕГЭ results are scores, not marks. */
export interface EgeSummary {
  meanScore: number | null;
  belowMin: number;
  high81: number;
  score100: number;
}

/** One aggregated line of the form's «Результаты» sheet (or of an import). */
export interface ResultRow {
  procedure: Procedure;
  year: number;
  grade: number;
  /** Class letter/name, "" for the whole parallel. */
  className: string;
  subject: string;
  participants: number;
  marks?: MarkCounts;
  ege?: EgeSummary;
  journal?: JournalComparison;
  /** "form" or the imported file's name. */
  source: string;
  ref?: CellRef;
  /** ФИС ОКО login of the school, when the row comes from an export listing several schools. */
  login?: string;
  /** School name as the export gives it (imports only). */
  schoolName?: string;
  /** Participants per raw score 0…max (ФИС ОКО «Распределение первичных баллов»). */
  scoreDistribution?: number[];
  /** % completion per task (ФИС ОКО «Выполнение заданий»). */
  taskCompletion?: TaskCompletion[];
}

/** Areas of functional literacy (ФИОКО/РЭШ monitoring). */
export const LITERACY_AREAS = [
  "читательская",
  "математическая",
  "естественнонаучная",
  "финансовая",
  "глобальные компетенции",
  "креативное мышление",
] as const;
export type LiteracyArea = (typeof LITERACY_AREAS)[number];

/** Levels of functional literacy, lowest first. */
export const LITERACY_LEVELS = ["недостаточный", "низкий", "средний", "повышенный", "высокий"] as const;

/** One line of «Функциональная грамотность»: a class (or parallel) in one area, pupils per level. */
export interface LiteracyRow {
  year: number;
  grade: number;
  className: string;
  area: LiteracyArea;
  participants: number;
  /** Pupils per level in LITERACY_LEVELS order; blanks read as 0. */
  levels: [number, number, number, number, number];
  /** Of them, pupils with ОВЗ, when given. */
  ovz: number | null;
  ref?: CellRef;
}

/** One line of the school's own assessment on «Результаты»: marks of a class (or parallel) in a subject for a period. */
export interface InternalResultRow {
  procedure: InternalProcedure;
  year: number;
  /** Quarter 1–4 or half-year 1–2; null for the annual «Промежуточная аттестация». */
  period: number | null;
  grade: number;
  className: string;
  subject: string;
  participants: number;
  marks?: MarkCounts;
  source: string;
  ref?: CellRef;
}

/** One participant line of «Участники» (codes only, never names). */
export interface ParticipantRow {
  procedure: Procedure;
  year: number;
  grade: number;
  className: string;
  subject: string;
  code: string;
  score: number | null;
  mark: number | null;
  journalMark: number | null;
  /** Points per task in task order; null where blank. */
  taskPoints: (number | null)[];
  /** Marked «да» in the optional «ОВЗ» column: a pupil with special educational needs (no diagnosis is ever kept). */
  ovz?: boolean;
  source: string;
  /** The row's cell; a protocol's participant makes it when read (RawParticipant, src/fisoko/raw/rows.ts). */
  ref?: CellRef;
  /** ФИС ОКО login of the school, when the import knows it. */
  login?: string;
}

/**
 * Participants of one test at one school as columns, as a regional protocol gives them: tens of
 * thousands of rows read once, where one object and one task array per participant were most of
 * what the garbage collector copied (issue 23). Participant i of `count`: `score[i]` (NaN — none),
 * `mark[i]` and `journalMark[i]` (0 — none), task points `points[i * taskCount + t]` in task order
 * (NaN — blank). The analysis reads them as it reads ParticipantRow (src/core/context/units.ts).
 */
export interface ParticipantColumns {
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
  count: number;
  score: Float64Array;
  mark: Uint8Array;
  journalMark: Uint8Array;
  taskCount: number;
  points: Float64Array;
  /**
   * Participant i's code as its source keeps it: `${codes.list[codes.from + i]}` is
   * ParticipantRow.code (the source's whole list and where these participants start in it, so
   * nothing is copied). Another source's rows of the same participants are matched by it
   * (src/fisoko/municipality.ts).
   */
  codes?: { list: readonly (number | string)[]; from: number };
}

export type TaskLevel = "Б" | "П" | "В";

export interface TaskSpec {
  number: string;
  level: TaskLevel;
  max: number;
  /** The skill or planned result the task checks, when the task list gives it. */
  skill?: string;
}

/** % completion of one task by a school or a reference group (ФИС ОКО «Выполнение заданий»). */
export interface TaskCompletion {
  number: string;
  max?: number;
  level?: TaskLevel;
  /** Percent 0–100; null where the export leaves it blank. */
  percent: number | null;
}

export interface TaskSet {
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
  tasks: TaskSpec[];
  source: string;
}

/** A row of one of the count sheets of directions 3–8; values keyed by column id. */
export interface DirectionRow {
  year: number;
  values: Record<string, number | null>;
  /** Optional label of the row (e.g. olympiad stage or subject). */
  label?: string;
  ref?: CellRef;
}

/**
 * One group of a preschool organisation (or a school's preschool group) in a year, with its МКДО
 * level in each quality area: 1 (ниже базового) … 5 (превосходный), null where the area was not
 * assessed for this group. Groups are named as the organisation names them, never by children.
 */
export interface PreschoolGroupRow {
  year: number;
  group: string;
  /** Children in the group, when given. */
  children: number | null;
  /** Level per МКДО area id (src/core/preschool.ts MKDO_AREAS). */
  levels: Record<string, number | null>;
  ref?: CellRef;
}

export type DirectionSheetId = "olympiads" | "careers" | "staff" | "head" | "upbringing" | "preschool";

/** 1–8 are the regulation's directions; "O" is the objectivity track of direction 1. */
export type DirectionId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | "O";
export const DIRECTION_IDS: readonly DirectionId[] = [1, "O", 2, 3, 4, 5, 6, 7, 8];

export type CycleScore = 0 | 1 | 2;

/** One line of the «Цикл» sheet: one component of one track of one direction. */
export interface CycleRecord {
  year: number;
  direction: DirectionId;
  track: string;
  /** full: all 9 components count; partial: only 7–9 count. */
  trackKind: "full" | "partial";
  component: number;
  score: CycleScore | null;
  docNumber?: string;
  /** ISO date yyyy-mm-dd. */
  docDate?: string;
  responsible?: string;
  /** ISO date yyyy-mm-dd. */
  plannedDate?: string;
  /** «Связь с выводом»: the findings this row answers (src/core/cycle/links.ts). */
  links?: CycleLink[];
  /** «Целевой показатель» of a measure: what step 9 of the next year measures (src/core/cycle/effect.ts). */
  target?: CycleTarget;
  ref?: CellRef;
}

/** The indicator a measure targets: «ВПР 5 математика качество». */
export interface CycleTarget {
  procedure: string;
  grade: number;
  subject: string;
  indicator: "success" | "quality" | "share2";
  /** As typed. */
  text: string;
}

/** A reference from a cycle row to a finding of the analysis: «O2 ВПР 2026 5 математика», «ШНОР 2026». */
export interface CycleLink {
  code: string;
  year: number;
  procedure?: string;
  grade?: number;
  subject?: string;
  /** The reference as typed. */
  text: string;
}

/** Objectivity measures of one procedure (grade and subject when given). */
export interface ObjectivityMeasureRow {
  year: number;
  procedure: Procedure;
  grade?: number;
  subject?: string;
  /** null when the cell is blank. */
  observers: boolean | null;
  video: boolean | null;
  ref?: CellRef;
}

/** One work re-checked by the municipal commission. */
export interface RecheckRow {
  year: number;
  procedure: Procedure;
  grade: number;
  subject: string;
  code: string;
  schoolMark: number;
  commissionMark: number;
  ref?: CellRef;
}

export interface SchoolReport {
  passport: SchoolPassport;
  results: ResultRow[];
  participants: ParticipantRow[];
  /** Participants from regional protocols, as columns (beside `participants`, of other tests). */
  participantColumns?: ParticipantColumns[];
  tasks: TaskSet[];
  directions: Partial<Record<DirectionSheetId, DirectionRow[]>>;
  cycle: CycleRecord[];
  /** «Меры объективности»: observers and video per procedure (optional sheet). */
  objectivityMeasures?: ObjectivityMeasureRow[];
  /** «Перепроверка»: the school's and the commission's mark per re-checked work (optional sheet). */
  rechecks?: RecheckRow[];
  findings: Finding[];
  /** «Функциональная грамотность»: pupils per level by class and area, when given. */
  literacy?: LiteracyRow[];
  /** The school's own assessments (quarters, half-years, промежуточная аттестация), when given. */
  internal?: InternalResultRow[];
  /** Preschool groups with their МКДО levels by area (sheet «Группы МКДО»), when given. */
  preschoolGroups?: PreschoolGroupRow[];
  /** File the report was read from, when known. */
  file?: string;
}

/** The report of a school known by its passport alone (a protocol's school, a table's row): no data yet. */
export function reportOfPassport(passport: SchoolPassport): SchoolReport {
  return { passport, results: [], participants: [], tasks: [], directions: {}, cycle: [], findings: [] };
}

/** FIOKO per-school 0/1 marker of biased results (imported data). */
export interface FiokoMarker {
  year: number;
  login: string;
  grade: number;
  subject: string;
  marker: 0 | 1;
  source: string;
}

export type RiskLevelRu = "высокий" | "средний" | "низкий";

/** Imported FIOKO risk profile: 12 factors, each with a level. */
export interface RiskProfile {
  year: number;
  login: string;
  factors: Record<string, RiskLevelRu>;
  source: string;
}

/** Reference (municipality or region) results, e.g. from ФИС ОКО exports. */
export interface ReferenceResult {
  level: "municipality" | "region";
  name: string;
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
  participants: number;
  marks?: MarkCounts;
  journal?: JournalComparison;
  /** Participants per raw score 0…max, when the export gives the distribution. */
  scoreDistribution?: number[];
  source: string;
  /** % completion per task, when the export gives «Выполнение заданий». */
  taskCompletion?: TaskCompletion[];
  /** Number of schools (ФИС ОКО «Кол-во ОО»), when given. */
  schools?: number;
  /** ФИС ОКО login of the municipality or region («reg20_m012»), when the export gives it. */
  login?: string;
}

export interface Municipality {
  name: string;
  schools: SchoolReport[];
  references: ReferenceResult[];
  fiokoMarkers: FiokoMarker[];
  riskProfiles: RiskProfile[];
  /** The municipality's own cycle sheet, when given. */
  municipalCycle: CycleRecord[];
  /** The МОУО's own «Меры объективности» and «Перепроверка» (from its cycle book), when given. */
  municipalMeasures?: ObjectivityMeasureRow[];
  municipalRechecks?: RecheckRow[];
}
