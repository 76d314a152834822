/**
 * Reading the CLI's input files one at a time: directories expand to their .xlsx files (Excel's
 * "~$" lock files skipped), each file is read once and classified — a school form is parsed into
 * a SchoolReport with its findings; a ФИС ОКО export is kept for the import; a FIOKO marker list
 * or risk-profile list (recognised by its header row) is read into markers and profiles. Only
 * the parsed model is kept, so memory grows with the data, not with the workbooks. Only regular
 * files are read (./files: links resolved once, no pipes, devices or /proc).
 *
 * With `rawStream` (msoko analyze) a regional protocol is imported while its sheet is read: the
 * first rows of every sheet tell a protocol from the rest (RAW_HEAD_ROWS), and the protocol's
 * rows then go from the sheet's XML straight to the importer, without a grid of 25 000 rows
 * (issue 23). Anything unusual on the way (rows out of order, an error, a book of another kind)
 * and the file is read the usual way, so results and messages are those of the whole-grid path.
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  looksLikeFisokoExport,
  looksLikeRawResults,
  RAW_HEAD_ROWS,
  type RawImporter,
  type RawSheetImport,
} from "../fisoko";
import type { SheetRead } from "../host/port";
import { openXlsxBook, readXlsxBuffer } from "../xlsx/exceljs/read";
import type { BookLimits } from "../xlsx/read/budget";
import { readSheetBytes, visitSheetBytes } from "../xlsx/read/sheet-xml";
import { addUnreadable, addWorkbook, emptyInputs, type AddOptions, type Inputs } from "../summary/inputs";
import { expandPaths, readInputBytes } from "./files";
import { errorText } from "./fs-errors";

export type { Inputs } from "../summary/inputs";

/** Files of the given paths; directories give their .xlsx files in name order. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  return expandPaths(paths);
}

export interface LoadOptions extends AddOptions {
  /**
   * Regional protocols imported into `importer` as they are read, row by row (see the header);
   * `read` hears of each such file. A protocol that cannot be streamed goes to `onRaw` as before.
   */
  rawStream?: { importer: RawImporter; read?: (file: string) => void };
}

/** Reads and classifies every file; `onFile` reports progress (1-based index). */
/**
 * `slim`: forms keep only what the summary reads (src/summary/inputs.ts slimForSummary); `onRaw`:
 * each regional protocol is handed over as soon as it is read and its grid let go (AddOptions).
 */
export async function loadInputs(
  files: readonly string[],
  onFile?: (index: number, total: number, file: string) => void,
  limits?: BookLimits,
  maxText?: number,
  opts: LoadOptions = {},
): Promise<Inputs> {
  const inputs = emptyInputs();
  const stream = opts.rawStream;
  for (const [i, path] of files.entries()) {
    const file = basename(path);
    onFile?.(i + 1, files.length, file);
    let sheets;
    try {
      const bytes = await readInputBytes(path);
      const streamed = stream ? await streamProtocol(bytes, file, limits, stream.importer) : null;
      if (streamed && "imported" in streamed) {
        // Outside streamProtocol's catch: once committed, the file is never read a second way.
        stream?.importer.commit(file, streamed.imported);
        inputs.raw.push({ name: file, sheets: [] });
        stream?.read?.(file);
        continue;
      }
      sheets = streamed ?? (await readXlsxBuffer(bytes, file, { formulas: false, limits }));
    } catch (e) {
      addUnreadable(inputs, file, new Error(errorText(e, path)));
      continue;
    }
    const modified = await stat(path).then(
      (s) => s.mtime.toISOString(),
      () => undefined,
    );
    addWorkbook(inputs, file, sheets, modified, maxText, opts);
  }
  return inputs;
}

/**
 * A protocol's sheets read into `importer`'s sheet imports straight from their XML, for the caller
 * to commit (`imported`); the sheets of a book of another kind, read as readXlsxBuffer reads them
 * (values only); null when the book must be read the usual way (1904 dates, rows out of order, any
 * error: that way reports it).
 */
async function streamProtocol(
  buf: Uint8Array,
  file: string,
  limits: BookLimits | undefined,
  importer: RawImporter,
): Promise<SheetRead[] | { imported: RawSheetImport[] } | null> {
  try {
    const book = await openXlsxBook(buf, file, { limits });
    if (!book) return null;
    const { strings, budget } = book;
    const read: SheetRead[] = [];
    /** Sheets whose first rows hold a protocol header: their place in `read` (first rows only so far) and bytes. */
    const protocol: { at: number; bytes: Uint8Array }[] = [];
    for (const s of book.sheets) {
      const bytes = await book.bytes(s);
      const head = readSheetBytes(bytes, s.name, file, strings, undefined, RAW_HEAD_ROWS);
      if (looksLikeRawResults([head])) {
        protocol.push({ at: read.length, bytes });
        read.push(head);
        continue;
      }
      const whole = readSheetBytes(bytes, s.name, file, strings, undefined, undefined, budget);
      // Rows out of order can hide a header from the first rows read: such a book goes the usual way.
      if (looksLikeRawResults([whole])) return null;
      read.push(whole);
    }
    if (protocol.length === 0 || looksLikeFisokoExport(read)) {
      for (const p of protocol)
        read[p.at] = readSheetBytes(p.bytes, read[p.at].name, file, strings, undefined, undefined, budget);
      return read;
    }
    const sheets: RawSheetImport[] = [];
    for (const p of protocol) {
      const head = read[p.at];
      const sheet = importer.sheet(file, head.name, head.values);
      if (!sheet) return null;
      const size = visitSheetBytes(
        p.bytes,
        head.name,
        file,
        strings,
        (r, cells) => sheet.row(r, cells),
        undefined,
        budget,
      );
      sheets.push(sheet);
      // The first rows as the whole grid has them (its width, its blank rows), for the check below.
      read[p.at] = { ...head, values: firstRows(head.values, size.rows, size.cols) };
    }
    // The title check once more on exactly the rows the usual way would look at.
    if (looksLikeFisokoExport(read)) return null;
    return { imported: sheets };
  } catch {
    return null;
  }
}

/** The first RAW_HEAD_ROWS rows of a grid of `rows` × `cols` whose rows from the top are `head`. */
function firstRows(head: SheetRead["values"], rows: number, cols: number): SheetRead["values"] {
  const out: SheetRead["values"] = [];
  for (let r = 0; r < Math.min(rows, RAW_HEAD_ROWS); r++) {
    const line = [...(head[r] ?? [])];
    while (line.length < cols) line.push(null);
    out.push(line);
  }
  return out;
}
