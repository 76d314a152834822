/**
 * The input-shape contract of the custom functions: how an Excel range becomes marks, counts,
 * scores or a mode. Pure (no Excel API), so the CLI and tests use it unchanged.
 *
 *  - a range of ONE ROW with 4 or 5 cells = counts n5, n4, n3, n2 [, n1]; blanks are 0;
 *  - a range of ONE COLUMN (or one cell) = individual marks, one per row;
 *  - in marks: blanks, «отс» (absent) are ignored; «н/а» is ignored, or counted as «1» when the
 *    profile says so; numbers stored as text ("4", "3,0") are accepted; anything else is an error
 *    naming its row and column inside the range.
 */
import { InputError, positionRu } from "../core/errors";
import type { MarkCounts } from "../core/model";
import type { Profile } from "../core/profile";
import { countRu, formatNumberRu, quoteValue, readCell, type CellValue } from "../core/values";

export type Range = CellValue[][];

export interface MarksInput {
  counts: MarkCounts;
  /** True when the range was a row of counts, false when it listed individual marks. */
  fromCounts: boolean;
}

function bad(arg: string, row: number, col: number, v: CellValue, expected: string): InputError {
  return new InputError(
    `Значение ${quoteValue(v)} в ${positionRu(row, col)} аргумента «${arg}» не подходит: ${expected}.`,
  );
}

/** True for an omitted optional argument (Excel passes null; an empty 1×1 range counts too). */
export function isOmitted(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (!Array.isArray(v)) return v === "";
  // Looked at directly, not through asRange: a huge range is "given", not an error here.
  const r = (v.length > 0 && Array.isArray(v[0]) ? v : [v]) as Range;
  return r.length === 1 && r[0].length === 1 && (r[0][0] === null || r[0][0] === undefined || r[0][0] === "");
}

/**
 * Memory one range may take while a custom function reads it: Excel on the web gives the whole
 * add-in 1–2 GB (issue 23), and the range arrives as one array that the function then reads.
 */
export const RANGE_MEMORY_BYTES = 1024 ** 3;

/**
 * Bytes a delivered cell costs: its slot in the array Excel passes and the boxed value
 * (24 B measured in V8 for a results table parsed from JSON, bench/cases/range-memory.mjs), rounded up.
 */
export const DELIVERED_BYTES_PER_CELL = 32;

/**
 * Largest range a custom function accepts, in cells: what fits in RANGE_MEMORY_BYTES
 * (33 554 432 cells). Whole columns fit (A:M is 1 048 576 × 13 = 13,6 млн cells; blank rows are
 * skipped cheaply); a sheet-wide range (A:XFD) is refused early with a clear message instead of
 * exhausting memory. Functions that keep more per cell (the analysis) bound that separately.
 * (Until issue 23 the limit was 1 000 000 cells, which refused a 100 000-line regional table.)
 */
export const MAX_RANGE_CELLS = RANGE_MEMORY_BYTES / DELIVERED_BYTES_PER_CELL;

/** Normalises a scalar-or-range argument to a 2-D array; refuses ranges over MAX_RANGE_CELLS. */
export function asRange(v: unknown, arg?: string): Range {
  if (!Array.isArray(v)) return [[v as CellValue]];
  const range = (v.length > 0 && Array.isArray(v[0]) ? v : [v]) as Range;
  const cells = range.length * (range[0]?.length ?? 0);
  if (cells > MAX_RANGE_CELLS) {
    const what = arg ? `Диапазон аргумента «${arg}»` : "Диапазон";
    throw new InputError(
      `${what} слишком велик: ${formatNumberRu(range.length, 0)} × ${formatNumberRu(range[0]?.length ?? 0, 0)} = ` +
        `${countRu(cells, CELLS)}, предел — ${countRu(MAX_RANGE_CELLS, CELLS)}. ` +
        `Укажите только столбцы и строки с данными (например, A1:M5000 вместо A:XFD).`,
    );
  }
  return range;
}

const CELLS = ["ячейка", "ячейки", "ячеек"] as const;

export function shapeRu(r: Range): string {
  return `${r.length}×${r[0]?.length ?? 0}`;
}

const COUNTS_EXPECTED = "ожидается количество участников — целое число не меньше 0 (или пусто)";
const MARK_EXPECTED = "ожидается отметка 2, 3, 4, 5 (или 1), «н/а», «отс» или пустая ячейка";

/** Reads one row of non-negative integer counts; blanks are 0. */
export function readCountCells(range: Range, arg: string): number[] {
  const row = range[0];
  const n: number[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = readCell(row[c]);
    if (cell.kind === "blank") n.push(0);
    else if (cell.kind === "number" && Number.isInteger(cell.value) && cell.value >= 0) n.push(cell.value);
    else throw bad(arg, 0, c, row[c], COUNTS_EXPECTED);
  }
  return n;
}

/** Reads a row of counts (n5, n4, n3, n2 [, n1]). */
export function readCountsRow(range: Range, arg: string): MarkCounts {
  const n = readCountCells(range, arg);
  const counts: MarkCounts = { n5: n[0], n4: n[1], n3: n[2], n2: n[3] };
  if (n.length > 4) counts.n1 = n[4];
  return counts;
}

/** Reads one column of marks into counts. */
export function readMarkColumn(range: Range, arg: string, profile: Profile): MarkCounts {
  const k = [0, 0, 0, 0, 0, 0];
  const naAsOne = profile.values["marks.naAsOne"];
  for (let r = 0; r < range.length; r++) {
    const v = range[r][0];
    const cell = readCell(v);
    switch (cell.kind) {
      case "blank":
      case "absent":
        break;
      case "na":
        if (naAsOne) k[1]++;
        break;
      case "number":
        if (Number.isInteger(cell.value) && cell.value >= 1 && cell.value <= 5) k[cell.value]++;
        else throw bad(arg, r, 0, v, MARK_EXPECTED);
        break;
      default:
        throw bad(arg, r, 0, v, MARK_EXPECTED);
    }
  }
  const counts: MarkCounts = { n5: k[5], n4: k[4], n3: k[3], n2: k[2] };
  if (k[1] > 0) counts.n1 = k[1];
  return counts;
}

/** A row of 4–5 counts, or a column of marks; any other shape is an error. */
export function readMarks(value: unknown, arg: string, profile: Profile): MarksInput {
  const range = asRange(value, arg);
  const rows = range.length;
  const cols = range[0]?.length ?? 0;
  if (rows === 1 && (cols === 4 || cols === 5)) return { counts: readCountsRow(range, arg), fromCounts: true };
  if (cols === 1) return { counts: readMarkColumn(range, arg, profile), fromCounts: false };
  throw new InputError(
    `Диапазон «${arg}» размером ${shapeRu(range)} не подходит: ожидается одна строка из 4–5 количеств ` +
      `(число «5», «4», «3», «2» [, «1»]) или один столбец отметок.`,
  );
}

/**
 * Reads a column of paired marks (test and journal), keeping row alignment: NaN where a row is
 * blank, absent or «н/а». Both ranges must be single columns of equal height.
 */
export function readMarkPairs(
  test: unknown,
  journal: unknown,
  argT: string,
  argJ: string,
): { test: Float64Array; journal: Float64Array } {
  const t = asRange(test, argT);
  const j = asRange(journal, argJ);
  if ((t[0]?.length ?? 0) !== 1 || (j[0]?.length ?? 0) !== 1) {
    throw new InputError(
      `Аргументы «${argT}» и «${argJ}» должны быть столбцами отметок (сейчас ${shapeRu(t)} и ${shapeRu(j)}).`,
    );
  }
  if (t.length !== j.length) {
    throw new InputError(`Столбцы «${argT}» и «${argJ}» должны быть одной высоты: ${t.length} и ${j.length} строк.`);
  }
  const read = (range: Range, arg: string): Float64Array => {
    const out = new Float64Array(range.length);
    for (let r = 0; r < range.length; r++) {
      const cell = readCell(range[r][0]);
      if (cell.kind === "blank" || cell.kind === "absent" || cell.kind === "na") out[r] = NaN;
      else if (cell.kind === "number" && Number.isInteger(cell.value) && cell.value >= 1 && cell.value <= 5)
        out[r] = cell.value;
      else throw bad(arg, r, 0, range[r][0], MARK_EXPECTED);
    }
    return out;
  };
  return { test: read(t, argT), journal: read(j, argJ) };
}

/** Reads scores (numbers from min to max) from a range of any shape; blanks, «отс», «н/а» ignored. */
export function readScores(value: unknown, arg: string, min: number, max: number): Float64Array {
  const range = asRange(value, arg);
  const out: number[] = [];
  for (let r = 0; r < range.length; r++) {
    for (let c = 0; c < range[r].length; c++) {
      const cell = readCell(range[r][c]);
      if (cell.kind === "blank" || cell.kind === "absent" || cell.kind === "na") continue;
      if (cell.kind === "number" && cell.value >= min && cell.value <= max) out.push(cell.value);
      else throw bad(arg, r, c, range[r][c], `ожидается балл от ${min} до ${max} или пустая ячейка`);
    }
  }
  return Float64Array.from(out);
}

/** Reads a single number (a cell or a 1×1 range), text numbers accepted. */
export function readNumber(value: unknown, arg: string): number {
  const range = asRange(value, arg);
  if (range.length !== 1 || range[0].length !== 1) {
    throw new InputError(`Аргумент «${arg}» должен быть одним числом, а передан диапазон ${shapeRu(range)}.`);
  }
  const cell = readCell(range[0][0]);
  if (cell.kind === "number") return cell.value;
  throw new InputError(
    `Аргумент «${arg}»: значение ${quoteValue(range[0][0])} не число; ожидается число (допускается «12,5»).`,
  );
}

/** Reads a text argument (procedure, subject, mode). */
export function readText(value: unknown, arg: string): string {
  const range = asRange(value, arg);
  const v = range[0]?.[0];
  if (range.length !== 1 || range[0].length !== 1 || v === null || v === undefined || String(v).trim() === "") {
    throw new InputError(`Аргумент «${arg}» должен быть непустым текстом.`);
  }
  return String(v).trim();
}

/** Matches a mode argument against allowed values and their Russian aliases (case-insensitive). */
export function readMode<T extends string>(value: unknown, arg: string, modes: Record<string, T>, fallback: T): T {
  if (isOmitted(value)) return fallback;
  const original = readText(value, arg);
  const mode = Object.prototype.hasOwnProperty.call(modes, original.toLowerCase().replace(/ё/g, "е"))
    ? modes[original.toLowerCase().replace(/ё/g, "е")]
    : undefined;
  if (mode === undefined) {
    const allowed = Object.keys(modes)
      .map((m) => `«${m}»`)
      .join(", ");
    throw new InputError(`Аргумент «${arg}»: режим ${quoteValue(original)} не известен; допустимы ${allowed}.`);
  }
  return mode;
}
