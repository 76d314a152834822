/**
 * Reading .xlsx files in Node into the same plain grids Office.js gives the pane
 * (`SheetRead`: rows from A1), so src/form and src/fisoko parse CLI input and Excel ranges with one
 * code path. Conventions, identical to Office.js `range.values`:
 * - numbers, strings and booleans as they are; empty cells `null`;
 * - dates as Excel serial numbers of the 1900 system (e.g. 15.05.2026 → 46157), see src/host/serial.ts;
 * - formula cells: the cached result in `values`, "=FORMULA" in `formulas`;
 * - rich text flattened to plain text, hyperlinks to their text;
 * - errors as their codes ("#N/A", "#DIV/0!");
 * - the non-top-left cells of a merged area are `null` (Excel shows the value once).
 * Files are checked first (size, zip structure, zip bombs, DTDs) with Russian messages naming the file.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import { countRu, type CellValue } from "../../core/values";
import type { Grid, SheetRead } from "../../host/port";
import { dateToSerial } from "../../host/serial";
import { checkXlsxPackage, defaultLimits, megabytes, DEFAULT_MAX_BYTES } from "./zipguard";

export interface ReadXlsxOptions {
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
  /** Largest accepted sheet in cells (rows × columns of the used range; default 5 000 000). */
  maxCells?: number;
  /** Read only these sheets (names as in the file); all when omitted. */
  sheets?: string[];
  /** Fill `formulas` as well (default true). */
  formulas?: boolean;
  /** Largest accepted number of sheets (default 1 000). */
  maxSheets?: number;
}

export const DEFAULT_MAX_SHEETS = 1_000;

export const DEFAULT_MAX_CELLS = 5_000_000;

const SHEETS = ["лист", "листа", "листов"] as const;
const ROWS = ["строка", "строки", "строк"] as const;
const COLUMNS = ["столбец", "столбца", "столбцов"] as const;
const CELLS = ["ячейки", "ячеек", "ячеек"] as const;

/** Reads every sheet of a .xlsx file (hidden ones too) as grids. */
export async function readXlsxFile(path: string, opts: ReadXlsxOptions = {}): Promise<SheetRead[]> {
  const wb = await loadXlsxFile(path, opts);
  return readWorkbookSheets(wb, basename(path), opts);
}

/** Same as readXlsxFile for a file already in memory; `fileName` names it in messages. */
export async function readXlsxBuffer(buf: Uint8Array, fileName: string, opts: ReadXlsxOptions = {}): Promise<SheetRead[]> {
  const wb = await loadXlsxBuffer(buf, fileName, opts);
  return readWorkbookSheets(wb, fileName, opts);
}

/** Loads a file into an exceljs Workbook after the safety checks. */
export async function loadXlsxFile(path: string, opts: { maxBytes?: number } = {}): Promise<ExcelJS.Workbook> {
  const name = basename(path);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error(`«${path}» — не файл.`);
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`Файл «${path}» не найден.`);
    if (code === "EACCES") throw new Error(`Нет прав на чтение файла «${path}».`);
    throw e;
  }
  // Refuse before reading a huge file into memory.
  if (size > maxBytes) {
    throw new Error(`Файл «${name}» слишком велик: ${megabytes(size)}, допускается не больше ${megabytes(maxBytes)}. Разделите книгу или удалите лишние листы.`);
  }
  return loadXlsxBuffer(await readFile(path), name, opts);
}

export async function loadXlsxBuffer(buf: Uint8Array, fileName: string, opts: { maxBytes?: number } = {}): Promise<ExcelJS.Workbook> {
  checkXlsxPackage(buf, fileName, defaultLimits(opts.maxBytes ?? DEFAULT_MAX_BYTES));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new Error(`Файл «${fileName}» не удалось прочитать как книгу Excel: ${(e as Error).message}. Откройте его в Excel и пересохраните как «Книга Excel (.xlsx)».`);
  }
  return wb;
}

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
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((t) => String(t.text ?? "")).join("");
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
    if ("hyperlink" in o || "text" in o) return plainValue(o.text);
  }
  return null;
}

/** Grids of the workbook's sheets. */
export function readWorkbookSheets(wb: ExcelJS.Workbook, fileName: string, opts: ReadXlsxOptions = {}): SheetRead[] {
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const withFormulas = opts.formulas ?? true;
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  const maxSheets = opts.maxSheets ?? DEFAULT_MAX_SHEETS;
  if (wb.worksheets.length > maxSheets) {
    throw new Error(`Файл «${fileName}» содержит ${countRu(wb.worksheets.length, SHEETS)}, допускается не больше ${maxSheets}: это не похоже на школьную форму или отчёт.`);
  }
  const out: SheetRead[] = [];
  for (const ws of wb.worksheets) {
    if (wanted && !wanted.has(ws.name)) continue;
    out.push(readWorksheet(ws, fileName, withFormulas, maxCells));
  }
  return out;
}

export function readWorksheet(ws: ExcelJS.Worksheet, fileName: string, withFormulas: boolean, maxCells = DEFAULT_MAX_CELLS): SheetRead {
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
    throw new Error(`Лист «${ws.name}» файла «${fileName}» слишком велик: ${countRu(rows, ROWS)} × ${countRu(cols, COLUMNS)}, допускается не больше ${countRu(maxCells, CELLS)}.`);
  }
  const values: Grid = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: Grid | undefined = withFormulas ? Array.from({ length: rows }, () => new Array<CellValue>(cols).fill("")) : undefined;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > rows) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols || (cell.isMerged && cell.master !== cell)) return;
      const raw = cell.value;
      const v = plainValue(raw);
      values[r - 1][c - 1] = v === "" ? null : v;
      if (formulas) {
        const isFormula = raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw);
        formulas[r - 1][c - 1] = isFormula ? `=${cell.formula}` : v ?? "";
      }
    });
  });
  const read: SheetRead = { name: ws.name, values, merges: sheetMerges(ws) };
  if (formulas) read.formulas = formulas;
  return read;
}
