/**
 * Reading the CLI's input files one at a time: directories expand to their .xlsx files (Excel's
 * "~$" lock files skipped), each file is read once and classified — a school form is parsed into
 * a SchoolReport with its findings; a ФИС ОКО export is kept for the import; a FIOKO marker list
 * or risk-profile list (recognised by its header row) is read into markers and profiles. Only
 * the parsed model is kept, so memory grows with the data, not with the workbooks.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { addUnreadable, addWorkbook, emptyInputs, type Inputs } from "../summary/inputs";
import { readXlsxFile } from "../xlsx/exceljs";

export type { Inputs } from "../summary/inputs";

/** Files of the given paths; directories give their .xlsx files in name order. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new Error(`Нет файла или папки «${p}».`);
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$")).sort();
      out.push(...names.map((n) => join(p, n)));
    } else out.push(p);
  }
  return out;
}

/** Reads and classifies every file; `onFile` reports progress (1-based index). */
export async function loadInputs(files: readonly string[], onFile?: (index: number, total: number, file: string) => void): Promise<Inputs> {
  const inputs = emptyInputs();
  for (const [i, path] of files.entries()) {
    const file = basename(path);
    onFile?.(i + 1, files.length, file);
    let sheets;
    try {
      sheets = await readXlsxFile(path, { formulas: false });
    } catch (e) {
      addUnreadable(inputs, file, e);
      continue;
    }
    addWorkbook(inputs, file, sheets, (await stat(path)).mtime.toISOString());
  }
  return inputs;
}
