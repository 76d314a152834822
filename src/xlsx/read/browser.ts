/**
 * Reading .xlsx forms the methodist picks from disk in the pane («Свод» → «Выбрать файлы»), with
 * the conventions and safety checks of the CLI reader and no Node API:
 * - the zip directory is checked first (src/xlsx/zip.ts: size, .xls/encrypted, ZIP64, part count,
 *   declared unpacked sizes and ratios — the "zip bomb" limits);
 * - parts are inflated with the browser's DecompressionStream("deflate-raw") or, in older webviews
 *   without it, with pako (JavaScript, the inflater JSZip ships; loaded lazily), in both cases
 *   stopping at each part's declared size; any part with a DTD/ENTITY anywhere (any name, UTF-16
 *   too) is refused;
 * - values are read by the same values-only reader as the CLI (src/xlsx/parts.ts), charging the
 *   whole-book budgets (src/xlsx/read/budget.ts) as it goes.
 * Only a book in the 1904 date system is loaded with exceljs (`import("exceljs")`: a separate
 * chunk, not part of taskpane.js), and only after the same whole-book scan the CLI runs before
 * exceljs (src/xlsx/read/scan.ts): exceljs inflates every part whatever the zip directory says.
 */
import type { SheetRead } from "../../host/port";
import { readSheetsFromParts, type PartReader } from "./parts";
import { scanBookParts } from "./scan";
import { readWorkbookSheets, type SheetsReadOptions } from "./sheets";
import { checkNoDtdBytes, defaultLimits, zipEntries, DEFAULT_MAX_BYTES } from "./zip";

export interface BrowserReadOptions extends Omit<SheetsReadOptions, "formulas"> {
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
  /** Inflate with pako even where DecompressionStream exists (how tests run the older webviews' path in Node). */
  forceJsInflate?: boolean;
}

/** Inflates a raw deflate stream, refusing output beyond `limit` bytes (a part lying about its size). */
type Inflater = (data: Uint8Array, limit: number, part: string, fileName: string) => Promise<Uint8Array>;

function hasDecompressionStream(): boolean {
  return typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream === "function";
}

function tooLarge(part: string, fileName: string): Error {
  return new Error(
    `Часть «${part}» файла «${fileName}» распаковывается больше заявленного размера — это похоже на «zip-бомбу»; файл не открыт.`,
  );
}

function broken(part: string, fileName: string): Error {
  return new Error(`Файл «${fileName}» повреждён: часть «${part}» не распаковывается.`);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const streamInflate: Inflater = async (data, limit, part, fileName) => {
  // The packed bytes go straight into the decompressor: a Blob around them (`new Blob([data]).stream()`)
  // copied every part into the browser's blob storage and back, and 500 forms left hundreds of
  // megabytes of such copies for the garbage collector (issue 23, bench/cases/pane-memory.mjs).
  // The writer's promises settle only as the output is read; a failure surfaces in reader.read().
  const inflater = new DecompressionStream("deflate-raw" as CompressionFormat);
  const writer = inflater.writable.getWriter();
  writer.write(data as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = inflater.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw tooLarge(part, fileName);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof Error && e.message.includes("zip-бомбу")) throw e;
    throw broken(part, fileName);
  }
  return concat(chunks, total);
};

/** Compressed bytes fed to pako at a time: one step yields at most ~1 000 times more before the limit is checked again. */
const PAKO_INPUT_SLICE = 16 * 1024;

/** pako's streaming inflater, for webviews without DecompressionStream; stops as soon as the output passes `limit`. */
async function pakoInflater(): Promise<Inflater> {
  const { Inflate } = await import(/* webpackChunkName: "exceljs" */ "pako/lib/inflate");
  return async (data, limit, part, fileName) => {
    const inflate = new Inflate({ raw: true, chunkSize: 64 * 1024 });
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    inflate.onData = (chunk) => {
      total += chunk.byteLength;
      if (total > limit) over = true;
      else if (!over) chunks.push(chunk);
    };
    inflate.onEnd = () => undefined;
    for (let at = 0; at < data.length && !over && !inflate.err; at += PAKO_INPUT_SLICE) {
      inflate.push(data.subarray(at, at + PAKO_INPUT_SLICE), at + PAKO_INPUT_SLICE >= data.length);
    }
    if (over) throw tooLarge(part, fileName);
    if (inflate.err || data.length === 0) throw broken(part, fileName);
    return concat(chunks, total);
  };
}

/** The inflater of this webview: DecompressionStream when present, pako otherwise (or when forced). */
async function browserInflater(forceJs = false): Promise<Inflater> {
  return !forceJs && hasDecompressionStream() ? streamInflate : pakoInflater();
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
  const inflate = await browserInflater(opts.forceJsInflate);
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const part: PartReader = async (name) => {
    const e = byName.get(name.toLowerCase());
    if (!e) return null;
    const data = bytes.subarray(e.dataStart, e.dataStart + e.packed);
    const raw = e.method === 0 ? data : await inflate(data, Math.max(1, e.unpacked), e.name, fileName);
    checkNoDtdBytes(raw, e.name, fileName);
    return raw;
  };
  const sheets = await readSheetsFromParts(part, fileName, opts);
  if (sheets) return sheets;
  // A book in the 1904 date system: the whole-book scan first, as in the CLI, because exceljs trusts the package.
  await scanBookParts(part, entries, fileName, opts.limits);
  // Lazily loaded: exceljs is large and most files never need it.
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf);
  } catch {
    // exceljs's English internals never reach the methodist.
    throw new Error(
      `Файл «${fileName}» не удалось прочитать как книгу Excel: части книги повреждены или записаны не так, как их пишет Excel. Откройте его в Excel и пересохраните как «Книга Excel (.xlsx)».`,
    );
  }
  return readWorkbookSheets(wb, fileName, { ...opts, formulas: false });
}
