/** Public surface of the ФИС ОКО import (grids in, model out). */
export { importFisoko, type FisokoFile, type FisokoImport, type ImportedReport, type NationalResult } from "./import";
export { parseSheet, type SheetOutcome } from "./parse";
export { REPORT_TITLES, type ReportKind } from "./header";
export type { ParsedReport } from "./types";
export { importIntoForm, SOURCE_HEADER, type FormImport } from "./form";
export { mergeIntoMunicipality } from "./municipality";
export { looksLikeFisokoExport } from "./parse";
export * from "./raw";
export { schoolKey, schoolDigits, loginKind, splitLogin, prefixDiffers, prefixNote } from "./login";
