/**
 * Reading cell values as Russian workbooks hold them: numbers stored as text ("4,5", "1 234"
 * with NBSP or narrow NBSP thousands, "12,5 %"), markers of absence («н/а», «отс»), blanks and
 * Excel error values. One reader for custom functions, forms and imports.
 */

export type CellValue = string | number | boolean | null | undefined | Record<string, unknown>;

export type Cell =
  | { kind: "blank" }
  | { kind: "number"; value: number; fromText: boolean }
  | { kind: "na" } // «н/а»: не аттестован / не выполнял
  | { kind: "absent" } // «отс»: отсутствовал
  | { kind: "error"; code: string }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean };

const BLANK: Cell = { kind: "blank" };
const NA: Cell = { kind: "na" };
const ABSENT: Cell = { kind: "absent" };

const NA_WORDS = new Set(["н/а", "на", "н\\а", "n/a", "не аттестован", "неаттестован"]);
const ABSENT_WORDS = new Set(["отс", "отс.", "отсутствовал", "отсутствует", "неявка", "н", "н/я"]);

/** Excel error values in English and Russian Excel, as passed through ranges. */
const ERROR_RE =
  /^#(?:N\/A|Н\/Д|VALUE!|ЗНАЧ!|REF!|ССЫЛКА!|DIV\/0!|ДЕЛ\/0!|NAME\?|ИМЯ\?|NUM!|ЧИСЛО!|NULL!|ПУСТО!|SPILL!|ПЕРЕНОС!|CALC!|ВЫЧИСЛ!|GETTING_DATA|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|FIELD!)$/i;

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3})+|\d+)?(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;

/** Parses a Russian or international number in text; null if the text is not a number. */
export function parseNumberText(text: string): number | null {
  let s = text.trim();
  if (s === "") return null;
  if (s.endsWith("%")) s = s.slice(0, -1).trim();
  s = s.replace(/^−/, "-");
  if (!NUMBER_RE.test(s) || !/\d/.test(s)) return null;
  const n = Number(s.replace(/[ \u00a0\u202f\u2009']/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** Classifies one cell value. Percent signs are dropped: "12,5 %" reads as 12.5. */
export function readCell(v: CellValue): Cell {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === "number") {
    return Number.isFinite(v) ? { kind: "number", value: v, fromText: false } : { kind: "error", code: String(v) };
  }
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (typeof v === "object") {
    // Excel passes errors in ranges as objects in some hosts ({ type: "Error", ... }); exceljs as { error }.
    const code =
      (v as { error?: unknown; errorType?: unknown; type?: unknown }).error ?? (v as { errorType?: unknown }).errorType;
    if (code !== undefined) return { kind: "error", code: String(code) };
    const inner = (v as { result?: unknown; text?: unknown }).result ?? (v as { text?: unknown }).text;
    if (inner !== undefined) return readCell(inner as CellValue);
    return { kind: "text", text: JSON.stringify(v).slice(0, 40) };
  }
  const text = v.replace(/[\u00a0\u202f]+/g, " ").trim();
  if (text === "") return BLANK;
  if (ERROR_RE.test(text)) return { kind: "error", code: text };
  const lower = text.toLowerCase();
  if (NA_WORDS.has(lower)) return NA;
  if (ABSENT_WORDS.has(lower)) return ABSENT;
  const n = parseNumberText(text);
  if (n !== null) return { kind: "number", value: n, fromText: true };
  return { kind: "text", text };
}

/** The cell as it should be quoted in a message: «4,5», «пусто». */
export function quoteValue(v: CellValue): string {
  if (v === null || v === undefined || v === "") return "пусто";
  if (typeof v === "number") return `«${formatNumberRu(v)}»`;
  if (typeof v === "object") return `«${JSON.stringify(v).slice(0, 40)}»`;
  const s = String(v);
  return `«${s.length > 40 ? s.slice(0, 40) + "…" : s}»`;
}

/** 12.5 → "12,5"; up to `digits` decimals, trailing zeros dropped; NBSP thousands. */
export function formatNumberRu(n: number, digits = 2): string {
  // Never «NaN»/«Infinity» in a Russian message or cell.
  if (Number.isNaN(n)) return "не число";
  if (!Number.isFinite(n)) return n > 0 ? "бесконечность" : "минус бесконечность";
  // Small integers (counts, scores, years) are most calls: the same text without toFixed and regexes.
  if (digits >= 0 && Number.isInteger(n) && n > -10_000 && n < 10_000)
    return n < 0 ? `−${-n}` : String(n === 0 ? 0 : n);
  const factor = 10 ** digits;
  const rounded = Math.round(n * factor) / factor;
  const [int, frac] = Math.abs(rounded).toFixed(digits).split(".");
  const intGrouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : int;
  const fracTrim = frac ? frac.replace(/0+$/, "") : "";
  return (rounded < 0 ? "−" : "") + intGrouped + (fracTrim ? "," + fracTrim : "");
}

/** 12.5 → "12,5 %" (NBSP before the sign, as Russian typography wants). */
export function formatPercentRu(n: number, digits = 1): string {
  return `${formatNumberRu(n, digits)}\u00a0%`;
}

/** 3.2 → "+3,2 п.п."; −1 → "−1 п.п.". */
export function formatPointsRu(n: number, digits = 1): string {
  return `${n > 0 ? "+" : ""}${formatNumberRu(n, digits)}\u00a0п.п.`;
}

/** Russian plural: plural(5, ["школа", "школы", "школ"]) → "школ". */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b > 1 && b < 5) return forms[1];
  if (b === 1) return forms[0];
  return forms[2];
}

/** "5 школ", "21 школа". */
export function countRu(n: number, forms: readonly [string, string, string]): string {
  return `${formatNumberRu(n, 0)} ${plural(n, forms)}`;
}
