/**
 * The table part of a report: a header block (one or more rows, merged cells already filled,
 * whose texts are joined per column so «Распределение групп баллов в %» above «2» reads as one
 * header), then labelled data rows. Column order differs between years, so columns are found
 * by their header text, never by position.
 */
import { quoteValue } from "../core/values";
import type { SheetScan } from "./sheet";
import { norm } from "./text";

export interface HeaderBlock {
  /** Column of the row labels («Группы участников»). */
  labelCol: number;
  /** First and last row of the header block. */
  top: number;
  bottom: number;
  /** Joined, normalised header text of each column ("" where none). */
  columns: string[];
  /** The same, as written (for messages). */
  raw: string[];
}

/** Limits the search for a header to the top of the sheet, where exports put it. */
const HEADER_SEARCH_ROWS = 40;

/**
 * Finds the first row with a cell starting with one of the label headers. A cell with a colon
 * («Наименование ОО: МБОУ …», «ОО: sch…») is a title line, not a header; short keys («ОО», «№»)
 * must match the whole cell.
 */
export function findHeaderRow(scan: SheetScan, labelHeaders: readonly string[]): { row: number; col: number } | null {
  const keys = labelHeaders.map(norm);
  const limit = Math.min(scan.height, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    for (let c = 0; c < scan.width; c++) {
      const t = norm(scan.text(r, c));
      if (!t || t.includes(":")) continue;
      if (keys.some((k) => (k.length <= 3 ? t === k : t.startsWith(k)))) return { row: r, col: c };
    }
  }
  return null;
}

/**
 * Reads the header block starting at `row`: the next rows belong to it while their label cell is
 * blank or repeats the label header (a vertically merged cell) and `isHeaderRow` accepts them.
 */
export function readHeaderBlock(
  scan: SheetScan,
  row: number,
  labelCol: number,
  isHeaderRow: (r: number) => boolean = () => true,
): HeaderBlock {
  const labelText = norm(scan.text(row, labelCol));
  let bottom = row;
  for (let r = row + 1; r < scan.height && r <= row + 3; r++) {
    if (scan.rowIsBlank(r)) break;
    const l = norm(scan.text(r, labelCol));
    if ((l === "" || l === labelText) && isHeaderRow(r)) bottom = r;
    else break;
  }
  const columns: string[] = [];
  const raw: string[] = [];
  for (let c = 0; c < scan.width; c++) {
    const parts: string[] = [];
    for (let r = row; r <= bottom; r++) {
      const t = scan.text(r, c);
      if (t && !parts.includes(t)) parts.push(t);
    }
    raw.push(parts.join(" "));
    columns.push(norm(parts.join(" ")));
  }
  // The label header merged across several columns («Группы участников» over A:B) is one header:
  // the extra columns belong to the labels, not to values.
  for (let c = 0; c < columns.length; c++) {
    if (c !== labelCol && columns[c] !== "" && columns[c] === columns[labelCol]) {
      columns[c] = "";
      raw[c] = "";
    }
  }
  return { labelCol, top: row, bottom, columns, raw };
}

/** Header texts of the found columns, for «найдены столбцы: …» in messages. */
export function listColumns(h: HeaderBlock): string {
  // Headers are quoted shortened (as quoteValue does): a runaway cell must not make a runaway message.
  const names = h.raw.filter((t, c) => t && c !== h.labelCol).map((t) => quoteValue(t));
  const shown = names.slice(0, 20).join(", ");
  return names.length ? (names.length > 20 ? `${shown} и ещё ${names.length - 20}` : shown) : "ни одного";
}

/** Footnotes and signatures under a table: skipped, not read as data. */
export function isFootnote(label: string): boolean {
  return /^(?:\*|примечани|дата|источник|сформирован|отчет сформирован|©|итого по|всего строк)/.test(norm(label));
}

/** Whether the cells of the given columns are all blank in the row. */
export function cellsBlank(scan: SheetScan, r: number, cols: readonly number[]): boolean {
  return cols.every((c) => scan.text(r, c) === "");
}
