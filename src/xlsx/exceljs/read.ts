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
 *
 * With `formulas: false` (how the CLI reads forms for consolidation) the sheet XML is read
 * directly (src/xlsx/parts.ts): no exceljs cell objects, styles or validations, several times
 * faster and with memory bounded by the grids. With formulas the whole book is loaded by exceljs.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type ExcelJS from "exceljs";
import type { SheetRead } from "../../host/port";
import { openBook, readSheetsFromParts, sheetsWithDrawings, type OpenedBook, type PartReader } from "../read/parts";
import { readWorkbookSheets, type SheetsReadOptions } from "../read/sheets";
import { checkNoDtdBytes, zipEntries, type ZipEntry } from "../read/zip";
import { normalizeForExceljs } from "./normalize";
import { prescanBook } from "./prescan";
import type { BookLimits } from "../read/budget";
import { checkXlsxPackage, defaultLimits, inflatePart, megabytes, DEFAULT_MAX_BYTES } from "./zipguard";

export {
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_SHEETS,
  plainValue,
  readWorkbookSheets,
  readWorksheet,
  sheetMerges,
} from "../read/sheets";

export interface LoadXlsxOptions {
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
  /** Whole-book limits (default: the default profile's «Ограничения»). */
  limits?: BookLimits;
}

export interface ReadXlsxOptions extends SheetsReadOptions {
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
}

/** Reads every sheet of a .xlsx file (hidden ones too) as grids. */
export async function readXlsxFile(path: string, opts: ReadXlsxOptions = {}): Promise<SheetRead[]> {
  return readXlsxBuffer(await readChecked(path, opts.maxBytes), basename(path), opts);
}

/** Same as readXlsxFile for a file already in memory; `fileName` names it in messages. */
export async function readXlsxBuffer(
  buf: Uint8Array,
  fileName: string,
  opts: ReadXlsxOptions = {},
): Promise<SheetRead[]> {
  const entries = checkXlsxPackage(buf, fileName, defaultLimits(opts.maxBytes ?? DEFAULT_MAX_BYTES));
  if (opts.formulas === false) {
    const fast = await readSheetsFromParts(partReader(buf, entries, fileName), fileName, opts);
    if (fast) return fast;
  }
  const wb = await loadChecked(buf, entries, fileName, opts.limits);
  try {
    return readWorkbookSheets(wb, fileName, opts);
  } catch (e) {
    // exceljs's model can fail while walked («Cannot read properties of undefined…», «Invalid row number in model»).
    throw unreadable(e, fileName);
  }
}

/**
 * A file already in memory opened for reading its worksheets one at a time, values only (as with
 * `formulas: false`), after the same package checks; null when the book must be read the full way
 * (readXlsxBuffer: 1904 dates).
 */
export async function openXlsxBook(
  buf: Uint8Array,
  fileName: string,
  opts: Pick<ReadXlsxOptions, "maxBytes" | "limits"> = {},
): Promise<OpenedBook | null> {
  const entries = checkXlsxPackage(buf, fileName, defaultLimits(opts.maxBytes ?? DEFAULT_MAX_BYTES));
  return openBook(partReader(buf, entries, fileName), fileName, opts);
}

/** Worksheets of a file on disk that carry charts or pictures (see sheetsWithDrawings). */
export async function drawingSheetsOfFile(path: string): Promise<string[]> {
  const buf = await readChecked(path);
  const name = basename(path);
  return sheetsWithDrawings(partReader(buf, zipEntries(buf, name, defaultLimits()), name));
}

export function partReader(buf: Uint8Array, entries: readonly ZipEntry[], fileName: string): PartReader {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  return async (name) => {
    const e = byName.get(name.toLowerCase());
    if (!e) return null;
    const bytes = inflatePart(buf, e, fileName);
    checkNoDtdBytes(bytes, e.name, fileName);
    return bytes;
  };
}

/** Reads a file after checking it exists and is not too large, with Russian messages. */
export async function readChecked(path: string, maxBytesOpt?: number): Promise<Uint8Array> {
  const name = basename(path);
  const maxBytes = maxBytesOpt ?? DEFAULT_MAX_BYTES;
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
    throw new Error(
      `Файл «${name}» слишком велик: ${megabytes(size)}, допускается не больше ${megabytes(maxBytes)}. Разделите книгу или удалите лишние листы.`,
    );
  }
  return readFile(path);
}

/** Loads a file into an exceljs Workbook after the safety checks. */
export async function loadXlsxFile(path: string, opts: LoadXlsxOptions = {}): Promise<ExcelJS.Workbook> {
  return loadXlsxBuffer(await readChecked(path, opts.maxBytes), basename(path), opts);
}

export async function loadXlsxBuffer(
  buf: Uint8Array,
  fileName: string,
  opts: LoadXlsxOptions = {},
): Promise<ExcelJS.Workbook> {
  const entries = checkXlsxPackage(buf, fileName, defaultLimits(opts.maxBytes ?? DEFAULT_MAX_BYTES));
  return loadChecked(buf, entries, fileName, opts.limits);
}

async function loadChecked(
  buf: Uint8Array,
  entries: readonly ZipEntry[],
  fileName: string,
  limits?: BookLimits,
): Promise<ExcelJS.Workbook> {
  const sheets = await prescanBook(buf, entries, fileName, limits);
  const wb = new (await exceljs()).Workbook();
  try {
    // Books of other tools (openpyxl…) reshaped into the part names and drawings exceljs understands.
    const pkg = normalizeForExceljs(buf, entries, fileName);
    await wb.xlsx.load(Buffer.from(pkg.buffer, pkg.byteOffset, pkg.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw unreadable(e, fileName);
  }
  // A sheet exceljs did not see would vanish from a book the CLI rewrites: refuse instead.
  const missing = sheets.filter((name) => !wb.worksheets.some((w) => w.name === name));
  if (missing.length)
    throw new Error(
      `Файл «${fileName}» записан не так, как его пишет Excel: ${missing.length === 1 ? "лист" : "листы"} ${missing.map((n) => `«${n}»`).join(", ")} не удалось прочитать, и файл не будет изменён. Откройте его в Excel и пересохраните как «Книга Excel (.xlsx)».`,
    );
  return wb;
}

/**
 * exceljs, loaded with the first book read through it: reading values only (`formulas: false`, how
 * `analyze` and `summarize` read their inputs) never needs it, and loading it costs ≈ 0.15 s of CPU
 * (issue 23).
 */
async function exceljs(): Promise<typeof ExcelJS> {
  const mod = (await import("exceljs")) as unknown as typeof ExcelJS & { default?: typeof ExcelJS };
  return mod.default ?? mod;
}

/** Russian messages pass; an internal English one (exceljs, sax) becomes a Russian sentence naming the file, without the English. */
function unreadable(e: unknown, fileName: string): Error {
  const message = e instanceof Error ? e.message : String(e);
  if (/[А-Яа-яЁё]/.test(message)) return e instanceof Error ? e : new Error(message);
  return new Error(
    `Файл «${fileName}» не удалось прочитать как книгу Excel: части книги повреждены или записаны не так, как их пишет Excel. Откройте его в Excel и пересохраните как «Книга Excel (.xlsx)».`,
  );
}
