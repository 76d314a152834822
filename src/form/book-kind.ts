/**
 * What kind of workbook this is, decided from sheet names only (cheap, no cell reads): a school form
 * has a «Паспорт ОО» sheet, a municipal summary has «Свод по ОО». The pane shows it in its header;
 * the form reader refuses a summary instead of reading its «Результаты» as a form's (which floods the
 * findings with «Строка повторяет…»); the CLI refuses to write into a school form.
 */

export type WorkbookRole = "school" | "municipal" | "other";

/** The sheet that identifies a school form (the form's first sheet). */
export const SCHOOL_FORM_SHEET = "Паспорт ОО";
/** The sheet that identifies a municipal summary workbook. */
export const MUNICIPAL_SUMMARY_SHEET = "Свод по ОО";

/** Sheet names compare as Excel compares them: case-insensitive, surrounding spaces ignored. */
function normalizeSheetName(name: string): string {
  return name.trim().toLocaleLowerCase("ru-RU");
}

export function hasSheet(sheetNames: readonly string[], wanted: string): boolean {
  const w = normalizeSheetName(wanted);
  return sheetNames.some((n) => normalizeSheetName(n) === w);
}

/**
 * A summary workbook may also carry copies of school sheets, so «Свод по ОО» wins over
 * «Паспорт ОО» when both are present.
 */
export function detectRole(sheetNames: readonly string[]): WorkbookRole {
  if (hasSheet(sheetNames, MUNICIPAL_SUMMARY_SHEET)) return "municipal";
  if (hasSheet(sheetNames, SCHOOL_FORM_SHEET)) return "school";
  return "other";
}
