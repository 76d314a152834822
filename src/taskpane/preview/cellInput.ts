/**
 * Typing into a cell of the preview grid, read the way Russian Excel reads it, so a newcomer can
 * change the example and watch «Проверка» find the mistake: «12,5» is a number, «12,5%» is 0,125,
 * «22.11.2026» is a date (and «12.5» too: Russian Excel takes a dot for a date, not a decimal sign),
 * «=…» is a formula, a leading apostrophe or a text-formatted («@») cell keeps the text as typed.
 * Also what the edit box starts with, and the data-validation rule Excel would have enforced.
 * Pure: the grid component writes the result through the workbook port.
 */
import { contains, parseCell, parseRange } from "../../core/a1";
import type { CellValue } from "../../core/values";
import type { ValidationSnapshot } from "../../host/memory";
import { isoDateToSerial, serialToIsoDate } from "../../host/serial";
import { formatSections } from "./numberFormat";

export type TypedInput =
  | { kind: "clear" }
  /** `numberFormat`: the format Excel gives a General cell for this input (a date, a percent). */
  | { kind: "value"; value: string | number | boolean; numberFormat?: string }
  | { kind: "formula"; formula: string };

const NUMBER_RU = /^[+-]?(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?$/;
const DATE_RU = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?$/;

function isGeneral(format: string | undefined): boolean {
  return !format || format.trim().toLowerCase() === "general";
}

/** A date format: day, month or year codes outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (isGeneral(format)) return false;
  const bare = formatSections(format!)[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) || (/[mhs]/i.test(bare) && !/[0#?]/.test(bare));
}

function isPercentFormat(format: string | undefined): boolean {
  return (
    !isGeneral(format) &&
    formatSections(format!)[0]
      .replace(/"[^"]*"/g, "")
      .includes("%")
  );
}

/** «22.11.2026», «1.9.26», «12.5» (this year) → Excel serial; null when not a calendar date. */
function dateSerial(text: string, today: Date): number | null {
  const m = DATE_RU.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = m[3] === undefined ? today.getFullYear() : Number(m[3]);
  // Excel's two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999.
  if (m[3] !== undefined && m[3].length === 2) year += year < 30 ? 2000 : 1900;
  return isoDateToSerial(
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
}

function numberRu(text: string): number | null {
  if (!/\d/.test(text) || !NUMBER_RU.test(text)) return null;
  const n = Number(text.replace(/[ \u00a0]/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** What Excel stores for `typed` in a cell formatted `format`. */
export function parseTypedInput(typed: string, format: string | undefined, today: Date): TypedInput {
  if (typed === "") return { kind: "clear" };
  if (typed.startsWith("'")) return { kind: "value", value: typed.slice(1) };
  // A text-formatted cell keeps everything as typed, formulas included (Excel shows them as text).
  if (format?.trim() === "@") return { kind: "value", value: typed };
  if (typed.length > 1 && typed.startsWith("=")) return { kind: "formula", formula: typed };
  const text = typed.trim();
  const upper = text.toLocaleUpperCase("ru");
  if (upper === "ИСТИНА") return { kind: "value", value: true };
  if (upper === "ЛОЖЬ") return { kind: "value", value: false };
  const n = numberRu(text);
  if (n !== null) return { kind: "value", value: n };
  if (text.endsWith("%")) {
    const p = numberRu(text.slice(0, -1).trim());
    if (p !== null) {
      const decimals = /,(\d+)/.exec(text)?.[1].length ?? 0;
      const value = Number((p / 100).toPrecision(15));
      return isGeneral(format)
        ? { kind: "value", value, numberFormat: decimals ? "0.00%" : "0%" }
        : { kind: "value", value };
    }
  }
  const serial = dateSerial(text, today);
  if (serial !== null) {
    if (!isGeneral(format)) return { kind: "value", value: serial };
    return {
      kind: "value",
      value: serial,
      numberFormat: DATE_RU.exec(text)![3] === undefined ? "dd.mmm" : "dd.mm.yyyy",
    };
  }
  return { kind: "value", value: typed };
}

/** The text the edit box starts with, as Excel's formula bar shows the cell. */
export function editText(value: CellValue, formula: string | undefined, format: string | undefined): string {
  if (formula !== undefined) return formula;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "ИСТИНА" : "ЛОЖЬ";
  if (typeof value === "number") {
    if (isDateFormat(format)) {
      const iso = serialToIsoDate(value);
      if (iso) return iso.split("-").reverse().join(".");
    }
    const shown = isPercentFormat(format) ? Number((value * 100).toPrecision(15)) : value;
    return String(shown).replace(".", ",") + (isPercentFormat(format) ? "%" : "");
  }
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

function describeRule(v: ValidationSnapshot): string {
  if (v.type === "list") return `значение из списка: ${v.list.join(", ")}`;
  const what = v.type === "whole" ? "целое число" : "число";
  if (v.min !== undefined && v.max !== undefined) return `${what} от ${v.min} до ${v.max}`.replace(/\./g, ",");
  if (v.min !== undefined) return `${what} не меньше ${v.min}`.replace(/\./g, ",");
  if (v.max !== undefined) return `${what} не больше ${v.max}`.replace(/\./g, ",");
  return what;
}

/**
 * The data-validation message Excel would show for `value` typed into `address`, or null when the
 * value passes (blanks always pass). The preview writes the value anyway — that is how a newcomer
 * sees «Проверка» catch it — and shows this message as a note.
 */
export function validationProblem(
  value: string | number | boolean | null,
  address: string,
  validations: readonly ValidationSnapshot[],
): string | null {
  if (value === null || value === "") return null;
  const cell = parseCell(address);
  const here = { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
  for (const v of validations) {
    if (!contains(parseRange(v.address), here)) continue;
    let ok: boolean;
    if (v.type === "list") {
      const typed = String(value).trim().toLocaleLowerCase("ru");
      ok = v.list.some((item) => item.trim().toLocaleLowerCase("ru") === typed);
    } else {
      ok =
        typeof value === "number" &&
        (v.type === "decimal" || Number.isInteger(value)) &&
        (v.min === undefined || value >= v.min) &&
        (v.max === undefined || value <= v.max);
    }
    if (!ok) return v.error?.trim() || `Ожидается ${describeRule(v)}.`;
  }
  return null;
}
