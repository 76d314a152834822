/**
 * Reading the CLI's input files one at a time: directories expand to their .xlsx files (Excel's
 * "~$" lock files skipped), each file is read once and classified — a school form is parsed into
 * a SchoolReport with its findings; a ФИС ОКО export is kept for the import; a FIOKO marker list
 * or risk-profile list (recognised by its header row) is read into markers and profiles. Only
 * the parsed model is kept, so memory grows with the data, not with the workbooks.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { looksLikeFiokoData, readFiokoData } from "../core/analysis/fioko-data";
import type { Finding, FiokoMarker, RiskProfile } from "../core/model";
import type { LoadedForm } from "../core/summary/consolidate";
import { looksLikeFisokoExport, type FisokoFile } from "../fisoko";
import { parseForm } from "../form/parse";
import { readXlsxFile } from "./xlsx";

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

export interface Inputs {
  forms: LoadedForm[];
  exports: FisokoFile[];
  /** From FIOKO marker lists (sign F). */
  fiokoMarkers: FiokoMarker[];
  /** From FIOKO risk-profile lists (R5). */
  riskProfiles: RiskProfile[];
  /** Findings of the FIOKO lists (file, sheet and cell named). */
  fiokoFindings: Finding[];
  /** Names of the files read as FIOKO lists. */
  fiokoFiles: string[];
}

/** Reads and classifies every file; `onFile` reports progress (1-based index). */
export async function loadInputs(files: readonly string[], onFile?: (index: number, total: number, file: string) => void): Promise<Inputs> {
  const forms: LoadedForm[] = [];
  const exports: FisokoFile[] = [];
  const fioko: Pick<Inputs, "fiokoMarkers" | "riskProfiles" | "fiokoFindings" | "fiokoFiles"> = { fiokoMarkers: [], riskProfiles: [], fiokoFindings: [], fiokoFiles: [] };
  for (const [i, path] of files.entries()) {
    const file = basename(path);
    onFile?.(i + 1, files.length, file);
    let sheets;
    try {
      sheets = await readXlsxFile(path, { formulas: false });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const finding: Finding = { severity: "error", rule: "file.unreadable", sheet: "", cell: "", message };
      forms.push({ file, report: null, findings: [finding] });
      continue;
    }
    if (looksLikeFisokoExport(sheets)) {
      exports.push({ name: file, sheets });
      continue;
    }
    if (looksLikeFiokoData(sheets)) {
      const data = readFiokoData(file, sheets);
      fioko.fiokoMarkers.push(...data.markers);
      fioko.riskProfiles.push(...data.riskProfiles);
      fioko.fiokoFindings.push(...data.findings);
      fioko.fiokoFiles.push(file);
      continue;
    }
    const modified = (await stat(path)).mtime.toISOString();
    const { report, findings } = parseForm(sheets, { file });
    forms.push({ file, modified, report, findings });
  }
  return { forms, exports, ...fioko };
}
