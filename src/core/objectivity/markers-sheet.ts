/**
 * Import of FIOKO markers of biased results (§3, sign F) from a simple sheet, so the markers
 * FIOKO sends to a region can be used as they are instead of being re-typed. Two layouts:
 *
 * 1. Wide — a header row with «Логин» and one column per grade and subject, «4 РУ», «5 МА»,
 *    «11 ИСТ» (grade, then a subject code or name; «5 кл. МА» and «5 Математика» work too),
 *    optional «Год» (else the year comes from the title rows above the header or the sheet
 *    name); below, one row per school with 0 / 1 (blank = no marker given).
 * 2. Long — a header row with «Логин», «Год» (or a year in the title), «Класс», «Предмет» and
 *    «Маркер»; one row per school, grade and subject.
 *
 * Other descriptive columns («ОО», «Наименование ОО», «Муниципалитет», «№») are skipped.
 * Grids in, model out: unknown subject codes, values other than 0/1, missing logins and years
 * become Russian findings naming the sheet and cell.
 */
import { formatCell } from "../a1";
import type { CellValue } from "../values";
import type { Finding, FiokoMarker } from "../model";
import { canonicalSubject, nearest, normaliseKey, SUBJECTS } from "../subjects";
import { quoteValue, readCell } from "../values";

/** FIOKO subject codes that the shared subject aliases do not know. */
const FIOKO_CODES: Record<string, string> = {
  ая: "Английский язык",
  ня: "Немецкий язык",
  фя: "Французский язык",
  ия: "Иностранный язык",
  об: "Обществознание",
  бг: "Биология",
  гг: "География",
  хи: "Химия",
  фи: "Физика",
  ис: "История",
};

/** Headers of descriptive columns that are neither the key nor a marker. */
const DESCRIPTIVE = [
  "оо",
  "наименование",
  "название",
  "образовательная организация",
  "школа",
  "муниципалитет",
  "мо",
  "муниципальное образование",
  "регион",
  "№",
  "n",
  "номер",
  "тип",
  "тип оо",
  "район",
  "код оо",
];

/** Rows searched for the header: report titles above it are allowed. */
const HEADER_SEARCH_ROWS = 30;

export interface FiokoMarkersImport {
  markers: FiokoMarker[];
  findings: Finding[];
}

function a1(row: number, col: number): string {
  return formatCell({ row, col });
}

function text(v: CellValue): string {
  const c = readCell(v);
  if (c.kind === "text") return c.text;
  if (c.kind === "number") return String(c.value);
  return "";
}

/** Canonical subject of a FIOKO code or a subject name; null when unknown. */
export function fiokoSubject(code: string): string | null {
  const key = normaliseKey(code);
  return FIOKO_CODES[key] ?? canonicalSubject(code);
}

/** A year 2000–2100 written anywhere in the text (title «… 2025 год», «2024/2025» → the latter). */
export function yearInText(t: string): number | null {
  // No lookbehind (?<!\d): Safari 14 and EdgeHTML 18 cannot compile it.
  const years = [...t.matchAll(/(?:^|\D)(20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  return years.length ? years[years.length - 1] : null;
}

const GRADE_SUBJECT = /^(\d{1,2})\s*(?:-?\s*(?:й|ый)\s*)?(?:кл(?:асс)?\.?\s*)?[\s_.-]*(\S.*)$/i;

/** «4 РУ» → { grade 4, code «РУ» }; null when the header is not «класс + предмет». */
export function gradeSubjectHeader(header: string): { grade: number; code: string } | null {
  const m = GRADE_SUBJECT.exec(header.trim());
  if (!m) return null;
  const grade = Number(m[1]);
  if (grade < 1 || grade > 11) return null;
  return { grade, code: m[2].trim() };
}

function isLoginHeader(t: string): boolean {
  const k = normaliseKey(t);
  return k === "логин" || k.startsWith("логин ") || k === "login";
}

/** Index of the header row (the first row with a «Логин» cell), −1 when there is none. */
export function findLoginHeaderRow(grid: readonly CellValue[][]): number {
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  // Blanks, numbers and booleans are never «Логин»: skipped without reading them as text (every
  // school form is tested with this before it is parsed; issue 23).
  for (let r = 0; r < last; r++)
    if (
      (grid[r] ?? []).some(
        (v) => v !== null && typeof v !== "number" && typeof v !== "boolean" && isLoginHeader(text(v)),
      )
    )
      return r;
  return -1;
}

interface Columns {
  login: number;
  year: number;
  grade: number;
  subject: number;
  marker: number;
  /** Wide layout: column → grade and canonical subject. */
  wide: Map<number, { grade: number; subject: string }>;
}

/** Whether the sheet is a marker list of either layout (for telling input files apart). */
export function looksLikeFiokoMarkers(grid: readonly CellValue[][]): boolean {
  const r = findLoginHeaderRow(grid);
  if (r < 0) return false;
  const keys = (grid[r] ?? []).map((v) => normaliseKey(text(v)));
  if (keys.includes("маркер") && keys.includes("класс") && keys.includes("предмет")) return true;
  return (grid[r] ?? []).some((v) => {
    const gs = gradeSubjectHeader(text(v));
    return gs !== null && fiokoSubject(gs.code) !== null;
  });
}

/** Parses the sheet; `source` is the file name kept with every marker and finding. */
export function parseFiokoMarkers(grid: readonly CellValue[][], sheet: string, source: string): FiokoMarkersImport {
  const findings: Finding[] = [];
  const finding = (severity: Finding["severity"], rule: string, cell: string, message: string, hint?: string): void => {
    findings.push({ severity, rule, sheet, cell, message, file: source, ...(hint ? { hint } : {}) });
  };
  const headerRow = findLoginHeaderRow(grid);
  if (headerRow < 0) {
    finding(
      "error",
      "markers.header",
      "",
      `Лист «${sheet}» (${source}): не найдена строка заголовков со столбцом «Логин»; ожидаются столбцы «Логин» и «4 РУ», «5 МА»… (класс и предмет) либо «Логин», «Год», «Класс», «Предмет», «Маркер».`,
    );
    return { markers: [], findings };
  }
  const header = grid[headerRow];
  const cols: Columns = { login: -1, year: -1, grade: -1, subject: -1, marker: -1, wide: new Map() };
  header.forEach((v, c) => {
    const t = text(v).trim();
    const k = normaliseKey(t);
    if (k === "") return;
    if (isLoginHeader(t)) cols.login = c;
    else if (k === "год" || k.startsWith("учебный год")) cols.year = c;
    else if (k === "класс" || k === "параллель") cols.grade = c;
    else if (k === "предмет") cols.subject = c;
    else if (k === "маркер" || k.startsWith("маркер ")) cols.marker = c;
    else if (DESCRIPTIVE.includes(k) || DESCRIPTIVE.some((d) => d.length > 3 && k.startsWith(d))) return;
    else {
      const gs = gradeSubjectHeader(t);
      const subject = gs ? fiokoSubject(gs.code) : null;
      if (gs && subject) cols.wide.set(c, { grade: gs.grade, subject });
      else if (gs) {
        const hint = nearest(gs.code, SUBJECTS);
        finding(
          "error",
          "markers.subject",
          a1(headerRow, c),
          `Ячейка ${a1(headerRow, c)} листа «${sheet}»: код предмета ${quoteValue(gs.code)} в заголовке ${quoteValue(t)} не распознан; ожидаются коды ФИОКО (РУ, МА, ОМ, ИСТ, БИО, ГЕО, ОБЩ, ФИЗ, ХИМ, АЯ…) или названия предметов.`,
          hint ? `Возможно, имелся в виду предмет «${hint}».` : undefined,
        );
      } else
        finding(
          "warning",
          "markers.column",
          a1(headerRow, c),
          `Столбец ${quoteValue(t)} в ячейке ${a1(headerRow, c)} листа «${sheet}» не является маркером и пропущен; ожидаются заголовки «класс предмет», например «5 МА».`,
        );
    }
  });
  const long = cols.marker >= 0;
  if (long && (cols.grade < 0 || cols.subject < 0)) {
    finding(
      "error",
      "markers.header",
      a1(headerRow, cols.marker),
      `Лист «${sheet}»: в строке заголовков ${headerRow + 1} есть «Маркер», но нет ${cols.grade < 0 ? "«Класс»" : "«Предмет»"}; ожидаются «Логин», «Год», «Класс», «Предмет», «Маркер».`,
    );
    return { markers: [], findings };
  }
  if (!long && cols.wide.size === 0) {
    if (!findings.some((f) => f.severity === "error"))
      finding(
        "error",
        "markers.header",
        a1(headerRow, 0),
        `Лист «${sheet}»: в строке заголовков ${headerRow + 1} нет ни одного столбца маркера; ожидаются заголовки «класс предмет», например «4 РУ», «5 МА».`,
      );
    return { markers: [], findings };
  }
  let titleYear: number | null = null;
  for (let r = 0; r < headerRow && titleYear === null; r++)
    for (const v of grid[r] ?? []) titleYear ??= yearInText(text(v));
  titleYear ??= yearInText(sheet);
  if (cols.year < 0 && titleYear === null) {
    finding(
      "error",
      "markers.year",
      a1(headerRow, 0),
      `Лист «${sheet}»: год маркеров не указан; ожидается столбец «Год» или год в заголовке над таблицей (например, «Маркеры ФИОКО, 2025»).`,
    );
    return { markers: [], findings };
  }

  const markers: FiokoMarker[] = [];
  const seen = new Set<string>();
  const markerValue = (r: number, c: number): 0 | 1 | null | "bad" => {
    const cell = readCell(grid[r][c]);
    if (cell.kind === "blank") return null;
    const t = cell.kind === "number" ? String(cell.value) : cell.kind === "text" ? cell.text.trim() : "";
    if (t === "1") return 1;
    if (t === "0") return 0;
    if (t === "") return null;
    finding(
      "error",
      "markers.value",
      a1(r, c),
      `Ячейка ${a1(r, c)} листа «${sheet}»: значение ${quoteValue(grid[r][c])} не является маркером; ожидается 0 или 1 (пусто — маркер не указан).`,
    );
    return "bad";
  };
  const add = (
    r: number,
    c: number,
    login: string,
    year: number,
    grade: number,
    subject: string,
    marker: 0 | 1,
  ): void => {
    const key = `${login.toLowerCase()}|${year}|${grade}|${subject}`;
    if (seen.has(key)) {
      finding(
        "warning",
        "markers.duplicate",
        a1(r, c),
        `Ячейка ${a1(r, c)} листа «${sheet}»: маркер ОО ${login} за ${year} год, ${grade} класс, «${subject}» уже указан выше; повтор пропущен.`,
      );
      return;
    }
    seen.add(key);
    markers.push({ year, login, grade, subject, marker, source });
  };

  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => readCell(v).kind === "blank")) continue;
    const login = cols.login >= 0 ? text(row[cols.login]).trim() : "";
    const valueCols = long ? [cols.marker] : [...cols.wide.keys()];
    const hasValues = valueCols.some((c) => readCell(row[c]).kind !== "blank");
    if (!hasValues) continue; // a note or a subtotal line without markers
    if (login === "") {
      finding(
        "error",
        "markers.login",
        a1(r, cols.login),
        `Ячейка ${a1(r, cols.login)} листа «${sheet}»: пустой логин ОО в строке с маркерами; ожидается логин ФИС ОКО (например, sch420123).`,
      );
      continue;
    }
    let year = titleYear;
    if (cols.year >= 0) {
      const yc = readCell(row[cols.year]);
      const y = yc.kind === "number" ? yc.value : yc.kind === "text" ? (yearInText(yc.text) ?? NaN) : NaN;
      if (Number.isInteger(y) && y >= 2000 && y <= 2100) year = y;
      else if (yc.kind !== "blank" || titleYear === null) {
        finding(
          "error",
          "markers.year",
          a1(r, cols.year),
          `Ячейка ${a1(r, cols.year)} листа «${sheet}»: год ${quoteValue(row[cols.year])} не распознан; ожидается год, например 2025.`,
        );
        continue;
      }
    }
    if (year === null) continue;
    if (long) {
      const gc = readCell(row[cols.grade]);
      const grade = gc.kind === "number" ? gc.value : gc.kind === "text" ? Number.parseInt(gc.text, 10) : NaN;
      if (!Number.isInteger(grade) || grade < 1 || grade > 11) {
        finding(
          "error",
          "markers.grade",
          a1(r, cols.grade),
          `Ячейка ${a1(r, cols.grade)} листа «${sheet}»: класс ${quoteValue(row[cols.grade])} не распознан; ожидается число от 1 до 11.`,
        );
        continue;
      }
      const raw = text(row[cols.subject]).trim();
      const subject = fiokoSubject(raw);
      if (!subject) {
        const hint = nearest(raw, SUBJECTS);
        finding(
          "error",
          "markers.subject",
          a1(r, cols.subject),
          `Ячейка ${a1(r, cols.subject)} листа «${sheet}»: предмет ${quoteValue(raw)} не распознан; ожидается код ФИОКО (РУ, МА, ОМ, ИСТ, БИО…) или название предмета.`,
          hint ? `Возможно, имелся в виду предмет «${hint}».` : undefined,
        );
        continue;
      }
      const v = markerValue(r, cols.marker);
      if (v === 0 || v === 1) add(r, cols.marker, login, year, grade, subject, v);
      continue;
    }
    for (const [c, gs] of cols.wide) {
      const v = markerValue(r, c);
      if (v === 0 || v === 1) add(r, c, login, year, gs.grade, gs.subject, v);
    }
  }
  return { markers, findings };
}
