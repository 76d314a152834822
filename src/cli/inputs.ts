/**
 * Reading the CLI's input files one at a time: directories expand to their .xlsx files (Excel's
 * "~$" lock files skipped), each file is read once and classified — a school form is parsed into
 * a SchoolReport with its findings; a ФИС ОКО export is kept for the import; a FIOKO marker list
 * or risk-profile list (recognised by its header row) is read into markers and profiles. Only
 * the parsed model is kept, so memory grows with the data, not with the workbooks. Only regular
 * files are read (./files: links resolved once, no pipes, devices or /proc).
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { BookLimits } from "../xlsx/read/budget";
import { addUnreadable, addWorkbook, emptyInputs, type AddOptions, type Inputs } from "../summary/inputs";
import { expandPaths, readInputXlsx } from "./files";
import { errorText } from "./fs-errors";

export type { Inputs } from "../summary/inputs";

/** Files of the given paths; directories give their .xlsx files in name order. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  return expandPaths(paths);
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
  opts: AddOptions = {},
): Promise<Inputs> {
  const inputs = emptyInputs();
  for (const [i, path] of files.entries()) {
    const file = basename(path);
    onFile?.(i + 1, files.length, file);
    let sheets;
    try {
      sheets = await readInputXlsx(path, { formulas: false, limits });
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
