/**
 * Russian phrases the report's conclusions share: the subject in the prepositional-free lower
 * case («по математике» needs the dative, so subjects get their own small table), the grade
 * («в 5 классе»), numbers and percentages in Russian typography.
 */
import { countRu, formatNumberRu, formatPercentRu } from "../../core/values";

const DATIVE: Record<string, string> = {
  "Русский язык": "русскому языку",
  "Математика": "математике",
  "Математика (базовая)": "математике (базовой)",
  "Математика (профильная)": "математике (профильной)",
  "Окружающий мир": "окружающему миру",
  "История": "истории",
  "Обществознание": "обществознанию",
  "Биология": "биологии",
  "География": "географии",
  "Физика": "физике",
  "Химия": "химии",
  "Информатика": "информатике",
  "Литература": "литературе",
  "Английский язык": "английскому языку",
  "Немецкий язык": "немецкому языку",
  "Французский язык": "французскому языку",
  "Испанский язык": "испанскому языку",
  "Китайский язык": "китайскому языку",
  "Иностранный язык": "иностранному языку",
};

/** «по математике»; unknown subjects keep their name in quotes. */
export function bySubjectRu(subject: string): string {
  const d = DATIVE[subject];
  return d ? `по ${d}` : `по предмету «${subject}»`;
}

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
