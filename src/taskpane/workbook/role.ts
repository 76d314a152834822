/**
 * What kind of workbook the pane is looking at, decided from sheet names only (cheap, no cell
 * reads): the school form has a «Паспорт ОО» sheet, a municipal summary has «Свод по ОО».
 * The header shows the role and pages adapt their empty states to it.
 */

export type WorkbookRole = "school" | "municipal" | "other";

/** The sheet that identifies a school form (the form's first sheet). */
export const SCHOOL_FORM_SHEET = "Паспорт ОО";
/** The sheet that identifies a municipal summary workbook. */
export const MUNICIPAL_SUMMARY_SHEET = "Свод по ОО";

export const ROLE_LABELS: Record<WorkbookRole, string> = {
  school: "форма ОО",
  municipal: "муниципальный свод",
  other: "другая книга",
};

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
