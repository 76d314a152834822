/**
 * What the pane's pages «Форма ОО» and «Проверка» do to the open workbook, through the port:
 * create the missing sheets of the form (never touching an existing one) and validate the form
 * (reading only). The CLI runs the same functions on an exceljs workbook.
 */
import type { Finding, SchoolReport } from "../core/model";
import type { WorkbookPort } from "../host/port";
import { sameName } from "../host/rules";
import { parseForm } from "./parse";
import { findSheet, isKindergarten, readForm } from "./read";
import { PASSPORT } from "./schema/sheets";
import { templateOps, templateSheetNames } from "./template";

/** Which form a workbook holds or the user creates: a school's or a kindergarten's (passport type «детский сад»). */
export type FormKind = "school" | "preschool";

/**
 * Adds the form's sheets that the workbook lacks. An existing sheet with the same name (Excel
 * compares names case-insensitively) is left as it is and reported in `notices`. `preschool`: the
 * kindergarten's form, the same sheets and ops as `msoko template --preschool`.
 */
export async function createForm(
  port: WorkbookPort,
  opts: { preschool?: boolean } = {},
): Promise<{ created: string[]; skipped: string[]; notices: string[] }> {
  const existing = (await port.listSheets()).map((s) => s.name);
  const created: string[] = [];
  const skipped: string[] = [];
  const notices: string[] = [];
  for (const name of templateSheetNames(opts)) {
    const has = existing.find((e) => sameName(e, name));
    if (has) {
      skipped.push(name);
      notices.push(`Лист «${has}» уже есть в книге — он оставлен без изменений.`);
    } else {
      created.push(name);
    }
  }
  if (created.length > 0) {
    const result = await port.write({ ops: templateOps({ ...opts, only: created }) });
    notices.push(...result.notices);
  }
  return { created, skipped, notices };
}

/** Reads every sheet and validates the form; the workbook is not changed. */
export async function validateWorkbook(
  port: WorkbookPort,
): Promise<{ findings: Finding[]; report: SchoolReport | null }> {
  const names = (await port.listSheets()).map((s) => s.name);
  const sheets = await port.readSheets(names);
  const file = await port.fileName();
  return parseForm(sheets, file ? { file } : {});
}

/**
 * The kind of form the workbook holds, from its passport's «Тип ОО» (read as the validator reads
 * it, aliases such as «ДОО» included); null without a passport sheet. Reads one small sheet only.
 */
export async function readFormKind(port: WorkbookPort): Promise<FormKind | null> {
  const names = (await port.listSheets()).map((s) => s.name);
  // findSheet matches names and aliases; the grids are not needed to choose the sheet.
  const found = findSheet(
    names.map((name) => ({ name, values: [], merges: [] })),
    PASSPORT,
  );
  if (!found) return null;
  const sheets = await port.readSheets([found.read.name]);
  return isKindergarten(readForm(sheets).fields) ? "preschool" : "school";
}
