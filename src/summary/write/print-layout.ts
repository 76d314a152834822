/**
 * Print layout of generated sheets, estimated without a renderer: how wide a column must be for
 * its header's longest word, how many lines a wrapped text takes (so row heights fit it — Excel
 * does not grow rows written by a program), and whether a sheet fits an A4 landscape page at a
 * legible scale. Pure: the writers turn the answers into `columnWidths`, `rowHeight`, `format` and
 * `print` ops. Widths are in characters of the default font (Calibri 11), heights in points.
 */
import type { Column, Table } from "../model/table";
import { wrappedLines } from "../../host/text-lines";

/** A4 landscape (842 pt) minus Excel's default side margins of 0,7″ each. */
export const PRINTABLE_WIDTH_PT = 842 - 2 * 0.7 * 72;
/** Below this scale an 11-pt cell prints under 9 pt and a 9-pt note under 8 pt: never shrink further. */
export const MIN_PRINT_SCALE = 80;
/** Text columns at least this wide hold sentences (explanations, measures), not codes. */
const LONG_TEXT_WIDTH = 20;

/** Excel's column width in characters → points (7-px digit of Calibri 11, 5 px padding, 96 dpi). */
export function columnPoints(width: number): number {
  return ((width * 7 + 5) * 72) / 96;
}

/** The longest word of a header must fit on a line (bold): «участников» never breaks as «участнико/в». */
export function headerWidth(c: Column, width: number): number {
  const longest = Math.max(0, ...c.header.split(/\s+/).map((w) => w.length));
  return Math.max(width, Math.ceil(longest * 1.15) + 2);
}

/** Text columns that get wrapping: sentence columns, and any text column a value overflows. */
export function wrappedColumns(table: Table, widths: readonly number[]): boolean[] {
  return table.columns.map((c, i) => {
    if (c.kind !== "text") return false;
    if (widths[i] >= LONG_TEXT_WIDTH) return true;
    return table.rows.some((r) => {
      const v = r[c.id];
      return typeof v === "string" && v.length > widths[i] - 1;
    });
  });
}

/** Lines of every data row (1 when nothing wraps), in row order. */
export function rowLines(table: Table, widths: readonly number[], wrapped: readonly boolean[]): number[] {
  // Plain loops over the wrapped columns only: a region's tables have tens of thousands of rows.
  const ids: string[] = [];
  const ws: number[] = [];
  table.columns.forEach((c, i) => {
    if (!wrapped[i]) return;
    ids.push(c.id);
    ws.push(widths[i]);
  });
  const rows = table.rows;
  const out = new Array<number>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let lines = 1;
    for (let k = 0; k < ids.length; k++) {
      const v = row[ids[k]];
      if (typeof v === "string" && v.length > 0) lines = Math.max(lines, wrappedLines(v, ws[k]));
    }
    out[r] = lines;
  }
  return out;
}

export function headerLines(table: Table, widths: readonly number[]): number {
  return Math.max(1, ...table.columns.map((c, i) => wrappedLines(c.header, widths[i], true)));
}

/** How many leading columns fit one printed page width at MIN_PRINT_SCALE (at least one). */
export function columnsOnFirstPage(widths: readonly number[]): number {
  const room = (PRINTABLE_WIDTH_PT * 100) / MIN_PRINT_SCALE;
  let used = 0;
  let n = 0;
  for (const w of widths) {
    used += columnPoints(w);
    if (used > room) break;
    n++;
  }
  return Math.max(1, n);
}

export interface PagePlan {
  /** Scale in percent, never below MIN_PRINT_SCALE. */
  scale: number;
  /** True when the sheet fits the page width at `scale` (then fit-to-width is set). */
  fitsWidth: boolean;
}

/**
 * A sheet no wider than the page at MIN_PRINT_SCALE is fitted to the page width; a wider one prints
 * at MIN_PRINT_SCALE across several pages (columns in page-wide groups, the key columns repeated),
 * rather than shrunk into unreadable text.
 */
export function pagePlan(totalWidthPt: number): PagePlan {
  const fit = Math.floor((PRINTABLE_WIDTH_PT / Math.max(1, totalWidthPt)) * 100);
  if (fit >= 100) return { scale: 100, fitsWidth: true };
  if (fit >= MIN_PRINT_SCALE) return { scale: fit, fitsWidth: true };
  return { scale: MIN_PRINT_SCALE, fitsWidth: false };
}

/** A sentence column is never narrowed below this (about three words a line). */
export const MIN_SENTENCE_WIDTH = 20;

/**
 * Narrowest width of each column of a table when its sheet must fit a page: sentence columns (text
 * at least LONG_TEXT_WIDTH wide) down to MIN_SENTENCE_WIDTH or their longest header word, the rest
 * as they are.
 */
export function narrowestWidths(table: Table, widths: readonly number[]): number[] {
  return table.columns.map((c, i) =>
    c.kind === "text" && widths[i] > MIN_SENTENCE_WIDTH ? headerWidth(c, MIN_SENTENCE_WIDTH) : widths[i],
  );
}

/**
 * Column widths of a sheet narrowed so that it fits one page width at MIN_PRINT_SCALE: the widest
 * columns are capped first (one cap for all, never below a column's `floor`), since a sentence in a
 * narrower column only takes more lines, while a sheet two pages wide prints every row twice. When
 * even the floors do not fit, the widths stay as they are: the sheet prints across pages anyway, and
 * narrower columns would only make its rows taller.
 */
export function fitWidths(widths: readonly number[], floors: readonly number[]): number[] {
  const room = (PRINTABLE_WIDTH_PT * 100) / MIN_PRINT_SCALE;
  const total = (ws: readonly number[]) => ws.reduce((a, w) => a + columnPoints(w), 0);
  if (total(widths) <= room) return [...widths];
  const capped = (cap: number) => widths.map((w, i) => Math.max(floors[i] ?? w, Math.min(w, cap)));
  for (let cap = Math.max(...widths) - 1; cap > 0; cap--) {
    const ws = capped(cap);
    if (total(ws) <= room) return ws;
  }
  return [...widths];
}
