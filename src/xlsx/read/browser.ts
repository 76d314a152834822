/**
 * Reading .xlsx forms the methodist picks from disk in the pane («Свод» → «Выбрать файлы»), with
 * the conventions and safety checks of the CLI reader and no Node API:
 * - the zip directory is checked first (src/xlsx/zip.ts: size, .xls/encrypted, ZIP64, part count,
 *   declared unpacked sizes and ratios — the "zip bomb" limits);
 * - parts are inflated with the browser's DecompressionStream("deflate-raw"), stopping at each
 *   part's declared size, and any part with a DTD/ENTITY anywhere (any name, UTF-16 too) is refused;
 * - values are read by the same values-only reader as the CLI (src/xlsx/parts.ts).
 * Only when DecompressionStream is missing (older webviews) or the book uses the 1904 date system,
 * exceljs is loaded lazily (`import("exceljs")`: a separate chunk, not part of taskpane.js) and
 * reads the book; then the DTD check is left to exceljs's XML parser, which expands no entities
 * beyond the predefined ones.
 */
import type { SheetRead } from "../../host/port";
import { readSheetsFromParts } from "./parts";
import { readWorkbookSheets, type SheetsReadOptions } from "./sheets";
import { checkNoDtdBytes, defaultLimits, zipEntries, DEFAULT_MAX_BYTES, type ZipEntry } from "./zip";

export interface BrowserReadOptions extends Omit<SheetsReadOptions, "formulas"> {
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
}

function hasDecompressionStream(): boolean {
  return typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream === "function";
}

/** Inflates a raw deflate stream, refusing output beyond `limit` bytes (a part lying about its size). */
async function inflateRaw(data: Uint8Array, limit: number, part: string, fileName: string): Promise<Uint8Array> {
  const source = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw" as CompressionFormat));
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw new Error(
          `Часть «${part}» файла «${fileName}» распаковывается больше заявленного размера — это похоже на «zip-бомбу»; файл не открыт.`,
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof Error && e.message.includes("zip-бомбу")) throw e;
    throw new Error(`Файл «${fileName}» повреждён: часть «${part}» не распаковывается.`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function partBytes(bytes: Uint8Array, e: ZipEntry, fileName: string): Promise<Uint8Array> {
  const data = bytes.subarray(e.dataStart, e.dataStart + e.packed);
  const raw = e.method === 0 ? data : await inflateRaw(data, Math.max(1, e.unpacked), e.name, fileName);
  checkNoDtdBytes(raw, e.name, fileName);
  return raw;
}

/**
 * Reads every sheet of an .xlsx chosen in the browser (values only, merged areas, hidden sheets
 * too) as `SheetRead` grids; throws a Russian Error naming the file when it is refused.
 */
export async function readXlsxInBrowser(
  buf: ArrayBuffer,
  fileName: string,
  opts: BrowserReadOptions = {},
): Promise<SheetRead[]> {
  const bytes = new Uint8Array(buf);
  const entries = zipEntries(bytes, fileName, defaultLimits(opts.maxBytes ?? DEFAULT_MAX_BYTES));
  if (hasDecompressionStream()) {
    const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
    const part = async (name: string) => {
      const e = byName.get(name.toLowerCase());
      return e ? partBytes(bytes, e, fileName) : null;
    };
    const sheets = await readSheetsFromParts(part, fileName, opts);
    if (sheets) return sheets;
  }
  // Lazily loaded: exceljs is large and most files never need it.
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf);
  } catch (e) {
    throw new Error(
      `Файл «${fileName}» не удалось прочитать как книгу Excel: ${(e as Error).message}. Откройте его в Excel и пересохраните как «Книга Excel (.xlsx)».`,
    );
  }
  return readWorkbookSheets(wb, fileName, { ...opts, formulas: false });
}
