/**
 * Renders a summary sheet: its tables one under another (two blank rows apart), each an Excel
 * table, and native charts anchored to the right of the tables they show. The first table's
 * header row is frozen. Page setup (print-layout.ts): A4 landscape, fitted to the page width only
 * while the scale stays legible; the header repeats on printed pages only on a one-table sheet
 * (never over another table or a chart); each chart with its table starts a new page.
 */
import type { SummarySheet } from "../model/sheets";
import { columnLetters } from "../../core/a1";
import type { WriteOp } from "../../host/port";
import { tableOps, tableRows, tableWidths } from "./table-ops";
import { columnPoints, columnsOnFirstPage, pagePlan, rowHeightFor, wrappedLines } from "./print-layout";
import { MARKER_CELL, markerText } from "../../host/generated";

const GAP = 2;
/** With a five-column table beside it, a chart this wide still fits an A4 landscape page at ≥ 80 %. */
const CHART_WIDTH = 440;
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
export function sheetOps(
  sheetName: string,
  sheet: SummarySheet,
  runId: string,
  opts: { wrapDescriptions?: boolean } = {},
): WriteOp[] {
  const ops: WriteOp[] = [];
  const placed: { top: number; header: number; last: number; columns: number }[] = [];
  let top = 1;
  sheet.tables.forEach((table, i) => {
    ops.push(
      ...tableOps(sheetName, table, {
        tableName: excelTableName(sheet.id, table.id, runId),
        top,
        freezeColumns: i === 0 ? sheet.freezeColumns : undefined,
        print: false,
        // The school report (src/school/write/layout.ts) merges its description rows itself.
        wrapDescription: !!opts.wrapDescriptions,
      }),
    );
    const { header, last: lastData, total } = tableRows(table, top);
    const last = total ?? lastData;
    placed.push({ top, header, last: lastData, columns: table.columns.length });
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
      ...(chart.colors?.length ? { colors: chart.colors } : {}),
    });
  }
  ops.push(...printOps(sheetName, sheet, placed, top - GAP - 1));
  return ops;
}

/** Default width of a column nobody sized (the gap between a table and its chart). */
const GAP_COLUMN_WIDTH = 8.43;

/** Page setup of a sheet whose print area is one table (a printed excerpt of a long data table). */
function excerptPrintOp(sheetName: string, sheet: SummarySheet, widths: readonly number[], top: number): WriteOp {
  const table = sheet.tables[sheet.printTable!];
  const { header, last, total } = tableRows(table, top);
  const n = table.columns.length;
  const plan = pagePlan(widths.slice(0, n).reduce((a, w) => a + columnPoints(w), 0));
  return {
    op: "print",
    sheet: sheetName,
    landscape: true,
    fitToWidth: plan.fitsWidth,
    ...(plan.fitsWidth ? {} : { scale: plan.scale }),
    titleRows: `$${header}:$${header}`,
    area: `A${top}:${columnLetters(n - 1)}${total ?? last}`,
  };
}

function printOps(sheetName: string, sheet: SummarySheet, placed: { top: number }[], bottom: number): WriteOp[] {
  // Tables stacked on one sheet share columns: each column is as wide as the widest table needs.
  const widths: number[] = [];
  for (const t of sheet.tables) tableWidths(t).forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
  const ops: WriteOp[] = [];
  if (sheet.tables.length > 1) ops.push({ op: "columnWidths", sheet: sheetName, from: "A", widths });
  const excerpt = sheet.printTable === undefined ? undefined : placed[sheet.printTable];
  if (excerpt) return [...ops, excerptPrintOp(sheetName, sheet, widths, excerpt.top)];
  const charts = sheet.charts ?? [];
  let widthPt = widths.reduce((a, w) => a + columnPoints(w), 0);
  if (charts.length) {
    const widest = Math.max(...charts.map((c) => sheet.tables[c.table]?.columns.length ?? 0));
    widthPt =
      widths.slice(0, widest).reduce((a, w) => a + columnPoints(w), 0) + columnPoints(GAP_COLUMN_WIDTH) + CHART_WIDTH;
  }
  const plan = pagePlan(widthPt);
  // The marker sentence (row 2) would spill past the table and print pages of its own: it wraps
  // within the first printed page's columns instead.
  const spanned = columnsOnFirstPage(widths);
  if (spanned > 1) {
    const marker = markerText({ date: new Date(2000, 0, 1), profileVersion: "msoko-2026.2" });
    const span = widths.slice(0, spanned).reduce((a, b) => a + b, 0);
    ops.push({ op: "merge", sheet: sheetName, address: `${MARKER_CELL}:${columnLetters(spanned - 1)}2` });
    ops.push({ op: "format", sheet: sheetName, address: MARKER_CELL, format: { wrap: true, vAlign: "top" } });
    const lines = wrappedLines(marker, span);
    if (lines > 1) ops.push({ op: "rowHeight", sheet: sheetName, row: 2, height: rowHeightFor(lines) });
  }
  const header = placed[0] ? tableRows(sheet.tables[0], placed[0].top).header : 0;
  const single = sheet.tables.length === 1 && !charts.length;
  ops.push({
    op: "print",
    sheet: sheetName,
    landscape: true,
    fitToWidth: plan.fitsWidth,
    ...(plan.fitsWidth ? {} : { scale: plan.scale }),
    ...(single && header ? { titleRows: `$${header}:$${header}` } : {}),
    ...(!plan.fitsWidth && sheet.freezeColumns
      ? { titleColumns: `$A:$${columnLetters(sheet.freezeColumns - 1)}` }
      : {}),
    ...(charts.length ? { rowBreaks: placed.slice(1).map((p) => p.top) } : {}),
    // Charts reach past the tables' columns; elsewhere nothing outside the tables is printed.
    ...(!charts.length && widths.length && bottom > 0
      ? { area: `A1:${columnLetters(widths.length - 1)}${bottom}` }
      : {}),
  });
  return ops;
}
