/**
 * «Загрузить пример» of the preview: generates one school of the sample municipality (src/sample)
 * and writes its filled form into the preview's in-memory workbook, plus a reporting date of
 * 31 December of the latest sample year, so every page of the pane has something real to show.
 * This module and the generator are loaded on click only (a separate chunk), so the preview
 * opens as fast as before.
 *
 * The schools are generated one by one up to the chosen one (the generator is seeded, so the
 * chosen school is the same as in `msoko demo`, except that `msoko demo` also nudges ordinary
 * schools' task completion away from the municipal reference for the O4 check).
 */
import { fillForm, templateSheetNames } from "../../form/template";
import type { SchoolReport } from "../../core/model";
import type { MemoryWorkbook } from "../../host/memory";
import type { WriteOp } from "../../host/port";
import { sameName } from "../../host/rules";
import { SETTINGS_SHEET, SETTING_KEYS, writeSetting } from "../../host/settings";
import { DEFAULT_YEARS, generateSchools, type InjectedSituation } from "../../sample";
import { stepLabel, type ReportProgress } from "../operation/runner";
import { NEW_WORKBOOK_SHEET } from "../app/startup";
import { SCHOOL_FORM_SHEET } from "../workbook/role";

export interface DemoLoaded {
  report: SchoolReport;
  situation: InjectedSituation | null;
  reportingDate: string;
  /** Form sheets of an earlier example that were replaced. */
  replaced: string[];
}

/** Lets the status area repaint and «Отменить» take effect between schools. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

export async function loadDemoSchool(
  workbook: MemoryWorkbook,
  index: number,
  progress: ReportProgress,
  signal: AbortSignal,
): Promise<DemoLoaded> {
  const total = index + 1;
  let chosen: { report: SchoolReport; situation: InjectedSituation | null } | null = null;
  let i = 0;
  for (const school of generateSchools({})) {
    signal.throwIfAborted();
    progress({
      done: i,
      total: total + 1,
      label: `${stepLabel("Школа", i + 1, total)}: ${school.report.passport.shortName ?? school.report.passport.name}`,
    });
    await breathe();
    if (i === index) {
      chosen = school;
      break;
    }
    i++;
  }
  if (!chosen) throw new Error(`В примере нет школы с номером ${index + 1}.`);
  signal.throwIfAborted();
  progress({ done: total, total: total + 1, label: "Записываю форму в книгу…" });
  await breathe();

  const replaceable = [...templateSheetNames(), SETTINGS_SHEET];
  const sheets = await workbook.listSheets();
  const replaced = sheets.filter((s) => replaceable.some((n) => sameName(n, s.name))).map((s) => s.name);
  const ops: WriteOp[] = [];
  const keepsVisible = sheets.some((s) => s.visibility === "visible" && !replaced.includes(s.name));
  if (!keepsVisible) ops.push({ op: "addSheet", name: NEW_WORKBOOK_SHEET });
  for (const name of replaced) ops.push({ op: "deleteSheet", name });
  ops.push(...fillForm(chosen.report));
  await workbook.write({ ops });

  const years = [...DEFAULT_YEARS].sort((a, b) => a - b);
  const reportingDate = `${years[years.length - 1]}-12-31`;
  await writeSetting(workbook, SETTING_KEYS.reportDate, reportingDate);
  await workbook.activate(SCHOOL_FORM_SHEET);
  return { report: chosen.report, situation: chosen.situation, reportingDate, replaced };
}
