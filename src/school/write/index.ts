/**
 * Writes the school's analytical report (src/core/school/report.ts) into a workbook through the
 * port: every sheet a generated sheet (marker, registry, all-or-nothing replacement of the
 * previous run of the same sheets; the form's sheets and the user's own are never touched),
 * rendered with the summary's sheet renderer so tables, formulas and charts look the same.
 * Serves the pane (Office.js or memory) and the CLI (exceljs).
 */
import type { SchoolAnalysisReport } from "../model/report";
import { writeGeneratedSheets, type WriteGeneratedResult } from "../../host/generated";
import type { WorkbookPort } from "../../host/port";
import { schoolSheetOps } from "./layout";

export interface WriteSchoolReportOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, sheet: string) => void;
  /** Source files of the run, for the run note of the settings sheet. */
  files?: string[];
  now?: Date;
}

export async function writeSchoolReport(
  port: WorkbookPort,
  report: SchoolAnalysisReport,
  opts: WriteSchoolReportOptions = {},
): Promise<WriteGeneratedResult> {
  const now = opts.now ?? new Date();
  // Excel table names are unique per workbook and the new sheets are written before the old ones
  // go, so every name carries the run's id (see excelTableName).
  const runId = `s${now.getTime().toString(36)}`;
  return writeGeneratedSheets(
    port,
    report.sheets.map((s) => ({
      name: s.name,
      kind: `school.${s.id}`,
      batch: (sheet: string) => schoolSheetOps(sheet, s, runId),
    })),
    { signal: opts.signal, onProgress: opts.onProgress, profileVersion: report.profileVersion, files: opts.files, now },
  );
}
