/**
 * Yearly reference tables of the methodology profile (spec §2): ЕГЭ minimum scores and
 * raw-score → mark scales. They are data: a municipality adds rows through overrides.
 */
import type { Procedure } from "../model";
import type { Tag } from "./params";

export interface EgeMinimum {
  subject: string;
  /** First year the minimum applies; it applies until a later row for the subject replaces it. */
  fromYear: number;
  /** Minimum score; null where the minimum is a mark «3» (базовая математика). */
  score: number | null;
  tag: Tag;
  note?: string;
}

const EGE_2019 = "минимальные баллы не менялись с 2019 г., действуют в 2026 г.";

export const EGE_MINIMUMS: readonly EgeMinimum[] = [
  {
    subject: "Русский язык",
    fromYear: 2019,
    score: 24,
    tag: "OFFICIAL",
    note: `${EGE_2019}; для поступления в вуз — 36`,
  },
  { subject: "Математика (профильная)", fromYear: 2019, score: 27, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Математика (базовая)", fromYear: 2019, score: null, tag: "OFFICIAL", note: "минимум — отметка «3»" },
  { subject: "Физика", fromYear: 2019, score: 36, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Химия", fromYear: 2019, score: 36, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Биология", fromYear: 2019, score: 36, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Информатика", fromYear: 2019, score: 40, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "История", fromYear: 2019, score: 32, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Литература", fromYear: 2019, score: 32, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "География", fromYear: 2019, score: 37, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Обществознание", fromYear: 2019, score: 42, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Иностранный язык", fromYear: 2019, score: 22, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Английский язык", fromYear: 2019, score: 22, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Немецкий язык", fromYear: 2019, score: 22, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Французский язык", fromYear: 2019, score: 22, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Испанский язык", fromYear: 2019, score: 22, tag: "OFFICIAL", note: EGE_2019 },
  { subject: "Китайский язык", fromYear: 2019, score: 22, tag: "OFFICIAL", note: EGE_2019 },
];

/** A raw-score → mark scale: the lowest raw score of marks 3, 4 and 5. */
export interface MarkScale {
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
  max: number;
  min3: number;
  min4: number;
  min5: number;
  tag: Tag;
  /** Where a shipped scale was published (provenance); absent for scales given in settings. */
  source?: string;
}

/**
 * Published scales, each with its source. Only scales found quoted with their year are shipped;
 * others arrive as data («scale|ВПР|2021|4|Математика» = «20;6;10;15» in settings or --set).
 */
export const MARK_SCALES: readonly MarkScale[] = [
  {
    procedure: "ВПР",
    year: 2026,
    grade: 4,
    subject: "Русский язык",
    max: 24,
    min3: 10,
    min4: 16,
    min5: 21,
    tag: "OFFICIAL*",
    source:
      "демоверсия ФИОКО ВПР 2026, русский язык, 4 класс: «Рекомендации по переводу первичных баллов в отметки» («2» 0–9, «3» 10–15, «4» 16–20, «5» 21–24), в цитировании https://www.vpr-ege.ru/vpr/4-klass/russkij-yazyk/3061-demoversiya-vpr-2026-po-russkomu-yazyku-4-klass",
  },
];

/** The markers of a mark scale in display form: «2» 0–9, «3» 10–15, … */
export function describeScale(s: MarkScale): string {
  return `«2» 0–${s.min3 - 1}, «3» ${s.min3}–${s.min4 - 1}, «4» ${s.min4}–${s.min5 - 1}, «5» ${s.min5}–${s.max}`;
}
