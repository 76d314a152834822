/**
 * What a recommendation is about, in words a methodist can paste into an order: «по математике
 * в 5 и 6 классах: доля «2» 34,0 % и 31,0 %». A measure that says only «по предметам с низкими
 * результатами» cannot be acted on, so every targeted measure names the subjects, grades and
 * numbers that triggered it (methodology §8). Pure; shared by the summary and the school report.
 */
import { formatPercentRu } from "./values";

const DATIVE: Record<string, string> = {
  "Русский язык": "русскому языку",
  Математика: "математике",
  "Математика (базовая)": "математике (базовой)",
  "Математика (профильная)": "математике (профильной)",
  "Окружающий мир": "окружающему миру",
  История: "истории",
  Обществознание: "обществознанию",
  Биология: "биологии",
  География: "географии",
  Физика: "физике",
  Химия: "химии",
  Информатика: "информатике",
  Литература: "литературе",
  "Английский язык": "английскому языку",
  "Немецкий язык": "немецкому языку",
  "Французский язык": "французскому языку",
  "Испанский язык": "испанскому языку",
  "Китайский язык": "китайскому языку",
  "Иностранный язык": "иностранному языку",
};

/** «по математике»; a subject without a known dative keeps its name in quotes. */
export function bySubjectRu(subject: string): string {
  const d = DATIVE[subject];
  return d ? `по ${d}` : `по предмету «${subject}»`;
}

/** «5», «5 и 6», «5, 6 и 7». */
function listRu(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} и ${items[items.length - 1]}`;
}

/** One number behind a measure: a subject's grade and the value that triggered it. */
export interface FocusItem {
  subject: string;
  grade?: number;
  /** The value in per cent (0–100), shown as «34,0 %». */
  value?: number;
  /** Procedure name when the items mix procedures («ВПР», «ОГЭ»). */
  procedure?: string;
}

/**
 * Items grouped by subject (first appearance order), grades ascending:
 * «по математике в 5 и 6 классах: доля «2» 34,0 % и 31,0 %; по русскому языку в 7 классе: доля «2» 30,5 %».
 * `what` names the value («доля «2»»); without values only subjects and grades are named.
 */
export function focusText(items: readonly FocusItem[], what = ""): string {
  const bySubject = new Map<string, FocusItem[]>();
  for (const it of items) {
    const k = `${it.procedure ?? ""}|${it.subject}`;
    const list = bySubject.get(k);
    if (list) list.push(it);
    else bySubject.set(k, [it]);
  }
  const parts: string[] = [];
  for (const list of bySubject.values()) {
    const sorted = [...list].sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0));
    const first = sorted[0];
    const grades = [...new Set(sorted.filter((x) => x.grade !== undefined).map((x) => String(x.grade)))];
    let s = `${bySubjectRu(first.subject)}${first.procedure ? ` (${first.procedure})` : ""}`;
    if (grades.length) s += ` в ${listRu(grades)} ${grades.length === 1 ? "классе" : "классах"}`;
    const values = sorted.filter((x) => x.value !== undefined).map((x) => formatPercentRu(x.value!));
    if (values.length) s += `: ${what ? `${what} ` : ""}${listRu(values)}`;
    parts.push(s);
  }
  return parts.join("; ");
}
