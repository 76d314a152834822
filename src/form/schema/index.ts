/**
 * The form's schema in one import: sheets, columns, labels, the column locator, and the ids and
 * labels of the count columns of directions 3–8 (the keys of DirectionRow.values).
 */
import type { DirectionSheetId } from "../../core/model";
import { CAREERS, FORM_SHEETS, HEAD, OLYMPIADS, PRESCHOOL, STAFF, UPBRINGING } from "./sheets";
import type { SheetSchema } from "./types";

export * from "./types";
export * from "./sheets";
export * from "./labels";
export * from "./locate";

/** The sheet of each direction 3–8 (DirectionSheetId → sheet schema). */
export const DIRECTION_SHEETS: Readonly<Record<DirectionSheetId, SheetSchema>> = {
  olympiads: OLYMPIADS,
  careers: CAREERS,
  staff: STAFF,
  head: HEAD,
  upbringing: UPBRINGING,
  preschool: PRESCHOOL,
};

export interface DirectionColumn {
  /** Key in DirectionRow.values. */
  id: string;
  /** Russian label (the column's header). */
  label: string;
  unit?: string;
  help: string;
}

/** The count columns of each direction sheet: everything except «Год» and the row label. */
export const DIRECTION_COLUMNS: Readonly<Record<DirectionSheetId, readonly DirectionColumn[]>> = Object.fromEntries(
  Object.entries(DIRECTION_SHEETS).map(([id, sheet]) => [
    id,
    sheet.columns
      .filter((c) => c.id !== "year" && c.id !== sheet.labelColumn)
      .map((c) => ({ id: c.id, label: c.header, unit: c.unit, help: c.help })),
  ]),
) as unknown as Record<DirectionSheetId, readonly DirectionColumn[]>;

/** The sheet schema by id ("results") or null. */
export function sheetById(id: string): SheetSchema | null {
  return FORM_SHEETS.find((s) => s.id === id) ?? null;
}

/** Column letters of the template layout of a sheet: fixed columns first, then З1…Зn. */
export function templateColumnIndex(sheet: SheetSchema): Map<string, number> {
  return new Map(sheet.columns.map((c, i) => [c.id, i]));
}
