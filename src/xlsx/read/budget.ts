/**
 * Limits that hold for the whole book, not for one sheet: a 75 KB file of 200 sheets, each
 * claiming A1:XFD305, passes every per-sheet check and still asks for a billion cells; 17 merged
 * areas of a million cells each make exceljs fail with «Set maximum size exceeded». One budget
 * object is charged while a book is read (cells each sheet claims or holds, merged cells, bytes
 * of text, bytes really inflated — never the sizes the zip directory declares) and refuses, in
 * Russian and naming the file, before anything of that size is allocated. Pure, no Node API.
 * The limits are settings of the methodology profile (section «Ограничения»), so a municipality
 * can raise them with `--set` up to hard caps (src/core/profile/params.ts says why each cap).
 */
import { DEFAULT_PROFILE, PARAMS, type Profile } from "../../core/profile";
import { countRu } from "../../core/values";

export interface BookLimits {
  /** Cells of all sheets together: each sheet counts the larger of its claimed dimension and its used range. */
  maxBookCells: number;
  /** Cells inside merged areas, all sheets together. */
  maxMergedCells: number;
  /** Bytes of text parts decoded as a whole (shared strings, workbook, relationships). */
  maxStringBytes: number;
  /** Bytes produced by inflating the parts, measured while inflating. */
  maxInflatedBytes: number;
}

const MB = 1024 * 1024;

// The defaults are profile settings (src/core/profile/params.ts, section «Ограничения»): raised
// with `--set limits.…=…` up to the hard caps declared there, never written here as numbers.
export const DEFAULT_MAX_BOOK_CELLS = PARAMS["limits.bookCells"].value;
export const DEFAULT_MAX_MERGED_CELLS = PARAMS["limits.mergedCells"].value;
export const DEFAULT_MAX_STRING_BYTES = PARAMS["limits.stringMb"].value * MB;
export const DEFAULT_MAX_INFLATED_BYTES = PARAMS["limits.inflatedMb"].value * MB;

/** The book limits of a methodology profile (its defaults, or a municipality's `--set` values). */
export function bookLimits(profile: Profile): BookLimits {
  const v = profile.values;
  return {
    maxBookCells: v["limits.bookCells"],
    maxMergedCells: v["limits.mergedCells"],
    maxStringBytes: v["limits.stringMb"] * MB,
    maxInflatedBytes: v["limits.inflatedMb"] * MB,
  };
}

export function defaultBookLimits(): BookLimits {
  return bookLimits(DEFAULT_PROFILE);
}

const CELLS_ACC = ["ячейку", "ячейки", "ячеек"] as const;
const CELLS_GEN = ["ячейки", "ячеек", "ячеек"] as const;

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} МБ`;
}

/** The running totals of one book; every `add…` throws a Russian Error once a limit is passed. */
export class BookBudget {
  cells = 0;
  mergedCells = 0;
  stringBytes = 0;
  inflatedBytes = 0;

  constructor(
    readonly fileName: string,
    readonly limits: BookLimits = defaultBookLimits(),
  ) {}

  /** A sheet of `cells` cells (claimed dimension or used range, whichever is larger). */
  addSheet(sheet: string, cells: number): void {
    this.cells += cells;
    if (this.cells > this.limits.maxBookCells) {
      throw new Error(
        `Файл «${this.fileName}» слишком велик: вместе с листом «${sheet}» его листы занимают ${countRu(this.cells, CELLS_ACC)} (по заявленным в файле размерам листов), допускается не больше ${countRu(this.limits.maxBookCells, CELLS_GEN)} на книгу. Удалите лишние листы, пустые строки и столбцы и пересохраните книгу в Excel.`,
      );
    }
  }

  /** Merged areas of a sheet holding `cells` cells in total. */
  addMerges(sheet: string, cells: number): void {
    this.mergedCells += cells;
    if (this.mergedCells > this.limits.maxMergedCells) {
      throw new Error(
        `Файл «${this.fileName}»: объединённые ячейки (вместе с листом «${sheet}») охватывают ${countRu(this.mergedCells, CELLS_ACC)}, допускается не больше ${countRu(this.limits.maxMergedCells, CELLS_GEN)} на книгу. Снимите объединение с больших областей и пересохраните книгу.`,
      );
    }
  }

  /** A text part (or text run) of `bytes` bytes about to be decoded whole. */
  addStrings(part: string, bytes: number): void {
    this.stringBytes += bytes;
    if (this.stringBytes > this.limits.maxStringBytes) {
      throw new Error(
        `Файл «${this.fileName}»: текст книги (вместе с частью «${part}») занимает ${mb(this.stringBytes)}, допускается не больше ${mb(this.limits.maxStringBytes)}. Это не похоже на школьную форму или отчёт; файл не открыт.`,
      );
    }
  }

  /** `bytes` more bytes produced by inflating part `part`. */
  addInflated(part: string, bytes: number): void {
    this.inflatedBytes += bytes;
    if (this.inflatedBytes > this.limits.maxInflatedBytes) {
      throw new Error(
        `Файл «${this.fileName}» после распаковки (на части «${part}») занял бы больше ${mb(this.limits.maxInflatedBytes)} — это похоже на «zip-бомбу»; файл не открыт.`,
      );
    }
  }
}

/** "A1:XFD305" → cells of the area (1 × 1 for a single cell); 0 when the reference is not an area. */
export function areaCells(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return 0;
  const col = (s: string) => {
    let n = 0;
    for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  };
  const c1 = col(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
}
