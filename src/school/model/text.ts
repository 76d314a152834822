/**
 * Russian phrases the report's conclusions share: the subject in the prepositional-free lower
 * case («по математике» needs the dative, so subjects get their own small table), the grade
 * («в 5 классе»), numbers and percentages in Russian typography.
 */
import { countRu, formatNumberRu, formatPercentRu } from "../../core/values";

/** «по математике»: the dative table lives in core, shared with the summary's recommendations. */
export { bySubjectRu } from "../../core/focus";

/** «математика» (lower-cased first letter) for lists. */
export function subjectLower(subject: string): string {
  return subject.charAt(0).toLowerCase() + subject.slice(1);
}

/** «ВПР 2026, 5 класс, математика». */
export function testTitle(t: { procedure: string; year: number; grade: number; subject: string }): string {
  return `${t.procedure} ${t.year}, ${t.grade} класс, ${subjectLower(t.subject)}`;
}

export const pct = (n: number): string => formatPercentRu(n);
export const num = (n: number, digits = 2): string => formatNumberRu(n, digits);
export const participantsRu = (n: number): string => countRu(n, ["участник", "участника", "участников"]);
export const tasksRu = (n: number): string => countRu(n, ["задание", "задания", "заданий"]);

/** «48,0 %» or «нет данных». */
export function pctOrNone(v: number | null): string {
  return v === null ? "нет данных" : pct(v);
}

/** Genitive after «из», «у»: «из 1 класса», «из 4 классов», «у 3 участников». */
export function genitiveCount(n: number, forms: readonly [single: string, many: string]): string {
  return `${formatNumberRu(n, 0)} ${n % 10 === 1 && n % 100 !== 11 ? forms[0] : forms[1]}`;
}
