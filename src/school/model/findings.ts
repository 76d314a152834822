/**
 * A finding of the school's analysis that calls for a decision («Выводы и решения»): a deficit or
 * a flag, with the regulation's direction of complex analysis (ВСОКО table 2) it belongs to, the
 * aspect of improvement the generalising stage names (ВСОКО §7.1, stage 3), and the numbers.
 */
import type { FocusItem } from "../../core/focus";
import type { SheetChart } from "../../summary/model/sheets";
import type { Table } from "../../summary/model/table";

/** Rule ids understood by src/core/recommendations.ts (internal keys: the user sees `flagLabel`). */
export type SchoolFindingRule =
  | "TASK_DEFICIT"
  | "SCHOOL_O1"
  | "SCHOOL_O2"
  | "SCHOOL_O3"
  | "SCHOOL_O4"
  | "SCHOOL_O5"
  | "SCHOOL_O6"
  | "SCHOOL_F"
  | "INTERNAL_GAP"
  | "SCHOOL_SHNOR"
  | "SHARE2_RISE"
  | "BASIC_MINIMUM";

/** Order of the conclusions: objectivity first (it qualifies every other number), then status, then results. */
export const FINDING_ORDER: readonly SchoolFindingRule[] = [
  "SCHOOL_O1",
  "SCHOOL_O2",
  "SCHOOL_O3",
  "SCHOOL_O4",
  "SCHOOL_O5",
  "SCHOOL_O6",
  "SCHOOL_F",
  "INTERNAL_GAP",
  "SCHOOL_SHNOR",
  "BASIC_MINIMUM",
  "SHARE2_RISE",
  "TASK_DEFICIT",
];

/** Directions of complex analysis, wording of the ВСОКО regulation's table 2. */
export const VSOKO_DIRECTIONS = {
  objectivity: "Объективность оценки образовательных результатов в ОО",
  objectivityProcedures: "Объективность проведения оценочных процедур и олимпиад школьного уровня",
  qualitySubjects: "Качество образования в разрезе учебных предметов",
  qualityProcedures: "Качество образования в разрезе оценочных процедур",
  minimumSubjects: "Достижение обязательного минимума базовой подготовки в разрезе учебных предметов",
  minimumProcedures: "Достижение обязательного минимума базовой подготовки в разрезе оценочных процедур",
  talentSubjects: "Развитие таланта в разрезе учебных предметов",
  talentProcedures: "Развитие таланта в разрезе оценочных процедур",
  careersSpo: "Профориентация на рабочие специальности",
  careersVuz: "Профориентация на специальности высшего профессионального образования",
} as const;

/** Aspects of the generalising stage (ВСОКО §7.1, stage 3). */
export const VSOKO_ASPECTS = {
  content: "совершенствование содержания образования (корректировка основных образовательных программ)",
  methods: "совершенствование методической работы и внутриорганизационного повышения квалификации",
  assessment: "совершенствование технологий и методик обучения и оценивания",
  conditions: "совершенствование условий образовательного процесса",
} as const;

export interface SchoolFinding {
  rule: SchoolFindingRule;
  direction: string;
  aspect: string;
  /** «ВПР 2026, 5 класс, математика». */
  context: string;
  /** What was found, with its numbers and threshold (Russian, one sentence). */
  text: string;
  /** Subject, grade and the number that triggered it; findings of one rule and subject share one decision
   *  whose measures name them all («по математике в 5 и 6 классах: доля «2» 34,0 % и 31,0 %»). */
  focusItems?: FocusItem[];
  /** What `focusItems[].value` is («доля «2»»). */
  focusWhat?: string;
  /** A ready focus phrase when the finding is not about one subject (ШНОР: the procedures behind R1/R3). */
  focus?: string;
}

/** What one analysis contributes: its tables (conclusion in each description), charts, findings. */
export interface AnalysisPart {
  tables: Table[];
  charts?: SheetChart[];
  findings: SchoolFinding[];
}
