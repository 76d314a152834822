/**
 * A finding of the school's analysis that calls for a decision («Выводы и решения»): a deficit or
 * a flag, with the regulation's direction of complex analysis (ВСОКО table 2) it belongs to, the
 * aspect of improvement the generalising stage names (ВСОКО §7.1, stage 3), and the numbers.
 */
import type { SheetChart } from "../../summary/model/sheets";
import type { Table } from "../../summary/model/table";

/** Rule ids understood by src/core/recommendations.ts (`recommend`). */
export type SchoolFindingRule = "TASK_DEFICIT" | "SCHOOL_O1" | "SCHOOL_O2" | "SHARE2_RISE" | "BASIC_MINIMUM";

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
}

/** What one analysis contributes: its tables (conclusion in each description), charts, findings. */
export interface AnalysisPart {
  tables: Table[];
  charts?: SheetChart[];
  findings: SchoolFinding[];
}
