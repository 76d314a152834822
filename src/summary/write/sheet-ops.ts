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
import { columnPoints, columnsOnFirstPage, fitWidths, narrowestWidths, pagePlan } from "./print-layout";
import { rowHeightFor, wrappedLines } from "../../host/text-lines";
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
  opts: { wrapDescriptions?: boolean; fitPage?: boolean } = {},
): WriteOp[] {
  const ops: WriteOp[] = [];
  const widths = sheetWidths(sheet, !!opts.fitPage);
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
        ...(opts.fitPage ? { widths } : {}),
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
  ops.push(...printOps(sheetName, sheet, placed, top - GAP - 1, widths));
  return ops;
}

/** Default width of a column nobody sized (the gap between a table and its chart). */
const GAP_COLUMN_WIDTH = 8.43;

/**
 * Page setup of a sheet whose print area is its last tables (printed excerpts of long data tables):
 * from the first printed table's title to the last one's end; the header repeats when one table prints.
 */
function excerptPrintOp(
  sheetName: string,
  sheet: SummarySheet,
  widths: readonly number[],
  placed: readonly { top: number }[],
): WriteOp {
  const from = sheet.printTable!;
  const printed = sheet.tables.slice(from);
  const top = placed[from].top;
  const { header } = tableRows(printed[0], top);
  const lastTable = printed[printed.length - 1];
  const { last, total } = tableRows(lastTable, placed[sheet.tables.length - 1].top);
  const n = Math.max(...printed.map((t) => t.columns.length));
  const plan = pagePlan(widths.slice(0, n).reduce((a, w) => a + columnPoints(w), 0));
  return {
    op: "print",
    sheet: sheetName,
    landscape: true,
    fitToWidth: plan.fitsWidth,
    ...(plan.fitsWidth ? {} : { scale: plan.scale }),
    ...(printed.length === 1 ? { titleRows: `$${header}:$${header}` } : {}),
    area: `A${top}:${columnLetters(n - 1)}${total ?? last}`,
  };
}

/**
 * Tables stacked on one sheet share columns: each column is as wide as the widest table needs.
 * With `fit`, a sheet printed whole (no excerpt, no charts) that is wider than the page at the
 * legible scale gets its sentence columns narrowed until it fits (print-layout.ts fitWidths).
 */
function sheetWidths(sheet: SummarySheet, fit: boolean): number[] {
  const widths: number[] = [];
  const floors: number[] = [];
  for (const t of sheet.tables) {
    const own = tableWidths(t);
    own.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
    narrowestWidths(t, own).forEach((w, i) => (floors[i] = Math.max(floors[i] ?? 0, w)));
  }
  if (!fit || sheet.printTable !== undefined || sheet.charts?.length) return widths;
  return fitWidths(widths, floors);
}

function printOps(
  sheetName: string,
  sheet: SummarySheet,
  placed: { top: number }[],
  bottom: number,
  widths: number[],
): WriteOp[] {
  const ops: WriteOp[] = [];
  if (sheet.tables.length > 1) ops.push({ op: "columnWidths", sheet: sheetName, from: "A", widths });
  if (sheet.printTable !== undefined && placed[sheet.printTable])
    return [...ops, excerptPrintOp(sheetName, sheet, widths, placed)];
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
