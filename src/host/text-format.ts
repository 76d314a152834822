/**
 * Where a values write needs the text number format "@". Excel re-interprets typed strings — "=1+1"
 * becomes a formula, "0012" a number, "15.05.2026" a date — so such cells get "@" before their value
 * is set. Sending a whole numberFormat grid for that (one entry per cell) doubled the request of a
 * sheet full of logins (every "edu203389" has a digit); instead each column gets either one "@" per
 * run of consecutive cells (a column of logins is one run) or, when runs are many and short, one
 * column of formats — whichever is fewer bytes.
 */
import type { CellValue } from "../core/values";
import { ACTION_OVERHEAD } from "./payload";
import { looksLikeFormula } from "./rules";

/**
 * Strings Excel would not keep as typed: formulas and DDE (= + - @ tab), numbers and dates (any
 * digit), booleans, error-like "#…" and apostrophe prefixes. Plain words stay in "General" format
 * (a text-formatted cell longer than 255 characters shows #### in older Excel).
 */
export function needsTextFormat(s: string): boolean {
  if (s === "") return false;
  return looksLikeFormula(s) || /[0-9]/.test(s) || /^['#]/.test(s) || /^(?:true|false|истина|ложь)$/i.test(s.trim());
}

/** Rows `top`…`bottom` (0-based within the grid) of column `col` get "@". */
export interface TextRun {
  kind: "run";
  col: number;
  top: number;
  bottom: number;
}

/** Column `col` gets one format per row: "@" or null (null leaves the cell's format unchanged). */
export interface TextColumn {
  kind: "column";
  col: number;
  formats: ("@" | null)[];
}

export type TextFormatPart = TextRun | TextColumn;

/** Request bytes of one run: a range object path with its address and a one-value numberFormat. */
const RUN_BYTES = 2 * ACTION_OVERHEAD + 24;
/** Per row of a column of formats: `["@"],` or `[null],`. */
const COLUMN_ROW_BYTES = 9;

/** The text-format parts for a normalized grid, in column order. */
export function textFormatPlan(grid: readonly (readonly CellValue[])[]): TextFormatPart[] {
  const out: TextFormatPart[] = [];
  const rows = grid.length;
  const width = rows ? grid[0].length : 0;
  for (let c = 0; c < width; c++) {
    const runs: TextRun[] = [];
    let start = -1;
    for (let r = 0; r <= rows; r++) {
      const v = r < rows ? grid[r][c] : null;
      const text = typeof v === "string" && needsTextFormat(v);
      if (text && start < 0) start = r;
      if (!text && start >= 0) {
        runs.push({ kind: "run", col: c, top: start, bottom: r - 1 });
        start = -1;
      }
    }
    if (runs.length === 0) continue;
    const columnBytes = 2 * ACTION_OVERHEAD + rows * COLUMN_ROW_BYTES;
    if (runs.length * RUN_BYTES <= columnBytes) out.push(...runs);
    else {
      const formats = new Array<"@" | null>(rows).fill(null);
      for (const run of runs) for (let r = run.top; r <= run.bottom; r++) formats[r] = "@";
      out.push({ kind: "column", col: c, formats });
    }
  }
  return out;
}

/** Request bytes the parts add (at most what the port sends for them). */
export function textFormatBytes(parts: readonly TextFormatPart[]): number {
  let n = 0;
  for (const p of parts) n += p.kind === "run" ? RUN_BYTES : 2 * ACTION_OVERHEAD + p.formats.length * COLUMN_ROW_BYTES;
  return n;
}
