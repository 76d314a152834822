/**
 * What the «Форма ОО» page says about the form: the sheets the schema declares (with whether each
 * is already in the workbook) and the Russian result of «Создать форму». Pure, so the wording and
 * the plurals are unit-tested; the sheet list comes from the same schema that builds the template.
 */
import { FORM_SHEETS, INSTRUCTION_SHEET } from "../../form/schema";
import { sameName } from "../../host/rules";
import { countRu } from "../../core/values";

export interface FormSheetRow {
  name: string;
  /** One sentence from the schema. */
  purpose: string;
  required: boolean;
  /** The workbook already has a sheet with this name (Excel compares names case-insensitively). */
  present: boolean;
}

const INSTRUCTION_PURPOSE = "Как заполнять форму: столбцы каждого листа и все проверки (создаётся из схемы).";

export function formSheetRows(sheetNames: readonly string[]): FormSheetRow[] {
  const has = (n: string) => sheetNames.some((s) => sameName(s.trim(), n));
  return [
    ...FORM_SHEETS.map((s) => ({ name: s.name, purpose: s.purpose, required: s.required, present: has(s.name) })),
    { name: INSTRUCTION_SHEET, purpose: INSTRUCTION_PURPOSE, required: false, present: has(INSTRUCTION_SHEET) },
  ];
}

const SHEETS: readonly [string, string, string] = ["лист", "листа", "листов"];

export interface CreateFormResult {
  created: string[];
  skipped: string[];
  notices: string[];
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `«${n}»`).join(", ");
}

/** One or two sentences for the status area and the page: what was created, what was left alone. */
export function createFormMessage(r: CreateFormResult): string {
  const parts: string[] = [];
  if (r.created.length > 0) parts.push(`Создано ${countRu(r.created.length, SHEETS)} формы: ${quoted(r.created)}.`);
  else parts.push("Новых листов не понадобилось: все листы формы уже есть в книге.");
  if (r.skipped.length > 0) {
    parts.push(
      `${r.skipped.length === 1 ? "Уже был" : "Уже были"} и ${r.skipped.length === 1 ? "оставлен" : "оставлены"} без изменений: ${countRu(r.skipped.length, SHEETS)} (${quoted(r.skipped)}).`,
    );
  }
  return parts.join(" ");
}

/** The port's notices about features this Excel lacks (the sheet-exists notices are in the message). */
export function extraNotices(r: CreateFormResult): string[] {
  return r.notices.filter((n) => !/уже есть в книге — он оставлен без изменений/.test(n));
}
