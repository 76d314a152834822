/**
 * The workbook port: everything the add-in does to a workbook, as one interface with two
 * implementations — officejs.ts (Excel, the only code that calls Excel.run) and memory.ts (an
 * in-memory workbook for the browser preview and tests).
 *
 * Writes are declarative batches: a WriteBatch is applied in one Excel.run with as few
 * context.sync() calls as possible. Reads return plain grids (rows of cell values from A1), the
 * same shape exceljs gives in Node, so src/form and src/fisoko work on both.
 *
 * Text is never turned into a formula: `values` strings are written as text even when they start
 * with "=", "+", "-" or "@" (formula injection); formulas go through `formulas` only.
 */
import type { CellValue } from "../core/values";

/** Rows of cells starting at A1 of the sheet (or at the batch address). */
export type Grid = CellValue[][];

export interface SheetInfo {
  name: string;
  position: number;
  visibility: "visible" | "hidden" | "veryHidden";
}

export interface SheetRead {
  name: string;
  /** Values of the used range, padded so that values[0][0] is A1. */
  values: Grid;
  /** Formulas in the same shape, when requested ("" or the value where a cell has none). */
  formulas?: Grid;
  /** Merged areas in A1 notation, e.g. "A1:C1". */
  merges: string[];
  /** Russian notices about what could not be read (e.g. merged areas Excel refused to list). */
  notices?: string[];
}

/** What a recalculation request did. */
export interface RecalcResult {
  /** False when this Excel cannot be asked to recalculate (the user is told how to do it). */
  recalculated: boolean;
}

export type HAlign = "left" | "center" | "right";
export type VAlign = "top" | "center" | "bottom";

export interface CellFormat {
  /** Number format in Excel's en-US notation, e.g. '0.0" %"', "0", "@", "dd.mm.yyyy". */
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" */
  fill?: string;
  wrap?: boolean;
  hAlign?: HAlign;
  vAlign?: VAlign;
  /** Thin borders around every cell of the range. */
  borders?: boolean;
  /** Cell protection flag (used by the form: input cells unlocked). */
  locked?: boolean;
}

export type ChartType = "columnClustered" | "barClustered" | "line" | "pie" | "columnStacked100" | "barStacked100";

export interface ConditionalRule {
  /** cellValue: compare with formula1 (and formula2 for between); expression: a formula true/false. */
  kind: "cellValue" | "expression" | "dataBar" | "colorScale";
  operator?: "greaterThan" | "greaterThanOrEqual" | "lessThan" | "lessThanOrEqual" | "equal" | "notEqual" | "between";
  formula1?: string;
  formula2?: string;
  fill?: string;
  fontColor?: string;
  /** For colorScale: minimum, midpoint and maximum colours. */
  colors?: [string, string, string];
}

export type WriteOp =
  /** Creates a sheet; fails if it exists. */
  | { op: "addSheet"; name: string; position?: number; tabColor?: string }
  | { op: "deleteSheet"; name: string }
  | { op: "renameSheet"; from: string; to: string }
  | { op: "sheetVisibility"; name: string; visibility: SheetInfo["visibility"] }
  /** Writes values from the top-left address; strings are always text. */
  | { op: "values"; sheet: string; address: string; values: Grid }
  /** Writes formulas (en-US syntax, "=SUM(A1:A3)") or constants from the top-left address. */
  | { op: "formulas"; sheet: string; address: string; formulas: Grid }
  | { op: "format"; sheet: string; address: string; format: CellFormat }
  | { op: "merge"; sheet: string; address: string }
  /** Widths in characters of the default font, from the given column letter. */
  | { op: "columnWidths"; sheet: string; from: string; widths: number[] }
  | { op: "rowHeight"; sheet: string; row: number; height: number }
  | { op: "freeze"; sheet: string; rows: number; columns: number }
  /** An Excel table (ListObject) over address, first row headers. */
  | { op: "table"; sheet: string; address: string; name: string; style?: string; totals?: boolean }
  | { op: "validationList"; sheet: string; address: string; list: string[]; prompt?: string; error?: string }
  | {
      op: "validationNumber";
      sheet: string;
      address: string;
      kind: "whole" | "decimal";
      min?: number;
      max?: number;
      prompt?: string;
      error?: string;
    }
  | { op: "conditionalFormat"; sheet: string; address: string; rule: ConditionalRule }
  /** `colors` ("#RRGGBB"): of the slices in category order for a pie, of the series in order otherwise. */
  | {
      op: "chart";
      sheet: string;
      type: ChartType;
      source: string;
      title: string;
      anchor: string;
      width?: number;
      height?: number;
      seriesBy?: "rows" | "columns";
      colors?: string[];
    }
  /**
   * Page setup (A4). `scale` (percent) applies when not fitted to width; `titleColumns` ("$A:$B") repeat
   * on every page across; `rowBreaks` are rows that start a new printed page.
   */
  | {
      op: "print";
      sheet: string;
      landscape?: boolean;
      fitToWidth?: boolean;
      titleRows?: string;
      area?: string;
      scale?: number;
      titleColumns?: string;
      rowBreaks?: number[];
    }
  | { op: "protect"; sheet: string; allowFormatting?: boolean };

export interface WriteBatch {
  ops: WriteOp[];
}

/** What the running Excel supports beyond the manifest's base requirements (isSetSupported). */
export interface Capabilities {
  tables: boolean;
  conditionalFormatting: boolean;
  dataValidation: boolean;
  charts: boolean;
  freezePanes: boolean;
  mergedAreas: boolean;
  pageLayout: boolean;
}

export interface WorkbookPort {
  /** "xlsx": the exceljs port of the CLI (src/cli/xlsx). */
  readonly kind: "officejs" | "memory" | "xlsx";
  listSheets(): Promise<SheetInfo[]>;
  /**
   * Reads sheets (officejs: in row blocks, each response under ~4 MB); a missing sheet is absent
   * from the result.
   */
  readSheets(names: string[], opts?: { formulas?: boolean }): Promise<SheetRead[]>;
  /**
   * Reads a few ranges (e.g. the marker row of candidate sheets) in one round trip, without
   * loading whole sheets; null for a missing sheet. Optional: callers fall back to readSheets.
   */
  readRanges?(requests: { sheet: string; address: string }[], opts?: { formulas?: boolean }): Promise<(Grid | null)[]>;
  /**
   * Applies a batch. Ops run in order; the whole batch is first checked against Excel's rules
   * (a failing batch changes no sheet). officejs syncs for sheet names first, then sends the ops
   * in as few syncs as their UTF-8 size allows (~4 MB each; Excel on the web refuses over 5 MB). Ops a client cannot do (see capabilities) are skipped
   * and reported in the returned notices (Russian), never thrown; broken rules throw a Russian
   * Error naming the sheet and cell.
   */
  write(batch: WriteBatch): Promise<{ notices: string[] }>;
  activate(sheet: string): Promise<void>;
  /** Selects a cell or range and scrolls to it. */
  select(sheet: string, address: string): Promise<void>;
  /** The selected sheet and address. */
  selection(): Promise<{ sheet: string; address: string }>;
  capabilities(): Promise<Capabilities>;
  /** Workbook file name when known ("" in the preview). */
  fileName(): Promise<string>;
  /**
   * Recalculates every formula of the workbook (Application.calculate(full) in Excel): custom
   * functions are not volatile, so after a methodology or reporting-date change their cells keep
   * old results until recalculated. Optional: a port without formulas (xlsx) has none.
   */
  recalculate?(): Promise<RecalcResult>;
  /**
   * Opens a new empty workbook for a product that must not land in this one (a summary built from
   * a school's form). Returns the new book's port when this pane can write into it (the preview),
   * null when Excel opened it in a window of its own (Excel.createWorkbook, ExcelApi 1.8: an add-in
   * runs in the book it was opened from), and throws a Russian Error when the host cannot.
   * Optional: the CLI writes files instead.
   */
  openNewWorkbook?(): Promise<WorkbookPort | null>;
}
