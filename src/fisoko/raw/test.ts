/**
 * Which test a regional protocol holds. The protocol itself has no column for it: the year,
 * grade and subject come from the title above the table («Проведение работы по математике,
 * 4 класс. ВПР 2021»), else from the file name («ВПР 2021 математика 4 класс.xlsx»), or are
 * given by the user («ВПР 2021 Математика 4 класс»). Subjects are named in the dative after «по»
 * in titles, so they are recognised by their stems as well as by canonical names.
 */
import { canonicalSubject, type Subject } from "../../core/subjects";
import { norm } from "../text";

export interface RawTest {
  procedure: "ВПР";
  year: number;
  grade: number;
  subject: string;
}

/** Stems of subject names in any case form: «по математике», «русскому языку», «окружающего мира». */
const STEMS: [RegExp, Subject][] = [
  [/русск/, "Русский язык"],
  [/математ/, "Математика"],
  [/окружающ/, "Окружающий мир"],
  [/истори/, "История"],
  [/биологи/, "Биология"],
  [/географи/, "География"],
  [/обществозна/, "Обществознание"],
  [/физик/, "Физика"],
  [/хими/, "Химия"],
  [/литератур/, "Литература"],
  [/информатик/, "Информатика"],
  [/английск/, "Английский язык"],
  [/немецк/, "Немецкий язык"],
  [/французск/, "Французский язык"],
  [/испанск/, "Испанский язык"],
  [/китайск/, "Китайский язык"],
];

const YEAR = /(?:^|[^\d])(20\d{2})(?=$|[^\d])/;
const NEAR_VPR = /впр\D{0,3}(20\d{2})(?=$|[^\d])/;
const GRADE = /(?:^|[^\d])(\d{1,2})\s*-?\s*(?:й\s*)?(?:класс|кл(?![а-я]))/;

/** A subject named in the text: a canonical name among its parts, else exactly one stem. */
function subjectOf(text: string): string | null {
  const parts = text
    .split(/[.,;:()_|\-–—]+/)
    .map((p) => p.replace(/\d+/g, " ").trim())
    .filter(Boolean);
  for (const p of parts) {
    const s = canonicalSubject(p);
    if (s) return s;
  }
  // «русский язык» is in «Проведение работы по русскому языку»; «математ» alone names one subject.
  const hits = new Set(STEMS.filter(([re]) => re.test(text)).map(([, s]) => s));
  if (hits.has("Английский язык") || hits.has("Немецкий язык") || hits.has("Французский язык"))
    hits.delete("Русский язык");
  return hits.size === 1 ? [...hits][0] : null;
}

/** What one text tells of the test; fields it does not name are absent. */
export function testOfText(text: string): Partial<RawTest> {
  const t = norm(text.replace(/[_]+/g, " ").replace(/\.xlsx?$/i, ""));
  const out: Partial<RawTest> = {};
  // «ВПР 2021» first: a file name may hold other numbers of that shape («протокол-2000-…»).
  const y = NEAR_VPR.exec(t) ?? YEAR.exec(t);
  if (y) out.year = Number(y[1]);
  const g = GRADE.exec(t);
  if (g && Number(g[1]) >= 1 && Number(g[1]) <= 11) out.grade = Number(g[1]);
  const s = subjectOf(t);
  if (s) out.subject = s;
  return out;
}

/** Whether a title line speaks of a test (so that its year and subject may be trusted). */
export function isTestTitle(text: string): boolean {
  const t = norm(text);
  return /впр|проверочн|проведение работы/.test(t);
}

export type TestSource = "given" | "title" | "file";

/**
 * The test from the sources in their order of trust: given > title > file name. Each field is
 * taken from the first source that names it. Null fields are reported by the caller.
 */
export function resolveTest(
  given: Partial<RawTest> | undefined,
  title: string | null,
  fileName: string,
): { test: Partial<RawTest>; from: Partial<Record<keyof RawTest, TestSource>> } {
  const sources: [TestSource, Partial<RawTest>][] = [
    ["given", given ?? {}],
    ["title", title ? testOfText(title) : {}],
    ["file", testOfText(fileName)],
  ];
  const test: Partial<RawTest> = {};
  const from: Partial<Record<keyof RawTest, TestSource>> = {};
  for (const key of ["year", "grade", "subject"] as const) {
    for (const [src, t] of sources) {
      if (t[key] !== undefined) {
        (test as Record<string, unknown>)[key] = t[key];
        from[key] = src;
        break;
      }
    }
  }
  return { test, from };
}

/** «ВПР 2021, Математика, 4 класс» for messages. */
export function describeTest(t: RawTest): string {
  return `ВПР ${t.year}, ${t.subject}, ${t.grade} класс`;
}
