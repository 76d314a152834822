/**
 * What the preview grid draws for one in-memory sheet: column letters, row numbers, cell text
 * through each cell's number format (formula text where a formula is — the memory workbook does
 * not calculate), merged areas, column widths, the cell formats the pane applied and placeholders
 * for charts. Pure and bounded (first rows × columns only), so a large sheet cannot freeze the
 * preview.
 */
import type { CellValue } from "../../core/values";
import { columnLetters, parseCell, parseRange, type RangePos } from "../../core/a1";
import type { CellFormat, ChartType } from "../../host/port";
import type { ChartSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../host/memory";
import { formatCellText } from "./numberFormat";

export interface GridCell {
  /** As the cell shows it: the value through its number format, or the formula text. */
  text: string;
  /** The stored value (null for a formula cell: the memory workbook does not calculate). */
  value?: CellValue;
  /** Numbers are right-aligned, as in Excel's General alignment. */
  numeric?: boolean;
  /** "=SUM(B2:B4)" when the cell holds a formula. */
  formula?: string;
  format?: CellFormat;
  /** Top-left cell of a merged area: its span. */
  span?: { rows: number; columns: number };
  /** Covered by a merged area whose top-left is elsewhere: not drawn. */
  covered?: boolean;
  /** For a covered cell: the top-left cell (0-based) of its merged area, where editing goes. */
  head?: { row: number; col: number };
}

export interface GridModel {
  columns: string[];
  rows: { number: number; cells: GridCell[] }[];
  /** Rows and columns of the used range, for «показаны первые …». */
  usedRows: number;
  usedColumns: number;
  /** Width of each drawn column in characters where the sheet sets one. */
  widths: (number | undefined)[];
}

export interface GridLimits {
  rows: number;
  columns: number;
  /** Empty rows and columns drawn after the used range, so a user can type beyond it. */
  spareRows?: number;
  spareColumns?: number;
}

export const GRID_LIMITS = { rows: 200, columns: 40 } as const;

/** A cell as Russian Excel shows it in the General format. */
export function cellText(v: CellValue): string {
  return formatCellText(v);
}

function clip(r: RangePos, rows: number, columns: number): RangePos | null {
  const bottom = Math.min(r.bottom, rows - 1);
  const right = Math.min(r.right, columns - 1);
  return r.top > bottom || r.left > right ? null : { top: r.top, left: r.left, bottom, right };
}

export function gridModel(sheet: SheetSnapshot, limits: GridLimits = GRID_LIMITS): GridModel {
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
  rows = Math.min(rows + (limits.spareRows ?? 0), limits.rows);
  columns = Math.min(columns + (limits.spareColumns ?? 0), limits.columns);

  const cells: GridCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: GridCell[] = [];
    for (let c = 0; c < columns; c++) {
      const value = sheet.values[r]?.[c];
      line.push(value === null || value === undefined ? { text: "" } : { text: "", value });
    }
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
  // Text last: it depends on the number format, which any of the format ops may have set.
  for (const line of cells) {
    for (const cell of line) {
      if (cell.formula !== undefined) continue;
      cell.text = formatCellText(cell.value, cell.format?.numberFormat);
      if (typeof cell.value === "number") cell.numeric = true;
    }
  }
  for (const m of sheet.merges) {
    const r = clip(parseRange(m), rows, columns);
    if (!r) continue;
    for (let i = r.top; i <= r.bottom; i++) {
      for (let j = r.left; j <= r.right; j++) {
        cells[i][j].covered = true;
        cells[i][j].head = { row: r.top, col: r.left };
      }
    }
    const head = cells[r.top][r.left];
    head.covered = false;
    delete head.head;
    head.span = { rows: r.bottom - r.top + 1, columns: r.right - r.left + 1 };
  }
  return {
    columns: Array.from({ length: columns }, (_, i) => columnLetters(i)),
    rows: cells.map((line, i) => ({ number: i + 1, cells: line })),
    usedRows: allRows,
    usedColumns: allColumns,
    widths: Array.from({ length: columns }, (_, i) => sheet.columnWidths[columnLetters(i)]),
  };
}

const CHART_TYPES: Record<ChartType, string> = {
  columnClustered: "гистограмма",
  barClustered: "линейчатая диаграмма",
  line: "график",
  pie: "круговая диаграмма",
  columnStacked100: "нормированная гистограмма с накоплением",
  barStacked100: "нормированная линейчатая с накоплением",
};

/** A chart the preview cannot draw, shown as a frame at its anchor cell. */
export interface ChartPlaceholder {
  title: string;
  /** «гистограмма», «круговая диаграмма»… */
  kind: string;
  /** Top-left cell, «H5». */
  anchor: string;
  /** 0-based anchor cell. */
  row: number;
  col: number;
  /** Size in points as Excel sets it (Excel's default chart: 360 × 216 pt). */
  width: number;
  height: number;
  /** «'Свод по ОО'!A5:C20». */
  source: string;
  /** One Russian sentence for screen readers and the tooltip. */
  description: string;
}

export function chartPlaceholders(charts: readonly ChartSnapshot[]): ChartPlaceholder[] {
  return charts.map((c) => {
    const pos = parseCell(c.anchor);
    const kind = CHART_TYPES[c.type] ?? c.type;
    return {
      title: c.title,
      kind,
      anchor: c.anchor,
      row: pos.row,
      col: pos.col,
      width: c.width ?? 360,
      height: c.height ?? 216,
      source: c.source,
      description: `Диаграмма «${c.title}»: ${kind} у ячейки ${c.anchor}, данные ${c.source}. Предпросмотр не рисует диаграммы — в Excel она будет здесь.`,
    };
  });
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

/** The sheet to show after a change: the one the pane activated, else the first visible sheet just added. */
export function followedSheet(prev: WorkbookSnapshot | null, next: WorkbookSnapshot): string | null {
  if (!prev) return next.activeSheet || null;
  if (next.activeSheet !== prev.activeSheet) return next.activeSheet;
  const before = new Set(prev.sheets.map((s) => s.name.toLocaleLowerCase("ru")));
  const added = next.sheets.filter((s) => s.visibility === "visible" && !before.has(s.name.toLocaleLowerCase("ru")));
  return added.length ? added.sort((a, b) => a.position - b.position)[0].name : null;
}
