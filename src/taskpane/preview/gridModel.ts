/**
 * What the preview grid draws for one in-memory sheet: column letters, row numbers, cell text
 * (formula text where a formula is — the memory workbook does not calculate), merged areas and
 * the cell formats the pane applied. Pure and bounded (first rows × columns only), so a large
 * sheet cannot freeze the preview.
 */
import type { CellValue } from "../../core/values";
import { columnLetters, parseRange, type RangePos } from "../../core/a1";
import type { CellFormat } from "../../host/port";
import type { SheetSnapshot } from "../../host/memory";

export interface GridCell {
  text: string;
  /** "=SUM(B2:B4)" when the cell holds a formula. */
  formula?: string;
  format?: CellFormat;
  /** Top-left cell of a merged area: its span. */
  span?: { rows: number; columns: number };
  /** Covered by a merged area whose top-left is elsewhere: not drawn. */
  covered?: boolean;
}

export interface GridModel {
  columns: string[];
  rows: { number: number; cells: GridCell[] }[];
  /** Rows and columns of the used range, for «показаны первые …». */
  usedRows: number;
  usedColumns: number;
}

export const GRID_LIMITS = { rows: 200, columns: 40 } as const;

/** A cell as Russian Excel shows it in the General format. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v).replace(".", ",") : String(v);
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  if (typeof v === "object") return JSON.stringify(v);
  return v;
}

function clip(r: RangePos, rows: number, columns: number): RangePos | null {
  const bottom = Math.min(r.bottom, rows - 1);
  const right = Math.min(r.right, columns - 1);
  return r.top > bottom || r.left > right ? null : { top: r.top, left: r.left, bottom, right };
}

export function gridModel(sheet: SheetSnapshot, limits: { rows: number; columns: number } = GRID_LIMITS): GridModel {
  const usedRows = sheet.values.length;
  const usedColumns = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
  // Formulas and merged areas may lie beyond the values (headers merged over empty cells); formats
  // do not extend the drawing, since they often cover whole columns. At least one cell is drawn.
  let rows = Math.max(1, usedRows);
  let columns = Math.max(1, usedColumns);
  const formulaCells = Object.entries(sheet.formulas).map(([a, f]) => ({ pos: parseRange(a), f }));
  const extents = [...formulaCells.map((f) => f.pos), ...sheet.merges.map((m) => parseRange(m))];
  for (const pos of extents) {
    rows = Math.max(rows, pos.bottom + 1);
    columns = Math.max(columns, pos.right + 1);
  }
  const allRows = rows;
  const allColumns = columns;
  rows = Math.min(rows, limits.rows);
  columns = Math.min(columns, limits.columns);

  const cells: GridCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: GridCell[] = [];
    for (let c = 0; c < columns; c++) line.push({ text: cellText(sheet.values[r]?.[c]) });
    cells.push(line);
  }
  for (const { pos, f } of formulaCells) {
    const cell = cells[pos.top]?.[pos.left];
    if (cell) {
      cell.formula = f;
      cell.text = f;
    }
  }
  for (const { address, format } of sheet.formats) {
    const r = clip(parseRange(address), rows, columns);
    if (!r) continue;
    for (let i = r.top; i <= r.bottom; i++) {
      for (let j = r.left; j <= r.right; j++) cells[i][j].format = { ...cells[i][j].format, ...format };
    }
  }
  for (const m of sheet.merges) {
    const r = clip(parseRange(m), rows, columns);
    if (!r) continue;
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) cells[i][j].covered = true;
    const head = cells[r.top][r.left];
    head.covered = false;
    head.span = { rows: r.bottom - r.top + 1, columns: r.right - r.left + 1 };
  }
  return {
    columns: Array.from({ length: columns }, (_, i) => columnLetters(i)),
    rows: cells.map((line, i) => ({ number: i + 1, cells: line })),
    usedRows: allRows,
    usedColumns: allColumns,
  };
}

/** «Таблиц: 1 · проверок данных: 3 …» — what else the pane put on the sheet, for the info line. */
export function sheetExtras(sheet: SheetSnapshot): string[] {
  const out: string[] = [];
  const add = (label: string, n: number) => {
    if (n > 0) out.push(`${label}: ${n}`);
  };
  add("таблиц Excel", sheet.tables.length);
  add("проверок данных", sheet.validations.length);
  add("условных форматов", sheet.conditionalFormats.length);
  add("диаграмм", sheet.charts.length);
  add("объединённых областей", sheet.merges.length);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    out.push(`закреплено: строк ${sheet.freeze.rows}, столбцов ${sheet.freeze.columns}`);
  }
  if (sheet.protection) out.push("лист защищён");
  return out;
}
