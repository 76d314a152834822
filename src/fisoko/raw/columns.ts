/**
 * The header of a regional protocol («протокол» of raw results), in both real layouts:
 * 2020–2021 — «логин школы | регион | номер обучающегося | код обучающегося | отметка за
 * предыдущую четверть/триместр | пол | класс | вариант | всего баллов | балл за 1 … балл за N»
 * (one sheet, no mark); 2022+ — sheet «Протокол»: «Пользователь | Код региона | Регион |
 * Муниципалитет | Школа | Дата загрузки | Код | Вариант | 1 (1б) … 10К1 (1б) … | Наименование
 * класса». Columns are found by header text, never by position; unknown columns are ignored.
 */
import type { CellValue } from "../../core/values";
import { taskNumber } from "../reports/tasks";
import { cellText, norm } from "../text";

export type RawLayout = "2021" | "2022";

export const LAYOUT_LABELS: Record<RawLayout, string> = {
  "2021": "протокол 2020–2021 гг. (логин школы, всего баллов, «балл за N»)",
  "2022": "протокол 2022 г. и позже (лист «Протокол»: Регион, Муниципалитет, Школа, «N (Mб)»)",
};

export interface RawTaskColumn {
  col: number;
  number: string;
  /** Maximum from «(2б)» in the header; unknown in the 2020–2021 layout. */
  max?: number;
}

export interface RawColumns {
  layout: RawLayout;
  row: number;
  school: number;
  code: number;
  municipality: number | null;
  region: number | null;
  className: number | null;
  variant: number | null;
  score: number | null;
  mark: number | null;
  journal: number | null;
  tasks: RawTaskColumn[];
}

/** «балл за 1», «балл за задание 6.1», «Балл за 10К1». */
const TASK_2021 = /^балл(?:ы)? за (?:задание )?(\d{1,2}(?:[.,]\d{1,2}|\(\d{1,2}\)|к\d)?)$/;
/** «1 (1б)», «10К1 (1б)», «9.2 (2б)». */
const TASK_2022 = /^(\d{1,2}(?:[.,]\d{1,2}|\s?\(\d{1,2}\)|[кk]\d)?)\s*\((\d{1,2})\s*б\.?\)$/;

function kindOf(t: string): keyof Omit<RawColumns, "layout" | "row" | "tasks"> | "ignore" | null {
  if (/^(?:логин (?:школы|оо)|школа|логин)$/.test(t)) return "school";
  if (/^(?:код обучающегося|код участника|код)$/.test(t)) return "code";
  if (/^(?:муниципалитет|муниципальное образование|ате|мо)$/.test(t)) return "municipality";
  if (/^регион$/.test(t)) return "region";
  if (/предыдущ|журнал|четверт|триместр/.test(t)) return "journal";
  if (/^(?:класс|наименование класса|класс \(литера\))$/.test(t)) return "className";
  if (/^вариант/.test(t)) return "variant";
  if (/^(?:всего баллов|первичный балл|сумма баллов|итого баллов)$/.test(t)) return "score";
  if (/^(?:отметка|отметка за впр|оценка)$/.test(t)) return "mark";
  if (/^(?:номер обучающегося|пол|пользователь|код региона|дата загрузки|№|n)$/.test(t)) return "ignore";
  return null;
}

/** Reads one row as a protocol header; null when it lacks the school, the code or any task. */
export function readRawHeader(row: readonly CellValue[], r: number): RawColumns | null {
  const cols: RawColumns = {
    layout: "2022",
    row: r,
    school: -1,
    code: -1,
    municipality: null,
    region: null,
    className: null,
    variant: null,
    score: null,
    mark: null,
    journal: null,
    tasks: [],
  };
  let layout2021 = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    // A number or a boolean reads as digits or «ИСТИНА»/«ЛОЖЬ», never as a header: not formatted
    // (every school form is tested with this before it is parsed; issue 23).
    if (typeof v === "number" || typeof v === "boolean") continue;
    const raw = cellText(v);
    if (!raw) continue;
    const t = norm(raw);
    const t21 = TASK_2021.exec(t);
    if (t21) {
      cols.tasks.push({ col: c, number: taskNumber(t21[1]).toUpperCase() });
      layout2021 = true;
      continue;
    }
    const t22 = TASK_2022.exec(t);
    if (t22) {
      cols.tasks.push({ col: c, number: taskNumber(t22[1]).toUpperCase(), max: Number(t22[2]) });
      continue;
    }
    const k = kindOf(t);
    if (k === null || k === "ignore") continue;
    if (k === "school") {
      if (cols.school < 0) cols.school = c;
      if (t !== "школа") layout2021 = true;
    } else if (k === "code") {
      if (cols.code < 0) cols.code = c;
    } else if (cols[k] === null) cols[k] = c;
  }
  if (cols.school < 0 || cols.code < 0 || cols.tasks.length === 0) return null;
  cols.layout = layout2021 ? "2021" : "2022";
  return cols;
}

/** How many rows from the top may hold titles above the protocol's header. */
export const RAW_HEADER_ROWS = 15;

/** The header row among the first rows of a sheet, with the title lines above it. */
export function findRawHeader(
  values: readonly (readonly CellValue[])[],
): { cols: RawColumns; titles: string[] } | null {
  const limit = Math.min(values.length, RAW_HEADER_ROWS);
  for (let r = 0; r < limit; r++) {
    const cols = readRawHeader(values[r] ?? [], r);
    // The title lines are read only once a header is found (most sheets tested have none).
    if (cols) return { cols, titles: titleTexts(values, r) };
  }
  return null;
}

/** Texts of the rows above the header, row by row. */
function titleTexts(values: readonly (readonly CellValue[])[], header: number): string[] {
  const titles: string[] = [];
  for (let r = 0; r < header; r++)
    for (const v of values[r] ?? []) {
      const t = cellText(v);
      if (t) titles.push(t);
    }
  return titles;
}
