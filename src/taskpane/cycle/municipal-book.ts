/**
 * The «Цикл МОУО» sheet of a municipal summary book as the pane reads and creates it. Reading goes
 * through the same reader as `msoko summarize` (src/form/municipal-cycle.ts), so the board and the
 * summary see the same records; the sheet is the user's own (no generated marker): the pane only
 * ever adds it when it is absent and never touches another sheet.
 */
import {
  MUNICIPAL_CYCLE_SHEET,
  municipalCycleFindingText,
  municipalCycleSheetName,
  municipalCycleSheetOps,
  readMunicipalCycle,
} from "../../form/municipal-cycle";
import type { WorkbookPort } from "../../host/port";
import { loadProfile, readSettings, reportDate } from "../../host/settings";
import type { MunicipalCycleInputs } from "./view";

export async function readMunicipalCycleInputs(port: WorkbookPort): Promise<MunicipalCycleInputs> {
  const [sheets, settings, { profile }] = await Promise.all([port.listSheets(), readSettings(port), loadProfile(port)]);
  const sheet = municipalCycleSheetName(sheets.map((s) => s.name));
  const read = sheet ? readMunicipalCycle(await port.readSheets([sheet])) : null;
  return {
    sheet,
    records: read?.records ?? [],
    problems: (read?.findings ?? []).filter((f) => f.severity !== "info").map((f) => municipalCycleFindingText(f)),
    reportingDate: reportDate(settings),
    profile,
  };
}

/**
 * Adds the empty «Цикл МОУО» sheet (the template's, `msoko template --mouo`) and shows it. Refuses
 * when the book already has one (under its name or an alias), so a filled sheet is never replaced.
 */
export async function addMunicipalCycleSheet(port: WorkbookPort): Promise<{ status: string }> {
  const existing = municipalCycleSheetName((await port.listSheets()).map((s) => s.name));
  if (existing)
    throw new Error(`В книге уже есть лист «${existing}»: он не заменяется. Заполните его или удалите вручную.`);
  await port.write({ ops: municipalCycleSheetOps() });
  await port.activate(MUNICIPAL_CYCLE_SHEET);
  return {
    status: `Лист «${MUNICIPAL_CYCLE_SHEET}» добавлен: заполните по каждому направлению и треку девять этапов с оценкой и документом (номер и дата).`,
  };
}
