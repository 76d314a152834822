/**
 * Request and response sizes of Office.js, counted the way Excel counts them. Excel on the web
 * refuses any single request or response whose JSON is over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded), and that JSON is UTF-8: a Cyrillic letter is 2 bytes, so a
 * count of characters underestimates Russian sheets by half. Everything a request carries counts —
 * values, formulas, number formats, styles and the addresses of the ranges they go to — so the port
 * sizes each queued action here and syncs before the budget is spent.
 */

/** Bytes per request or response the port stays under: Excel on the web refuses more than 5 MB. */
export const PAYLOAD_BUDGET = 4_000_000;

/**
 * Bytes Office.js adds per queued action besides its arguments: the action record and the object
 * path of the range or object it targets (ids, type codes, method name). Counted on the high side.
 */
export const ACTION_OVERHEAD = 200;

/** UTF-8 length of a string without allocating: 1 byte below U+0080, 2 below U+0800, surrogate pairs 4. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value's JSON, as it travels to or from Excel (undefined counts as null). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/**
 * JSON bytes of one grid row, cell by cell, without building the row's JSON: numbers and booleans
 * by their text, strings with quotes and escapes. Equal to jsonBytes(row) for finite numbers,
 * strings, booleans and null.
 */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += cellBytes(v);
  return n;
}

function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "string") return needsEscape(v) ? jsonBytes(v) : utf8Length(v) + 2;
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  return jsonBytes(v);
}

/** Quotes, backslashes and control characters take more than their own bytes in JSON. */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * Splits rows 0…rows.length-1 into consecutive blocks whose JSON (plus `perRow` bytes each) stays
 * within `budget`. A single row over the budget forms a block of its own (Excel then decides).
 * Returns [start, end) pairs.
 */
export function rowBlocks(rows: readonly (readonly unknown[])[], budget: number, perRow = 0): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 2;
  for (let i = 0; i < rows.length; i++) {
    const b = rowBytes(rows[i]) + 1 + perRow;
    if (i > start && size + b > budget) {
      out.push([start, i]);
      start = i;
      size = 2;
    }
    size += b;
  }
  if (rows.length > start) out.push([start, rows.length]);
  return out;
}
