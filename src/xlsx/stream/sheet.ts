/**
 * One sheet of a streamed workbook while it is being filled: cell values (formulas apart) and
 * style indexes row by row, column widths, row heights, merges, tables, conditional formats,
 * frozen panes, page setup and charts. `render` turns it into the worksheet XML in chunks, so
 * the caller can compress it as it goes and drop the sheet.
 */
import type ExcelJS from "exceljs";
import { columnLetters, formatCell, formatRange, type RangePos } from "../../core/a1";
import type { ConditionalRule, WriteOp } from "../../host/port";
import type { ChartSheet } from "../exceljs/charts";
import { escapeXml } from "../exceljs/chart-xml";
import type { StyleTable } from "./styles";
import { ByteChunks } from "./bytes";

export type Primitive = string | number | boolean | null;

export interface RowModel {
  /** Values by column index; a formula cell holds null here. */
  v: Primitive[];
  /** Style (xf) indexes by column; 0 or absent = default. */
  s: number[];
  /** Formulas (without "=") by column, only in rows that have any. */
  f?: (string | undefined)[];
  height?: number;
  /** A manual page break before this row. */
  breakBefore?: boolean;
}

export interface TableModel {
  id: number;
  name: string;
  ref: RangePos;
  columns: string[];
  style: string;
  totals: boolean;
}

export interface PrintModel {
  landscape?: boolean;
  fitToWidth?: boolean;
  scale?: number;
  /** "5:5" */
  titleRows?: string;
  /** "A:B" */
  titleColumns?: string;
  area?: RangePos;
}

export class OpenSheet implements ChartSheet {
  readonly rows: (RowModel | undefined)[] = [];
  readonly widths: (number | undefined)[] = [];
  readonly merges: RangePos[] = [];
  readonly tables: TableModel[] = [];
  readonly conditional: { ref: RangePos; rule: ConditionalRule; dxf: number }[] = [];
  readonly charts: Extract<WriteOp, { op: "chart" }>[] = [];
  freeze?: { rows: number; columns: number };
  print?: PrintModel;
  protect?: { allowFormatting: boolean };
  readonly validations: { ref: RangePos; xml: string }[] = [];
  readonly properties = { defaultColWidth: undefined, defaultRowHeight: undefined };

  constructor(public name: string) {}

  row(r: number): RowModel {
    let row = this.rows[r];
    if (!row) {
      row = { v: [], s: [] };
      this.rows[r] = row;
    }
    return row;
  }

  setValue(r: number, c: number, v: Primitive): void {
    putValue(this.row(r), c, v);
  }

  get rowCount(): number {
    return this.rows.length;
  }

  findCell(row: number, col: number): { value: ExcelJS.CellValue } | undefined {
    const r = this.rows[row - 1];
    if (!r || r.f?.[col - 1] !== undefined) return undefined;
    const v = r.v[col - 1];
    return v === undefined ? undefined : { value: v };
  }

  getColumn(col: number): { width?: number } {
    return { width: this.widths[col - 1] };
  }

  findRow(row: number): { height?: number } | undefined {
    return this.rows[row - 1];
  }
}

/** A value into cell `c` of a row; a formula there goes. */
export function putValue(row: RowModel, c: number, v: Primitive): void {
  row.v[c] = v;
  if (row.f !== undefined && row.f[c] !== undefined) row.f[c] = undefined;
}

/** A formula (without «=») into cell `c` of a row; its value is left blank. */
export function putFormula(row: RowModel, c: number, f: string): void {
  row.v[c] = null;
  (row.f ??= [])[c] = f;
}

/** Shared strings of the whole workbook: a cell holds the index of its text. */
export interface StringTable {
  id(text: string): number;
}

/** Chunks of worksheet XML; `rels` are the sheet's relationships (tables, drawing) by id. */
export function* renderSheet(
  sheet: OpenSheet,
  styles: StyleTable,
  strings: StringTable,
  parts: { tables: string[]; drawing?: string; tabSelected: boolean },
): Generator<string | Uint8Array> {
  let maxCol = 0;
  for (const row of sheet.rows) if (row) maxCol = Math.max(maxCol, row.v.length, row.s.length, row.f?.length ?? 0);
  const lastRow = sheet.rows.length;
  const fitToPage = sheet.print?.fitToWidth;
  yield (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    (fitToPage ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
    `<dimension ref="${lastRow && maxCol ? `A1:${formatCell({ row: lastRow - 1, col: maxCol - 1 })}` : "A1"}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${parts.tabSelected ? ' tabSelected="1"' : ""}>${paneXml(sheet.freeze)}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    colsXml(sheet.widths) +
    `<sheetData>`
  );
  // Cells written as bytes (bytes.ts), in chunks of about 256 KB (issue 23).
  const out = new ByteChunks(1 << 18);
  // Cell openings and style attributes made once per sheet, not once per cell (issue 23).
  // «<c r="AB» per column and «" s="5"» per style: a cell is four or five writes (issue 23).
  const cellOpen: string[] = [];
  for (let c = 0; c < maxCol; c++) cellOpen.push(`<c r="${columnLetters(c)}`);
  const styleAttrs: string[] = ['"'];
  for (let r = 0; r < lastRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const n = r + 1;
    out.ascii('<row r="');
    out.number(n);
    if (row.height !== undefined) {
      out.ascii('" ht="');
      out.ascii(String(row.height));
      out.ascii('" customHeight="1">');
    } else out.ascii('">');
    const width = Math.max(row.v.length, row.s.length, row.f?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const v = row.v[c];
      const s = row.s[c] ?? 0;
      const f = row.f?.[c];
      if ((v === undefined || v === null) && f === undefined && !s) {
        if (v === null) {
          out.ascii(cellOpen[c]);
          out.number(n);
          out.ascii('"/>');
        }
        continue;
      }
      out.ascii(cellOpen[c]);
      out.number(n);
      out.ascii((styleAttrs[s] ??= `" s="${s}"`));
      if (f !== undefined) {
        out.ascii("><f>");
        out.escaped(f);
        out.ascii("</f></c>");
      } else if (v === undefined || v === null) out.ascii("/>");
      else if (typeof v === "number") {
        out.ascii("><v>");
        out.number(v);
        out.ascii("</v></c>");
      } else if (typeof v === "boolean") out.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
      else {
        out.ascii(' t="s"><v>');
        out.number(strings.id(v));
        out.ascii("</v></c>");
      }
    }
    out.ascii("</row>");
    if (out.length > 1 << 18) yield out.take();
  }
  out.ascii("</sheetData>");
  yield out.take();
  let tail = "";
  if (sheet.protect) {
    const fmt = sheet.protect.allowFormatting ? ' formatCells="0" formatColumns="0" formatRows="0"' : "";
    tail += `<sheetProtection sheet="1" objects="1" scenarios="1"${fmt}/>`;
  }
  if (sheet.merges.length)
    tail += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${formatRange(m)}"/>`).join("")}</mergeCells>`;
  sheet.conditional.forEach((c, i) => {
    tail += `<conditionalFormatting sqref="${formatRange(c.ref)}">${cfRuleXml(c.rule, c.dxf, i + 1)}</conditionalFormatting>`;
  });
  if (sheet.validations.length)
    tail += `<dataValidations count="${sheet.validations.length}">${sheet.validations.map((v) => v.xml).join("")}</dataValidations>`;
  tail += `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const p = sheet.print;
  if (p) {
    tail +=
      `<pageSetup paperSize="9"${p.landscape !== undefined ? ` orientation="${p.landscape ? "landscape" : "portrait"}"` : ""}` +
      `${p.scale !== undefined && !p.fitToWidth ? ` scale="${p.scale}"` : ""}${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
  }
  const breaks: number[] = [];
  sheet.rows.forEach((row, r) => {
    if (row?.breakBefore) breaks.push(r);
  });
  if (breaks.length)
    tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  if (parts.drawing) tail += `<drawing r:id="${parts.drawing}"/>`;
  if (parts.tables.length)
    tail += `<tableParts count="${parts.tables.length}">${parts.tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  yield tail + `</worksheet>`;
}

function paneXml(freeze: OpenSheet["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return "";
  const pane = freeze.rows > 0 && freeze.columns > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
  const topLeft = formatCell({ row: freeze.rows, col: freeze.columns });
  return (
    `<pane${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ""}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""}` +
    ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

function colsXml(widths: readonly (number | undefined)[]): string {
  const cols: string[] = [];
  widths.forEach((w, i) => {
    if (w !== undefined) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  return cols.length ? `<cols>${cols.join("")}</cols>` : "";
}

function bare(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

function cfRuleXml(rule: ConditionalRule, dxf: number, priority: number): string {
  const f = (x: string | undefined) => (x === undefined ? "" : `<formula>${escapeXml(bare(x))}</formula>`);
  switch (rule.kind) {
    case "cellValue":
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${rule.operator}">${f(rule.formula1)}${rule.operator === "between" ? f(rule.formula2) : ""}</cfRule>`;
    case "expression":
      return `<cfRule type="expression" dxfId="${dxf}" priority="${priority}">${f(rule.formula1)}</cfRule>`;
    case "dataBar":
      return `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${rgb(rule.fill ?? "#638EC6")}"/></dataBar></cfRule>`;
    case "colorScale": {
      const [lo, mid, hi] = rule.colors ?? ["#F8696B", "#FFEB84", "#63BE7B"];
      return `<cfRule type="colorScale" priority="${priority}"><colorScale><cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/><color rgb="${rgb(lo)}"/><color rgb="${rgb(mid)}"/><color rgb="${rgb(hi)}"/></colorScale></cfRule>`;
    }
  }
}

function rgb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** xl/tables/tableN.xml */
export function tableXml(t: TableModel): string {
  const ref = formatRange(t.ref);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${t.id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${ref}"${t.totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"'} headerRowCount="1">` +
    `<autoFilter ref="${t.totals ? formatRange({ ...t.ref, bottom: t.ref.bottom - 1 }) : ref}"/>` +
    `<tableColumns count="${t.columns.length}">${t.columns
      .map((name, i) => {
        const totals = t.totals
          ? i === 0
            ? ' totalsRowLabel="Итог"'
            : i === t.columns.length - 1
              ? ' totalsRowFunction="sum"'
              : ""
          : "";
        return `<tableColumn id="${i + 1}" name="${escapeXml(name)}"${totals}/>`;
      })
      .join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
