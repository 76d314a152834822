/**
 * The title block of an export: which report it is (by its title text, tolerant of case, «ё»
 * and spaces), and the test it describes — year, grade and subject — from lines such as
 * «ВПР 2025. Математика. 5 класс», «Всероссийские проверочные работы 2023 (5 класс)» +
 * «Предмет: Математика», or «ВПР-2024, русский язык, 4 кл.».
 */
import { canonicalSubject, nearest, SUBJECTS } from "../core/subjects";
import type { SheetScan } from "./sheet";
import { norm, quote } from "./text";

export type ReportKind = "marks" | "journal" | "distribution" | "tasks" | "individual";

export const REPORT_TITLES: Record<ReportKind, string> = {
  marks: "Статистика по отметкам",
  journal: "Сравнение отметок с отметками по журналу",
  distribution: "Распределение первичных баллов",
  tasks: "Выполнение заданий",
  individual: "Индивидуальные результаты",
};

/** ФИС ОКО reports the add-in knows but does not import: named in the message, not guessed at. */
const UNSUPPORTED = [
  "Выполнение заданий группами участников",
  "Достижение планируемых результатов",
  "Результаты ВПР по классам",
];

/** How many rows from the top may hold the title block. */
export const TITLE_ROWS = 15;

export interface TitleMatch {
  kind: ReportKind;
  row: number;
  col: number;
  /**
   * "header": recognised by its «Код участника» column only (an individual table without title);
   * "sheetName": no title in the grid, but the sheet is named after the report (a pasted table).
   */
  via: "title" | "header" | "sheetName";
}

/** A text of the title block and its cell. */
interface TitleCell {
  text: string;
  row: number;
  col: number;
}

/** Texts of the title block (distinct non-empty cells of the first rows), with positions. */
function titleCells(scan: SheetScan): TitleCell[] {
  const out: TitleCell[] = [];
  const limit = Math.min(scan.height, TITLE_ROWS);
  for (let r = 0; r < limit; r++) {
    let last = "";
    for (let c = 0; c < scan.width; c++) {
      const t = scan.text(r, c);
      if (t && t !== last) out.push({ text: t, row: r, col: c });
      if (t) last = t;
    }
  }
  return out;
}

function kindOfText(text: string): ReportKind | "unsupported" | null {
  const t = norm(text);
  for (const u of UNSUPPORTED) if (t.includes(norm(u))) return "unsupported";
  if (t.includes("статистика по отметкам")) return "marks";
  if (t.includes("сравнение отметок")) return "journal";
  if (t.includes("распределение первичных баллов")) return "distribution";
  if (t.startsWith("выполнение заданий") || t === "выполнение заданий") return "tasks";
  if (t.includes("индивидуальные результаты")) return "individual";
  return null;
}

/** Excel cuts sheet names at 31 characters: «МА 4 Сравнение отметок с отметк». */
const SHEET_NAME_LIMIT = 31;
/** The shortest cut title that still names one report. */
const MIN_CUT_TITLE = 10;

/**
 * The report kind named in a sheet name, if any (used to catch renamed or swapped sheets). A name
 * cut at Excel's 31 characters names a report when its end is the beginning of the report's title.
 */
export function kindOfSheetName(name: string): ReportKind | null {
  const k = kindOfText(name);
  if (k) return k === "unsupported" ? null : k;
  if (name.length < SHEET_NAME_LIMIT - 1) return null;
  const t = norm(name);
  const kinds = Object.entries(REPORT_TITLES) as [ReportKind, string][];
  for (let i = 0; i + MIN_CUT_TITLE <= t.length; i++) {
    if (i > 0 && t[i - 1] !== " ") continue;
    const tail = t.slice(i);
    if (UNSUPPORTED.some((u) => norm(u).startsWith(tail))) return null;
    const hit = kinds.find(([, title]) => norm(title).startsWith(tail));
    if (hit) return hit[0];
  }
  return null;
}

export type Detection =
  | { ok: true; match: TitleMatch }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "unsupported"; title: string; row: number; col: number }
  | { ok: false; reason: "unknown"; seen: string[] };

/** The first title cell that names a report (supported or not) and what it names; null when none does. */
function namedTitle(cells: readonly TitleCell[]): { cell: TitleCell; kind: ReportKind | "unsupported" } | null {
  for (const cell of cells) {
    const kind = kindOfText(cell.text);
    if (kind) return { cell, kind };
  }
  return null;
}

/**
 * Whether the sheet's title names a report detectReport reads (its match «via title»), without
 * detectReport's look for the «Код участника» header under it: that look normalises every cell of
 * the first 30 rows, and a title check runs on every sheet of every input (issue 23).
 */
export function hasReportTitle(scan: SheetScan): boolean {
  const named = namedTitle(titleCells(scan));
  return named !== null && named.kind !== "unsupported";
}

/** Finds the report title among the first rows; the individual results table is also recognised by its «Код участника» header. */
export function detectReport(scan: SheetScan): Detection {
  const cells = titleCells(scan);
  if (cells.length === 0) return { ok: false, reason: "empty" };
  const title = namedTitle(cells);
  if (title) {
    const { cell, kind } = title;
    if (kind === "unsupported")
      return { ok: false, reason: "unsupported", title: cell.text, row: cell.row, col: cell.col };
    return { ok: true, match: { kind, row: cell.row, col: cell.col, via: "title" } };
  }
  const limit = Math.min(scan.height, 30);
  for (let r = 0; r < limit; r++) {
    for (let c = 0; c < scan.width; c++) {
      if (norm(scan.text(r, c)).startsWith("код участника"))
        return { ok: true, match: { kind: "individual", row: r, col: c, via: "header" } };
    }
  }
  const named = kindOfSheetName(scan.sheet);
  if (named) return { ok: true, match: { kind: named, row: 0, col: 0, via: "sheetName" } };
  return { ok: false, reason: "unknown", seen: cells.slice(0, 3).map((c) => c.text) };
}

export function describeSeen(seen: string[]): string {
  return seen.length ? seen.map(quote).join(", ") : "пустые строки";
}

export interface TestHeader {
  year: number;
  grade: number;
  subject: string;
  /** Максимальный первичный балл, when the header states it. */
  maxScore?: number;
  /** Where the year/grade line was found (row index). */
  row: number;
}

const YEAR_RE = /(?:^|[^\d])(20\d{2})(?:[^\d]|$)/;
const GRADE_RES = [
  /(\d{1,2})\s*-?\s*(?:й\s*)?(?:класс|кл(?![а-я]))/,
  /класс\s*:?\s*(\d{1,2})(?:[^\d]|$)/,
  /параллель\s*:?\s*(\d{1,2})/,
];

function gradeOf(t: string): number | null {
  for (const re of GRADE_RES) {
    const m = re.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * The subject inside a title line: the segment left after removing «ВПР», the year and the grade.
 * `known` is false for a leftover that is not a subject (kept to suggest the nearest one).
 */
function subjectOfLine(line: string): { text: string; known: boolean } | null {
  const direct = /предмет\s*:?\s*(.+)$/i.exec(line);
  if (direct) return { text: direct[1].trim(), known: true };
  const stripped = line
    .replace(/всероссийские проверочные работы/gi, " ")
    .replace(/(^|[^а-яё])впр(?![а-яё])/gi, "$1 ") // no lookbehind: Safari 14 and EdgeHTML 18 lack it
    .replace(/20\d{2}/g, " ")
    .replace(/\d{1,2}\s*-?\s*(?:й\s*)?(?:класс|кл)(?![а-яё])\.?/gi, " ")
    .replace(/класс\s*:?\s*\d{1,2}/gi, " ");
  const segments = stripped
    .split(/[.,;:()\-–—|]/)
    .map((s) => s.trim())
    .filter((s) => /[а-яё]{3}/i.test(s));
  const known = segments.find((s) => canonicalSubject(s));
  if (known) return { text: known, known: true };
  return segments.length ? { text: segments.reduce((a, b) => (b.length > a.length ? b : a)), known: false } : null;
}

/** The next non-blank cell right of (r, c) in the same row. */
function nextText(scan: SheetScan, r: number, c: number): { text: string; col: number } | null {
  for (let k = c + 1; k < scan.width; k++) {
    const t = scan.text(r, k);
    if (t) return { text: t, col: k };
  }
  return null;
}

/**
 * Reads year, grade and subject from the title block. Records an error naming what was found
 * when one of them is missing; returns null then.
 */
export function readTestHeader(scan: SheetScan, firstDataRow: number): TestHeader | null {
  const limit = Math.min(scan.height, Math.max(1, firstDataRow), TITLE_ROWS + 5);
  let year: number | null = null;
  let grade: number | null = null;
  let subjectText: string | null = null;
  let guess: string | null = null;
  let maxScore: number | undefined;
  let row = 0;
  const lines: string[] = [];
  for (let r = 0; r < limit; r++) {
    const seen = new Set<string>();
    for (let c = 0; c < scan.width; c++) {
      let text = scan.text(r, c);
      if (!text || seen.has(text)) continue;
      seen.add(text);
      // Real exports write «Предмет:» | «Русский язык», «Максимальный первичный балл:» | 24 in two cells.
      if (text.endsWith(":")) {
        const value = nextText(scan, r, c);
        if (value) {
          seen.add(value.text);
          text = `${text} ${value.text}`;
          c = value.col;
        }
      }
      lines.push(text);
      const t = norm(text);
      const isTestLine = t.includes("впр") || t.includes("проверочн");
      if (isTestLine && year === null) {
        const m = YEAR_RE.exec(t);
        if (m) {
          year = Number(m[1]);
          row = r;
        }
      }
      if (grade === null && (isTestLine || t.startsWith("класс") || t.startsWith("параллель"))) grade = gradeOf(t);
      if (subjectText === null && (isTestLine || t.startsWith("предмет"))) {
        const found = subjectOfLine(text);
        if (found?.known) subjectText = found.text;
        else if (found && guess === null) guess = found.text;
      }
      if (t.startsWith("год") && year === null) {
        const m = YEAR_RE.exec(t);
        if (m) year = Number(m[1]);
      }
      const mx = /максимальный (?:первичный )?балл\s*:?\s*(\d{1,3})/.exec(t);
      if (mx) maxScore = Number(mx[1]);
    }
  }
  const found = lines.length ? lines.slice(0, 4).map(quote).join(", ") : "пустые строки";
  if (year === null || grade === null) {
    scan.error(
      "fisoko.header",
      null,
      null,
      `в заголовке не найдены ${year === null ? "год" : ""}${year === null && grade === null ? " и " : ""}${grade === null ? "класс" : ""} работы; ожидается строка вида «ВПР 2025. Математика. 5 класс» или «Всероссийские проверочные работы 2025 (5 класс)». Найдено: ${found}.`,
    );
    return null;
  }
  if (grade < 1 || grade > 11) {
    scan.error("fisoko.header", row, 0, `класс ${grade} в заголовке вне диапазона 1–11.`);
    return null;
  }
  if (subjectText === null) subjectText = guess;
  if (subjectText === null) {
    scan.error(
      "fisoko.subject",
      null,
      null,
      `в заголовке не найден предмет; ожидается строка вида «ВПР ${year}. Математика. ${grade} класс» или «Предмет: Математика». Найдено: ${found}.`,
    );
    return null;
  }
  const subject = canonicalSubject(subjectText);
  if (!subject) {
    const near = nearest(subjectText, SUBJECTS);
    scan.error(
      "fisoko.subject",
      null,
      null,
      `предмет ${quote(subjectText)} не распознан${near ? `; возможно, «${near}»` : ""}. Ожидается название предмета, например «Русский язык», «Математика», «Окружающий мир».`,
    );
    return null;
  }
  return { year, grade, subject, row, ...(maxScore !== undefined ? { maxScore } : {}) };
}
