/**
 * From a recorded `chart` op to what chart-xml.ts draws: the series as absolute ranges of the
 * source sheet under its name at save time (generated sheets are written under a temporary name
 * and renamed afterwards), with the current cell values cached, and the anchor in cells and EMU
 * from the sheet's column widths and row heights.
 */
import type ExcelJS from "exceljs";
import { columnLetters, parseCell, quoteSheet, type RangePos } from "../../core/a1";
import type { WriteOp } from "../../host/port";
import { EMU_PER_POINT, labelText, type ChartAnchor, type ChartModel, type ChartSeries } from "./chart-xml";
import { plainValue } from "./read";

export type ChartOp = Extract<WriteOp, { op: "chart" }>;

/**
 * What charts read of a sheet: the exceljs worksheet has it, and so does the streaming writer's
 * open sheet (src/xlsx/stream), which draws the same charts without exceljs.
 */
export interface ChartSheet {
  readonly name: string;
  readonly rowCount: number;
  findCell(row: number, col: number): { value: ExcelJS.CellValue } | undefined;
  getColumn(col: number): { width?: number };
  findRow(row: number): { height?: number } | undefined;
  readonly properties: { defaultColWidth?: number; defaultRowHeight?: number };
}

export interface RecordedChart {
  /** The sheet the chart sits on. */
  sheet: ChartSheet;
  /** The sheet its data come from (the same one unless the source names another). */
  source: ChartSheet;
  range: RangePos;
  op: ChartOp;
}

/** Excel's default chart size, 5 × 3 inches. */
const DEFAULT_WIDTH_PT = 360;
const DEFAULT_HEIGHT_PT = 216;
/** Excel's default column width in characters and row height in points. */
const DEFAULT_COLUMN_CHARS = 8.43;
const DEFAULT_ROW_PT = 15;

/** "'Диаграммы'!$A$6:$A$9" (or one cell). */
export function absoluteRef(sheet: string, top: number, left: number, bottom = top, right = left): string {
  const a = `$${columnLetters(left)}$${top + 1}`;
  const b = `$${columnLetters(right)}$${bottom + 1}`;
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

function cellValue(ws: ChartSheet, row: number, col: number) {
  return plainValue(ws.findCell(row + 1, col + 1)?.value);
}

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Series of the chart. With seriesBy "columns" (the default) the first row holds the series
 * names and the first column the category labels; "rows" swaps the two.
 */
export function chartModel(c: RecordedChart): ChartModel {
  const ws = c.source;
  const name = ws.name;
  // Whole columns ("A:C") would give a million points: stop at the sheet's last used row.
  const r = { ...c.range, bottom: Math.min(c.range.bottom, Math.max(c.range.top, ws.rowCount - 1)) };
  const series: ChartSeries[] = [];
  if (c.op.seriesBy === "rows") {
    const cats = Array.from({ length: r.right - r.left }, (_, i) => labelText(cellValue(ws, r.top, r.left + 1 + i)));
    for (let row = r.top + 1; row <= r.bottom; row++) {
      series.push({
        nameRef: absoluteRef(name, row, r.left),
        name: labelText(cellValue(ws, row, r.left)),
        catRef: absoluteRef(name, r.top, r.left + 1, r.top, r.right),
        categories: cats,
        valRef: absoluteRef(name, row, r.left + 1, row, r.right),
        values: cats.map((_, i) => numberOrNull(cellValue(ws, row, r.left + 1 + i))),
      });
    }
  } else {
    const cats = Array.from({ length: r.bottom - r.top }, (_, i) => labelText(cellValue(ws, r.top + 1 + i, r.left)));
    for (let col = r.left + 1; col <= r.right; col++) {
      series.push({
        nameRef: absoluteRef(name, r.top, col),
        name: labelText(cellValue(ws, r.top, col)),
        catRef: absoluteRef(name, r.top + 1, r.left, r.bottom, r.left),
        categories: cats,
        valRef: absoluteRef(name, r.top + 1, col, r.bottom, col),
        values: cats.map((_, i) => numberOrNull(cellValue(ws, r.top + 1 + i, col))),
      });
    }
  }
  return { type: c.op.type, title: c.op.title, series, ...(c.op.colors?.length ? { colors: c.op.colors } : {}) };
}

/** Column width in points, as Excel converts characters of the default font (7 px each + 5 px padding). */
function columnPoints(ws: ChartSheet, col: number): number {
  const chars = ws.getColumn(col + 1).width ?? ws.properties.defaultColWidth ?? DEFAULT_COLUMN_CHARS;
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

function rowPoints(ws: ChartSheet, row: number): number {
  return ws.findRow(row + 1)?.height ?? ws.properties.defaultRowHeight ?? DEFAULT_ROW_PT;
}

/** The cells the chart covers: from the anchor cell, as wide and tall as the op asks (points). */
export function chartAnchor(ws: ChartSheet, op: ChartOp): ChartAnchor {
  const from = parseCell(op.anchor);
  let left = op.width ?? DEFAULT_WIDTH_PT;
  let col = from.col;
  for (let w = columnPoints(ws, col); left > w && col < 16_383; w = columnPoints(ws, col)) {
    left -= w;
    col++;
  }
  let down = op.height ?? DEFAULT_HEIGHT_PT;
  let row = from.row;
  for (let h = rowPoints(ws, row); down > h && row < 1_048_575; h = rowPoints(ws, row)) {
    down -= h;
    row++;
  }
  return {
    fromCol: from.col,
    fromRow: from.row,
    toCol: col,
    toColOff: Math.round(left * EMU_PER_POINT),
    toRow: row,
    toRowOff: Math.round(down * EMU_PER_POINT),
  };
}
