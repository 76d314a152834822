/**
 * Layout touches the school report needs on top of the summary's sheet renderer: several tables
 * of different shapes share one sheet, so the column widths are the widest any table asks for,
 * long text columns wrap, and each table's conclusion (its description row) is merged across the
 * table and wrapped so that a long sentence neither widens the printed page nor hides in one cell.
 */
import type { SummarySheet } from "../../summary/model/sheets";
import type { Table } from "../../summary/model/table";
import { columnLetters } from "../../core/a1";
import type { WriteOp } from "../../host/port";
import { sheetOps } from "../../summary/write/sheet-ops";
import { tableRows } from "../../summary/write/table-ops";

/** Must match the gap of src/summary/sheet-ops.ts (two blank rows between tables). */
const GAP = 2;
/** Width of a column without its own width: the narrowest default of the summary renderer. */
const FALLBACK_WIDTH = 10;
/** Text columns at least this wide hold sentences and wrap. */
const WRAP_FROM = 30;
const LINE_HEIGHT = 15;
const MAX_HEIGHT = 409;

function widthOf(t: Table, i: number): number {
  return t.columns[i]?.width ?? FALLBACK_WIDTH;
}

export function schoolSheetOps(sheetName: string, sheet: SummarySheet, runId: string): WriteOp[] {
  const ops = sheetOps(sheetName, sheet, runId);
  const columns = Math.max(0, ...sheet.tables.map((t) => t.columns.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...sheet.tables.map((t) => (i < t.columns.length ? widthOf(t, i) : 0))),
  );
  let top = 1;
  for (const t of sheet.tables) {
    const { first, last } = tableRows(t, top);
    if (t.description) {
      const lastCol = columnLetters(Math.max(t.columns.length, 1) - 1);
      const span = t.columns.reduce((s, _, i) => s + widths[i], 0);
      const lines = Math.max(1, Math.ceil((t.description.length * 1.1) / Math.max(span, 20)));
      const row = top + 2;
      if (t.columns.length > 1) ops.push({ op: "merge", sheet: sheetName, address: `A${row}:${lastCol}${row}` });
      ops.push({ op: "format", sheet: sheetName, address: `A${row}`, format: { wrap: true, vAlign: "top" } });
      ops.push({ op: "rowHeight", sheet: sheetName, row, height: Math.min(MAX_HEIGHT, lines * LINE_HEIGHT) });
    }
    if (t.rows.length) {
      const wrapped = t.columns
        .map((c, i) => (c.kind === "text" && widths[i] >= WRAP_FROM ? i : -1))
        .filter((i) => i >= 0);
      if (wrapped.length) {
        ops.push({
          op: "format",
          sheet: sheetName,
          address: `A${first}:${columnLetters(t.columns.length - 1)}${last}`,
          format: { vAlign: "top" },
        });
      }
      for (const i of wrapped) {
        const col = columnLetters(i);
        ops.push({
          op: "format",
          sheet: sheetName,
          address: `${col}${first}:${col}${last}`,
          format: { wrap: true, vAlign: "top" },
        });
      }
      // Hosts do not grow rows for wrapped text written by a program: the height is set from the text.
      if (wrapped.length) {
        t.rows.forEach((r, k) => {
          const lines = Math.max(
            1,
            ...wrapped.map((i) => Math.ceil((String(r[t.columns[i].id] ?? "").length * 1.1) / widths[i])),
          );
          if (lines > 1)
            ops.push({
              op: "rowHeight",
              sheet: sheetName,
              row: first + k,
              height: Math.min(MAX_HEIGHT, lines * LINE_HEIGHT),
            });
        });
      }
    }
    top = last + 1 + GAP;
  }
  if (widths.length) ops.push({ op: "columnWidths", sheet: sheetName, from: "A", widths });
  return ops;
}
