/**
 * Renders a core `Table` as workbook operations: title, generated-sheet marker, an Excel table
 * with Russian headers, values for data columns and native formulas for computed ones, number
 * formats by column kind, conditional colours, frozen header and print setup.
 * Layout: row 1 title, row 2 marker, row 3 description, row 5 header, data from row 6.
 */
import { formulaRows, type CellData, type ColumnKind, type Highlight, type Table } from "../model/table";
import { columnLetters as columnLetter } from "../../core/a1";
import type { WriteOp } from "../../host/port";
import { columnsOnFirstPage, headerLines, headerWidth, rowLines, wrappedColumns } from "./print-layout";
import { rowHeightFor, wrappedLines } from "../../host/text-lines";

export const HEADER_ROW = 5;
export const FIRST_DATA_ROW = 6;

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: "@",
  // Counts from 10 000 get the thousands separator (Excel and LibreOffice print a space in the
  // Russian locale: «16 850»); four digits stay whole, as Russian typography allows, so years read «2026».
  integer: "[<10000]0;#,##0",
  number: "0.00",
  percent: '0.0" %"',
  points: '+0.0" п.п.";-0.0" п.п.";0.0" п.п."',
  score: "0.0",
  mark: "0.00",
  date: "dd.mm.yyyy",
};

const DEFAULT_WIDTH: Record<ColumnKind, number> = {
  text: 18,
  integer: 10,
  number: 10,
  percent: 12,
  points: 12,
  score: 9,
  mark: 9,
  date: 11,
};

export const TONE_FILL: Record<Highlight["tone"], string> = { bad: "#F8CBAD", warn: "#FFE699", good: "#C6EFCE" };

const HEADER_FILL = "#1F5AA6";
const TOTAL_FILL = "#D9E1F2";
const FORMULA_FONT = "#1F3864";

export interface TableOpsOptions {
  /** Excel table name: ASCII letters, digits, underscore; unique in the workbook. */
  tableName: string;
  /** Text for row 2; omit on generated sheets, where the marker goes (src/host/generated.ts). */
  marker?: string;
  /** First row of the block (default 1); lets a sheet hold several tables one under another. */
  top?: number;
  /** Frozen columns besides the header row. */
  freezeColumns?: number;
  /**
   * Page setup of a table at the top of its sheet (default). sheet-ops.ts passes false and sets up
   * the page for the whole sheet itself.
   */
  print?: boolean;
  /** Merge the description over the first printed page's columns and wrap it (callers that lay out row 3 themselves leave it off). */
  wrapDescription?: boolean;
  /**
   * The sheet's column widths when several tables share its columns (sheet-ops.ts): wrapping and
   * row heights follow the widths as printed, not the table's own.
   */
  widths?: readonly number[];
}

/** Column widths as written: the given or default width, widened so a header word never breaks. */
export function tableWidths(table: Table): number[] {
  return table.columns.map((c) => headerWidth(c, c.width ?? DEFAULT_WIDTH[c.kind]));
}

/** Row number of the header and of the last data row of a table written at `top`. */
export function tableRows(table: Table, top = 1): { header: number; first: number; last: number; total?: number } {
  const header = top + HEADER_ROW - 1;
  const n = Math.max(table.rows.length, 1);
  return {
    header,
    first: header + 1,
    last: header + n,
    ...(table.total && table.rows.length ? { total: header + n + 1 } : {}),
  };
}

function dataValue(v: CellData): CellData {
  return v === undefined ? null : v;
}

export function tableOps(sheet: string, table: Table, opts: TableOpsOptions): WriteOp[] {
  const top = opts.top ?? 1;
  const cols = table.columns;
  const lastCol = columnLetter(cols.length - 1);
  const { header, first, last } = tableRows(table, top);
  const colIndex = new Map(cols.map((c, i) => [c.id, i]));
  const columnOf = (id: string) => {
    const i = colIndex.get(id);
    if (i === undefined) throw new Error(`Формула таблицы «${table.id}» ссылается на неизвестный столбец ${id}`);
    return columnLetter(i);
  };
  const ops: WriteOp[] = [
    { op: "values", sheet, address: `A${top}`, values: [[table.title]] },
    { op: "format", sheet, address: `A${top}`, format: { bold: true, fontSize: top === 1 ? 14 : 12 } },
  ];
  if (opts.marker) {
    ops.push({ op: "values", sheet, address: `A${top + 1}`, values: [[opts.marker]] });
    ops.push({
      op: "format",
      sheet,
      address: `A${top + 1}`,
      format: { italic: true, fontColor: "#7F7F7F", fontSize: 9 },
    });
  }
  const widths = opts.widths ? opts.widths.slice(0, table.columns.length) : tableWidths(table);
  if (table.description) {
    ops.push({ op: "values", sheet, address: `A${top + 2}`, values: [[table.description]] });
    ops.push({ op: "format", sheet, address: `A${top + 2}`, format: { italic: true, fontColor: "#404040" } });
    // Merged over the table's width and wrapped, so the printed page shows the whole sentence.
    // Only over the columns of the first printed page: a wider table prints across several pages.
    const spanned = columnsOnFirstPage(widths);
    if (opts.wrapDescription && spanned > 1) {
      const span = widths.slice(0, spanned).reduce((a, b) => a + b, 0);
      ops.push({ op: "merge", sheet, address: `A${top + 2}:${columnLetter(spanned - 1)}${top + 2}` });
      ops.push({ op: "format", sheet, address: `A${top + 2}`, format: { wrap: true, vAlign: "top" } });
      const lines = wrappedLines(table.description, span);
      if (lines > 1) ops.push({ op: "rowHeight", sheet, row: top + 2, height: rowHeightFor(lines) });
    }
  }
  ops.push({ op: "values", sheet, address: `A${header}`, values: [cols.map((c) => c.header)] });

  // Plain loops: a region's tables have tens of thousands of rows (issue 23).
  const ids = cols.map((c) => (c.formula ? null : c.id));
  const rows: CellData[][] = table.rows.length
    ? new Array<CellData[]>(table.rows.length)
    : [cols.map((_, i) => (i === 0 ? "Нет данных" : null))];
  for (let r = 0; r < table.rows.length; r++) {
    const source = table.rows[r];
    const line = new Array<CellData>(ids.length);
    for (let c = 0; c < ids.length; c++) {
      const id = ids[c];
      line[c] = id === null ? null : dataValue(source[id] ?? null);
    }
    rows[r] = line;
  }
  ops.push({ op: "values", sheet, address: `A${first}`, values: rows });

  if (table.rows.length) {
    cols.forEach((c, i) => {
      if (!c.formula) return;
      const formulaAt = formulaRows(c.formula!, columnOf);
      const formulas = table.rows.map((_, r) => ["=" + formulaAt(first + r)]);
      ops.push({ op: "formulas", sheet, address: `${columnLetter(i)}${first}`, formulas });
      ops.push({
        op: "format",
        sheet,
        address: `${columnLetter(i)}${first}:${columnLetter(i)}${last}`,
        format: { fontColor: FORMULA_FONT },
      });
    });
  }

  ops.push({
    op: "table",
    sheet,
    address: `A${header}:${lastCol}${last}`,
    name: opts.tableName,
    style: "TableStyleLight9",
  });
  ops.push({
    op: "format",
    sheet,
    address: `A${header}:${lastCol}${header}`,
    format: { bold: true, fill: HEADER_FILL, fontColor: "#FFFFFF", wrap: true, vAlign: "center" },
  });
  cols.forEach((c, i) => {
    const range = `${columnLetter(i)}${first}:${columnLetter(i)}${last}`;
    ops.push({ op: "format", sheet, address: range, format: { numberFormat: NUMBER_FORMATS[c.kind] } });
    if (c.rowKinds) ops.push(...rowKindOps(sheet, columnLetter(i), first, c.kind, c.rowKinds));
    const highlights = [...(c.highlight ? [c.highlight] : []), ...(c.highlights ?? [])];
    if (table.rows.length)
      for (const h of highlights) {
        ops.push({
          op: "conditionalFormat",
          sheet,
          address: range,
          rule: {
            kind: "cellValue",
            operator: h.operator,
            formula1: typeof h.value === "number" ? String(h.value) : `"${h.value}"`,
            fill: TONE_FILL[h.tone],
          },
        });
      }
  });
  if (table.total && table.rows.length) {
    const total = table.total;
    const row = last + 1;
    ops.push({ op: "values", sheet, address: `A${row}`, values: [cols.map((c) => dataValue(total[c.id] ?? null))] });
    ops.push({
      op: "format",
      sheet,
      address: `A${row}:${lastCol}${row}`,
      format: { bold: true, fill: TOTAL_FILL, borders: true },
    });
    cols.forEach((c, i) => {
      ops.push({
        op: "format",
        sheet,
        address: `${columnLetter(i)}${row}`,
        format: { numberFormat: NUMBER_FORMATS[c.kind] },
      });
    });
  }
  ops.push({ op: "columnWidths", sheet, from: "A", widths });
  ops.push({ op: "rowHeight", sheet, row: header, height: rowHeightFor(headerLines(table, widths)) });
  // A column the table's own widths wrap stays wrapped when the sheet makes it wider.
  const own = opts.widths ? wrappedColumns(table, tableWidths(table)) : [];
  const wrapped = wrappedColumns(table, widths).map((w, i) => w || !!own[i]);
  // Cells of a row with a wrapped text start at its top line, so the row reads across.
  if (wrapped.some(Boolean))
    ops.push({ op: "format", sheet, address: `A${first}:${lastCol}${last}`, format: { vAlign: "top" } });
  wrapped.forEach((w, i) => {
    if (w)
      ops.push({
        op: "format",
        sheet,
        address: `${columnLetter(i)}${first}:${columnLetter(i)}${last}`,
        format: { wrap: true, vAlign: "top" },
      });
  });
  // Excel does not grow rows written by a program: each row gets the height its longest text needs.
  if (wrapped.some(Boolean)) {
    rowLines(table, widths, wrapped).forEach((lines, r) => {
      if (lines > 1) ops.push({ op: "rowHeight", sheet, row: first + r, height: rowHeightFor(lines) });
    });
  }
  if (top === 1 && opts.print !== false) {
    ops.push({ op: "freeze", sheet, rows: header, columns: opts.freezeColumns ?? 0 });
    ops.push({ op: "print", sheet, landscape: true, fitToWidth: true, titleRows: `$${header}:$${header}` });
  }
  return ops;
}

/** Number formats of runs of rows whose kind differs from the column's: one request per run, not per cell. */
function rowKindOps(
  sheet: string,
  col: string,
  first: number,
  columnKind: ColumnKind,
  kinds: readonly ColumnKind[],
): WriteOp[] {
  const ops: WriteOp[] = [];
  let start = 0;
  for (let i = 1; i <= kinds.length; i++) {
    if (i < kinds.length && kinds[i] === kinds[start]) continue;
    if (kinds[start] !== columnKind) {
      ops.push({
        op: "format",
        sheet,
        address: `${col}${first + start}:${col}${first + i - 1}`,
        format: { numberFormat: NUMBER_FORMATS[kinds[start]] },
      });
    }
    start = i;
  }
  return ops;
}
