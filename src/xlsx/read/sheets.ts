/**
 * Grids from an exceljs Workbook already in memory — the part of reading that needs no Node API,
 * so the CLI (src/cli/xlsx/read.ts) and the pane (src/xlsx/browser.ts) share it. Conventions of
 * `SheetRead` as in src/cli/xlsx/read.ts. exceljs is imported for types only: the pane loads
 * exceljs lazily and this module must not pull it into the pane's main bundle.
 */
import type { BookLimits } from "./budget";
import type ExcelJS from "exceljs";
import { countRu, type CellValue } from "../../core/values";
import type { Grid, SheetRead } from "../../host/port";
import { dateToSerial } from "../../host/serial";
import { BookBudget } from "./budget";
import { DEFAULT_MAX_CELLS, DEFAULT_MAX_SHEETS } from "./parts";

export { DEFAULT_MAX_CELLS, DEFAULT_MAX_SHEETS } from "./parts";

export interface SheetsReadOptions {
  /** Largest accepted sheet in cells (rows × columns of the used range; default 5 000 000). */
  maxCells?: number;
  /** Read only these sheets (names as in the file); all when omitted. */
  sheets?: string[];
  /** Fill `formulas` as well (default true). */
  formulas?: boolean;
  /** Largest accepted number of sheets (default 1 000). */
  maxSheets?: number;
  /** Whole-book limits (default: the default profile's «Ограничения»; see bookLimits). */
  limits?: BookLimits;
}

const SHEETS = ["лист", "листа", "листов"] as const;
const ROWS = ["строка", "строки", "строк"] as const;
const COLUMNS = ["столбец", "столбца", "столбцов"] as const;
const CELLS = ["ячейки", "ячеек", "ячеек"] as const;

/** Merged areas of a sheet ("A1:C1"); exceljs keeps them in an internal index. */
export function sheetMerges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges: Record<string, { range: string } | undefined> })._merges;
  return Object.values(merges)
    .filter((m): m is { range: string } => !!m)
    .map((m) => m.range);
}

/** The plain value of an exceljs cell value, by the conventions in the header. */
export function plainValue(v: ExcelJS.CellValue | unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: unknown }[]).map((t) => String(t.text ?? "")).join("");
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
    if ("hyperlink" in o || "text" in o) return plainValue(o.text);
  }
  return null;
}

/** Grids of the workbook's sheets. */
export function readWorkbookSheets(wb: ExcelJS.Workbook, fileName: string, opts: SheetsReadOptions = {}): SheetRead[] {
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const withFormulas = opts.formulas ?? true;
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  const maxSheets = opts.maxSheets ?? DEFAULT_MAX_SHEETS;
  if (wb.worksheets.length > maxSheets) {
    throw new Error(
      `Файл «${fileName}» содержит ${countRu(wb.worksheets.length, SHEETS)}, допускается не больше ${maxSheets}: это не похоже на школьную форму или отчёт.`,
    );
  }
  const out: SheetRead[] = [];
  const budget = new BookBudget(fileName);
  for (const ws of wb.worksheets) {
    if (wanted && !wanted.has(ws.name)) continue;
    out.push(readWorksheet(ws, fileName, withFormulas, maxCells, budget));
  }
  return out;
}

export function readWorksheet(
  ws: ExcelJS.Worksheet,
  fileName: string,
  withFormulas: boolean,
  maxCells = DEFAULT_MAX_CELLS,
  budget?: BookBudget,
): SheetRead {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      if (rowNumber > rows) rows = rowNumber;
      if (colNumber > cols) cols = colNumber;
    });
  });
  if (rows * cols > maxCells) {
    throw new Error(
      `Лист «${ws.name}» файла «${fileName}» слишком велик: ${countRu(rows, ROWS)} × ${countRu(cols, COLUMNS)}, допускается не больше ${countRu(maxCells, CELLS)}.`,
    );
  }
  // The whole book's cells are charged before this sheet's rectangle is allocated.
  budget?.addSheet(ws.name, rows * cols);
  const values: Grid = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: Grid | undefined = withFormulas
    ? Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(""))
    : undefined;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > rows) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols || (cell.isMerged && cell.master !== cell)) return;
      const raw = cell.value;
      const v = plainValue(raw);
      values[r - 1][c - 1] = v === "" ? null : v;
      if (formulas) {
        const isFormula = raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw);
        formulas[r - 1][c - 1] = isFormula ? `=${cell.formula}` : (v ?? "");
      }
    });
  });
  const read: SheetRead = { name: ws.name, values, merges: sheetMerges(ws) };
  if (formulas) read.formulas = formulas;
  return read;
}
