/**
 * What the pane's pages «Форма ОО» and «Проверка» do to the open workbook, through the port:
 * create the missing sheets of the form (never touching an existing one) and validate the form
 * (reading only). The CLI runs the same functions on an exceljs workbook.
 */
import type { Finding, SchoolReport } from "../core/model";
import type { WorkbookPort } from "../host/port";
import { sameName } from "../host/rules";
import { parseForm } from "./parse";
import { templateOps, templateSheetNames } from "./template";

/**
 * Adds the form's sheets that the workbook lacks. An existing sheet with the same name (Excel
 * compares names case-insensitively) is left as it is and reported in `notices`.
 */
export async function createForm(
  port: WorkbookPort,
): Promise<{ created: string[]; skipped: string[]; notices: string[] }> {
  const existing = (await port.listSheets()).map((s) => s.name);
  const created: string[] = [];
  const skipped: string[] = [];
  const notices: string[] = [];
  for (const name of templateSheetNames()) {
    const has = existing.find((e) => sameName(e, name));
    if (has) {
      skipped.push(name);
      notices.push(`Лист «${has}» уже есть в книге — он оставлен без изменений.`);
    } else {
      created.push(name);
    }
  }
  if (created.length > 0) {
    const result = await port.write({ ops: templateOps({ only: created }) });
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
