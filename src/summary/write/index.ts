/**
 * Writes a built summary into a workbook through the port: every sheet as a generated sheet
 * (marker, registry, all-or-nothing replacement of the previous run; the user's sheets are never
 * touched). The same code serves the pane (Office.js or memory) and the CLI (exceljs).
 */
import type { Summary } from "../model/build";
import { writeGeneratedSheets, type WriteGeneratedResult } from "../../host/generated";
import type { WorkbookPort } from "../../host/port";
import { sheetOps } from "./sheet-ops";

export interface WriteSummaryOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, sheet: string) => void;
  files?: string[];
  now?: Date;
}

export async function writeSummary(
  port: WorkbookPort,
  summary: Summary,
  opts: WriteSummaryOptions = {},
): Promise<WriteGeneratedResult> {
  const now = opts.now ?? new Date();
  const runId = now.getTime().toString(36);
  return writeGeneratedSheets(
    port,
    summary.sheets.map((s) => ({
      name: s.name,
      kind: `summary.${s.id}`,
      batch: (sheet: string) => sheetOps(sheet, s, runId, { wrapDescriptions: true, fitPage: true }),
    })),
    {
      signal: opts.signal,
      onProgress: opts.onProgress,
      profileVersion: summary.json.profileVersion,
      files: opts.files,
      now,
    },
  );
}
