/**
 * Renders a summary sheet: its tables one under another (two blank rows apart), each an Excel
 * table, and native charts anchored to the right of the tables they show. The first table's
 * header row is frozen and repeated on printed pages.
 */
import type { SummarySheet } from "../model/sheets";
import { columnLetters } from "../../core/a1";
import type { WriteOp } from "../../host/port";
import { tableOps, tableRows } from "./table-ops";

const GAP = 2;
const CHART_WIDTH = 480;
const CHART_HEIGHT = 280;
/** Rows a chart of CHART_HEIGHT points covers at Excel's default row height (15 pt). */
const CHART_ROWS = Math.ceil(CHART_HEIGHT / 15);

/**
 * Excel table names are unique per workbook, and a new summary is written while the previous one
 * still exists (all-or-nothing replacement), so names carry the run's id.
 */
export function excelTableName(sheetId: string, tableId: string, runId: string): string {
  return `msoko_${sheetId}_${tableId}_${runId}`.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Row 2 stays free: writeGeneratedSheets (src/host/generated.ts) puts the marker there. */
export function sheetOps(sheetName: string, sheet: SummarySheet, runId: string): WriteOp[] {
  const ops: WriteOp[] = [];
  const placed: { top: number; header: number; last: number; columns: number }[] = [];
  let top = 1;
  sheet.tables.forEach((table, i) => {
    ops.push(
      ...tableOps(sheetName, table, {
        tableName: excelTableName(sheet.id, table.id, runId),
        top,
        freezeColumns: i === 0 ? sheet.freezeColumns : undefined,
      }),
    );
    const { header, last } = tableRows(table, top);
    placed.push({ top, header, last, columns: table.columns.length });
    // A chart beside a short table is taller than the table: the next table starts below the chart.
    const charted = (sheet.charts ?? []).some((c) => c.table === i);
    top = Math.max(last + 1, charted ? top + CHART_ROWS : 0) + GAP;
  });
  for (const chart of sheet.charts ?? []) {
    const p = placed[chart.table];
    if (!p) continue;
    ops.push({
      op: "chart",
      sheet: sheetName,
      type: chart.type,
      title: chart.title,
      source: `A${p.header}:${columnLetters(p.columns - 1)}${p.last}`,
      anchor: `${columnLetters(p.columns + 1)}${p.top}`,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      seriesBy: "columns",
    });
  }
  return ops;
}
