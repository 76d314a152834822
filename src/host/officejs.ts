/**
 * The workbook port over Office.js — the ONLY module that calls `Excel.run`. Round trips to
 * Excel are the cost that matters (each `context.sync()` crosses to the host, over the network in
 * Excel on the web), and Excel on the web refuses any request or response over 5 MB, so:
 * - a write is one `Excel.run`: the first sync loads sheet names and visibility (and table names
 *   when the batch creates tables), so Excel's rules are checked up front with Russian messages;
 *   then the ops are sent, as few syncs as the UTF-8 size of what they carry allows (~4 MB each,
 *   see payload.ts); large grids go in row blocks. Nothing syncs per op.
 * - reads load only `values` (and `formulas` when asked) in row blocks sized by bytes, plus merged
 *   areas where the client can (officejs-read.ts).
 * - text that Excel would re-interpret (a leading = + - @ or tab, numbers, dates, TRUE) gets the
 *   text number format "@" before its value is set — per run of cells, not a whole grid
 *   (text-format.ts) — so it is stored as text and never becomes a formula (formula injection);
 *   formulas go only through `formulas` ops.
 * Ops the running Excel cannot do (see capabilities) are skipped with a Russian notice; Excel's
 * error codes become Russian messages (excel-errors.ts).
 */
import { countRu, type CellValue } from "../core/values";
import {
  columnIndex,
  columnLetters,
  formatRange,
  parseCell,
  parseQualified,
  parseRange,
  qualify,
  rangeFrom,
  rangeSize,
} from "../core/a1";
import { excelError } from "./excel-errors";
import { MAX_READ_CELLS, readSheetsInBlocks, splitAreas } from "./officejs-read";
import { ACTION_OVERHEAD, PAYLOAD_BUDGET, jsonBytes, rowBlocks, rowBytes, utf8Length } from "./payload";
import type {
  Capabilities,
  CellFormat,
  ChartType,
  ConditionalRule,
  Grid,
  RecalcResult,
  SheetInfo,
  SheetRead,
  WorkbookPort,
  WriteBatch,
  WriteOp,
} from "./port";
import { ACTIONS, checkBatch, checkCells, filterByCapabilities, normalizeGrid, sameName } from "./rules";
import { needsTextFormat, textFormatBytes, textFormatPlan, type TextFormatPart } from "./text-format";

export { MAX_READ_CELLS, needsTextFormat };
export { excelError } from "./excel-errors";

type Ctx = Excel.RequestContext;

/** Bytes per Excel request we stay under (Excel on the web refuses more than 5 MB). */
export const PAYLOAD_LIMIT = PAYLOAD_BUDGET;

/** Rows of one values/formulas block: a quarter of the budget, so a few blocks and small ops share a sync. */
const BLOCK_BYTES = PAYLOAD_BUDGET / 4;

/** Worst-case text-format bytes per cell of a values block (a column of formats, see text-format.ts). */
const TEXT_FORMAT_BYTES_PER_CELL = 9;

/** Splits values/formulas ops whose grid (UTF-8 JSON, with room for text formats) exceeds BLOCK_BYTES into row blocks. */
export function splitLargeOps(ops: readonly WriteOp[]): WriteOp[] {
  const out: WriteOp[] = [];
  for (const op of ops) {
    if (op.op !== "values" && op.op !== "formulas") {
      out.push(op);
      continue;
    }
    const grid = op.op === "values" ? op.values : op.formulas;
    const width = grid.reduce((m, row) => Math.max(m, Array.isArray(row) ? row.length : 0), 0);
    const blocks = rowBlocks(grid, BLOCK_BYTES, op.op === "values" ? width * TEXT_FORMAT_BYTES_PER_CELL : 0);
    if (blocks.length <= 1) {
      out.push(op);
      continue;
    }
    const start = parseCell(op.address.split(":")[0]);
    for (const [from, to] of blocks) {
      const address = `${columnLetters(start.col)}${start.row + from + 1}`;
      const part = grid.slice(from, to);
      out.push(op.op === "values" ? { ...op, address, values: part } : { ...op, address, formulas: part });
    }
  }
  return out;
}

/** An op ready to queue: grids normalized, text formats planned, request bytes counted. */
interface PreparedOp {
  op: WriteOp;
  grid?: CellValue[][];
  text?: TextFormatPart[];
  bytes: number;
}

function gridBytes(grid: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of grid) n += rowBytes(row) + 1;
  return n;
}

/** Normalizes grids and counts the UTF-8 bytes each op puts into a request (arguments, addresses, object paths). */
export function prepareOp(op: WriteOp): PreparedOp {
  const where = (first: { row: number; col: number }, sheet: string) => (r: number, c: number) =>
    qualify(sheet, `${columnLetters(first.col + c)}${first.row + r + 1}`);
  switch (op.op) {
    case "values": {
      const first = parseCell(op.address.split(":")[0]);
      const grid = normalizeGrid(op.values, where(first, op.sheet));
      const text = textFormatPlan(grid);
      return {
        op,
        grid,
        text,
        bytes: 2 * ACTION_OVERHEAD + utf8Length(op.sheet) + gridBytes(grid) + textFormatBytes(text),
      };
    }
    case "formulas": {
      const first = parseCell(op.address.split(":")[0]);
      const grid = normalizeGrid(op.formulas, where(first, op.sheet));
      return { op, grid, bytes: 2 * ACTION_OVERHEAD + utf8Length(op.sheet) + gridBytes(grid) };
    }
    case "format": {
      // One action per property set; borders: four settings on up to six edges.
      const props = Object.keys(op.format).length + (op.format.borders ? 24 : 0);
      return { op, bytes: (2 + props) * ACTION_OVERHEAD + jsonBytes(op) };
    }
    case "columnWidths":
      return { op, bytes: op.widths.length * 2 * ACTION_OVERHEAD + jsonBytes(op) };
    default:
      // Tables, charts, validation, conditional formats: a handful of actions each.
      return { op, bytes: 8 * ACTION_OVERHEAD + jsonBytes(op) };
  }
}

/** Response bytes per cell assumed when grouping readRanges requests (short Russian text with quotes). */
const RANGE_BYTES_PER_CELL = 40;

/** Excel's calculation type for a full recalculation (Excel.CalculationType.full). */
const FULL_CALCULATION = "Full";

/** ExcelApi version each capability needs (Microsoft's requirement-set tables). */
const CAPABILITY_SETS: Record<keyof Capabilities, string> = {
  tables: "1.1",
  charts: "1.1",
  conditionalFormatting: "1.6",
  freezePanes: "1.7",
  dataValidation: "1.8",
  pageLayout: "1.9",
  mergedAreas: "1.13",
};

/** Excel's sheet visibility names. */
const VISIBILITY_TO_EXCEL = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
const VISIBILITY_FROM_EXCEL: Record<string, SheetInfo["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

const CHART_TYPES: Record<ChartType, string> = {
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  line: "Line",
  pie: "Pie",
  columnStacked100: "ColumnStacked100",
  barStacked100: "BarStacked100",
};

const OPERATORS: Record<NonNullable<ConditionalRule["operator"]>, string> = {
  greaterThan: "GreaterThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThan: "LessThan",
  lessThanOrEqual: "LessThanOrEqual",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  between: "Between",
};

/** Excel character widths → points (Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px). */
export function widthToPoints(chars: number): number {
  return chars <= 0 ? 0 : Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function excelRun<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== "function") throw new Error("Excel недоступен: надстройка запущена не в Excel.");
  return excel.run(fn);
}

/** Rows from A1: pads a used range that starts at `address`'s top-left; "" cells become null; trailing blanks trimmed. */
export function padFromA1(
  address: string,
  values: unknown[][],
  formulas?: unknown[][],
): { values: Grid; formulas?: Grid } {
  const { address: a } = parseQualified(address);
  const r = parseRange(a);
  const isBlank = (v: unknown) => v === "" || v === null || v === undefined;
  let rows = 0;
  let cols = 0;
  values.forEach((line, i) =>
    line.forEach((v, j) => {
      if (!isBlank(v) || (formulas && !isBlank(formulas[i]?.[j]))) {
        rows = Math.max(rows, r.top + i + 1);
        cols = Math.max(cols, r.left + j + 1);
      }
    }),
  );
  const grid = (src: unknown[][], blank: CellValue): Grid =>
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => {
        const v = src[i - r.top]?.[j - r.left];
        return isBlank(v) ? blank : (v as CellValue);
      }),
    );
  return { values: grid(values, null), ...(formulas ? { formulas: grid(formulas, "") } : {}) };
}

class OfficePort implements WorkbookPort {
  readonly kind = "officejs" as const;
  private caps: Capabilities | null = null;

  async capabilities(): Promise<Capabilities> {
    if (this.caps) return { ...this.caps };
    const office = (globalThis as { Office?: typeof Office }).Office;
    const supported = (v: string) => {
      try {
        return !!office?.context?.requirements?.isSetSupported("ExcelApi", v);
      } catch {
        return false;
      }
    };
    const caps = {} as Capabilities;
    for (const [k, v] of Object.entries(CAPABILITY_SETS)) caps[k as keyof Capabilities] = supported(v);
    this.caps = caps;
    return { ...caps };
  }

  private async supports(version: string): Promise<boolean> {
    const office = (globalThis as { Office?: typeof Office }).Office;
    try {
      return !!office?.context?.requirements?.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  async listSheets(): Promise<SheetInfo[]> {
    try {
      return await excelRun(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name,items/position,items/visibility");
        await ctx.sync();
        return sheets.items
          .map((w) => ({
            name: w.name,
            position: w.position,
            visibility: VISIBILITY_FROM_EXCEL[w.visibility] ?? "visible",
          }))
          .sort((a, b) => a.position - b.position);
      });
    } catch (e) {
      throw excelError(e, "чтение списка листов");
    }
  }

  /**
   * Sheet names; used-range sizes (a sheet beyond MAX_READ_CELLS is refused before Excel serialises
   * it); then values (+formulas) in row blocks of at most ~4 MB of response, small sheets sharing a
   * sync, and merged areas (see officejs-read.ts).
   */
  async readSheets(names: string[], opts: { formulas?: boolean } = {}): Promise<SheetRead[]> {
    const merges = (await this.capabilities()).mergedAreas;
    const valuesOnly = await this.supports("1.2");
    try {
      return await excelRun((ctx) =>
        readSheetsInBlocks(ctx, names, { formulas: opts.formulas, valuesOnly, merges }, padFromA1),
      );
    } catch (e) {
      throw excelError(e, "чтение листов");
    }
  }

  async readRanges(
    requests: { sheet: string; address: string }[],
    opts: { formulas?: boolean } = {},
  ): Promise<(Grid | null)[]> {
    try {
      return await excelRun(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        await ctx.sync();
        // Usually a few marker rows in one sync; many or large ranges go in several, each response
        // estimated under the ~4 MB budget (RANGE_BYTES_PER_CELL per cell).
        const out: (Grid | null)[] = [];
        let pending: { index: number; range: Excel.Range }[] = [];
        let bytes = 0;
        const flush = async () => {
          if (pending.length === 0) return;
          await ctx.sync();
          for (const { index, range } of pending)
            out[index] = ((opts.formulas ? range.formulas : range.values) as Grid).map((row) =>
              row.map((v) => (v === "" && !opts.formulas ? null : (v as CellValue))),
            );
          pending = [];
          bytes = 0;
        };
        for (let i = 0; i < requests.length; i++) {
          const { sheet, address } = requests[i];
          const w = sheets.items.find((x) => sameName(x.name, sheet));
          out[i] = null;
          if (!w) continue;
          const pos = parseRange(address);
          const size = rangeSize(pos);
          const estimate = size.rows * size.columns * RANGE_BYTES_PER_CELL;
          if (bytes > 0 && bytes + estimate > PAYLOAD_LIMIT) await flush();
          const target = w.getRange(formatRange(pos));
          if (opts.formulas) target.load("formulas");
          else target.load("values");
          pending.push({ index: i, range: target });
          bytes += estimate;
        }
        await flush();
        return out;
      });
    } catch (e) {
      throw excelError(e, "чтение диапазонов");
    }
  }

  async write(batch: WriteBatch): Promise<{ notices: string[] }> {
    const caps = await this.capabilities();
    const filtered = filterByCapabilities(batch.ops, caps);
    let ops = filtered.ops;
    const notices = filtered.notices;
    if (ops.length === 0) return { notices };
    // Excel 2016 has ExcelApi 1.1 only: merging, column widths, row heights, cell locking and
    // sheet protection arrived in 1.2, tab colours in 1.7, table totals in 1.3.
    const api12 = await this.supports("1.2");
    if (!api12) {
      const layoutOps = new Set<WriteOp>(
        ops.filter((o) => o.op === "merge" || o.op === "columnWidths" || o.op === "rowHeight" || o.op === "protect"),
      );
      if (layoutOps.size) {
        notices.push(
          `Эта версия Excel не умеет объединять ячейки, задавать ширину столбцов и высоту строк и защищать листы: пропущено ${countRu(layoutOps.size, ACTIONS)}. Остальное записано.`,
        );
        ops = ops.filter((o) => !layoutOps.has(o));
      }
    }
    const layout = { locked: api12, tabColor: await this.supports("1.7") };
    const totals = ops.some((o) => o.op === "table" && o.totals) && !(await this.supports("1.3"));
    if (totals) notices.push("Эта версия Excel не умеет включать строку итогов в таблицах: таблицы созданы без неё.");
    const wantsTables = ops.some((o) => o.op === "table");
    // Bad cells (NaN, objects, over-long text) fail before anything is sent, even when the batch goes in parts.
    checkCells(ops);
    try {
      await excelRun(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name,items/visibility");
        const tables = wantsTables ? ctx.workbook.tables : null;
        tables?.load("items/name");
        await ctx.sync();
        checkBatch(
          ops,
          sheets.items.map((w) => ({ name: w.name, visibility: VISIBILITY_FROM_EXCEL[w.visibility] ?? "visible" })),
          tables ? tables.items.map((t) => t.name) : [],
        );
        const cache = new Map<string, Excel.Worksheet>();
        const sheet = (name: string): Excel.Worksheet => {
          const key = name.toLocaleUpperCase("ru");
          let w = cache.get(key);
          if (!w) {
            w = sheets.getItem(name);
            cache.set(key, w);
          }
          return w;
        };
        // One sync for the whole batch, unless it is too big for one request: Excel on the web
        // refuses requests over 5 MB (UTF-8 JSON of everything queued), so a big batch is sent in
        // parts of at most ~4 MB, counted by the bytes each op really carries.
        let pending = 0;
        for (const op of splitLargeOps(ops)) {
          const prepared = prepareOp(op);
          if (pending > 0 && pending + prepared.bytes > PAYLOAD_LIMIT) {
            await ctx.sync();
            pending = 0;
          }
          queueOp(ctx, prepared, sheet, cache, !totals, layout);
          pending += prepared.bytes;
        }
        await ctx.sync();
      });
    } catch (e) {
      throw excelError(e, "запись в книгу");
    }
    return { notices };
  }

  async activate(sheet: string): Promise<void> {
    try {
      await excelRun(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).activate();
        await ctx.sync();
      });
    } catch (e) {
      throw excelError(e, `переход на лист «${sheet}»`);
    }
  }

  async select(sheet: string, address: string): Promise<void> {
    try {
      await excelRun(async (ctx) => {
        const w = ctx.workbook.worksheets.getItem(sheet);
        w.activate();
        w.getRange(formatRange(parseRange(address))).select();
        await ctx.sync();
      });
    } catch (e) {
      throw excelError(e, `выделение ${qualify(sheet, address)}`);
    }
  }

  async selection(): Promise<{ sheet: string; address: string }> {
    try {
      return await excelRun(async (ctx) => {
        const selected = ctx.workbook.getSelectedRange();
        selected.load("address");
        await ctx.sync();
        // The sync above is awaited; the plugin's flow analysis misses it inside excelRun here.
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
        const address = selected.address;
        const q = parseQualified(splitAreas(address)[0]);
        return { sheet: q.sheet ?? "", address: q.address };
      });
    } catch (e) {
      throw excelError(e, "чтение выделения");
    }
  }

  /**
   * Application.calculate(full) (ExcelApi 1.1): custom functions are not volatile, so after a
   * methodology change their cells keep old results until recalculated. Guarded, because a host
   * without ExcelApi 1.1 cannot be asked.
   */
  async recalculate(): Promise<RecalcResult> {
    if (!(await this.supports("1.1"))) return { recalculated: false };
    try {
      await excelRun(async (ctx) => {
        const excel = (globalThis as { Excel?: { CalculationType?: { full?: string } } }).Excel;
        ctx.workbook.application.calculate((excel?.CalculationType?.full ?? FULL_CALCULATION) as Excel.CalculationType);
        await ctx.sync();
      });
    } catch (e) {
      throw excelError(e, "пересчёт книги");
    }
    return { recalculated: true };
  }

  /** Excel.createWorkbook (ExcelApi 1.8) opens an empty book in its own window; this pane stays with its book. */
  async openNewWorkbook(): Promise<null> {
    const excel = (globalThis as { Excel?: { createWorkbook?: (base64?: string) => Promise<void> } }).Excel;
    if (!(await this.supports("1.8")) || typeof excel?.createWorkbook !== "function")
      throw new Error(
        "Эта версия Excel не умеет создавать книгу из надстройки (нужен ExcelApi 1.8): создайте новую книгу сами (Файл → Создать) и откройте в ней надстройку.",
      );
    try {
      await excel.createWorkbook();
    } catch (e) {
      throw excelError(e, "создание новой книги");
    }
    return null;
  }

  async fileName(): Promise<string> {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const url = office?.context?.document?.url ?? "";
    const last = url.split(/[\\/]/).pop() ?? "";
    try {
      return decodeURIComponent(last.split("?")[0]);
    } catch {
      return last;
    }
  }
}

/** Queues one op on the request context; nothing here syncs. */
function queueOp(
  ctx: Ctx,
  prepared: PreparedOp,
  sheet: (name: string) => Excel.Worksheet,
  cache: Map<string, Excel.Worksheet>,
  totalsOk: boolean,
  api: { locked: boolean; tabColor: boolean },
): void {
  const op = prepared.op;
  switch (op.op) {
    case "addSheet": {
      const w = ctx.workbook.worksheets.add(op.name);
      if (op.position !== undefined) w.position = op.position;
      if (op.tabColor && api.tabColor) w.tabColor = op.tabColor;
      cache.set(op.name.toLocaleUpperCase("ru"), w);
      return;
    }
    case "deleteSheet":
      sheet(op.name).delete();
      cache.delete(op.name.toLocaleUpperCase("ru"));
      return;
    case "renameSheet": {
      const w = sheet(op.from);
      w.name = op.to;
      cache.delete(op.from.toLocaleUpperCase("ru"));
      cache.set(op.to.toLocaleUpperCase("ru"), w);
      return;
    }
    case "sheetVisibility":
      sheet(op.name).visibility = VISIBILITY_TO_EXCEL[op.visibility] as Excel.SheetVisibility;
      return;
    case "values": {
      const start = op.address.split(":")[0];
      const first = parseCell(start);
      const grid = prepared.grid!;
      const w = sheet(op.sheet);
      // "@" first, so Excel stores the strings as typed: one value per run of cells, or a column
      // of formats where runs are many (null leaves a cell's format unchanged).
      for (const part of prepared.text ?? []) {
        const col = columnLetters(first.col + part.col);
        if (part.kind === "run") {
          const target = w.getRange(`${col}${first.row + part.top + 1}:${col}${first.row + part.bottom + 1}`);
          (target as unknown as { numberFormat: unknown }).numberFormat = "@";
        } else {
          w.getRange(`${col}${first.row + 1}:${col}${first.row + part.formats.length}`).numberFormat = part.formats.map(
            (f) => [f],
          );
        }
      }
      // null would leave the old value in place; "" clears the cell, as a blank in the grid means.
      w.getRange(rangeFrom(start, grid.length, grid[0].length)).values = grid.map((row) =>
        row.map((v) => (v === null || v === undefined ? "" : v)),
      ) as unknown[][];
      return;
    }
    case "formulas": {
      const start = op.address.split(":")[0];
      const grid = prepared.grid!;
      sheet(op.sheet).getRange(rangeFrom(start, grid.length, grid[0].length)).formulas = grid.map((row) =>
        row.map((v) => (v === null ? "" : v)),
      ) as unknown[][];
      return;
    }
    case "format":
      queueFormat(
        sheet(op.sheet).getRange(formatRange(parseRange(op.address))),
        op.address,
        api.locked ? op.format : { ...op.format, locked: undefined },
      );
      return;
    case "merge":
      sheet(op.sheet)
        .getRange(formatRange(parseRange(op.address)))
        .merge(false);
      return;
    case "columnWidths": {
      const from = columnIndex(op.from);
      const w = sheet(op.sheet);
      op.widths.forEach((width, i) => {
        const letter = columnLetters(from + i);
        w.getRange(`${letter}:${letter}`).format.columnWidth = widthToPoints(width);
      });
      return;
    }
    case "rowHeight":
      sheet(op.sheet).getRange(`${op.row}:${op.row}`).format.rowHeight = op.height;
      return;
    case "freeze": {
      const panes = sheet(op.sheet).freezePanes;
      panes.unfreeze();
      if (op.rows > 0 && op.columns > 0) panes.freezeAt(rangeFrom("A1", op.rows, op.columns));
      else if (op.rows > 0) panes.freezeRows(op.rows);
      else if (op.columns > 0) panes.freezeColumns(op.columns);
      return;
    }
    case "table": {
      const t = sheet(op.sheet).tables.add(formatRange(parseRange(op.address)), true);
      t.name = op.name;
      if (op.style) t.style = op.style;
      if (op.totals && totalsOk) t.showTotals = true;
      return;
    }
    case "validationList": {
      const dv = sheet(op.sheet).getRange(formatRange(parseRange(op.address))).dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: op.list.join(",") } };
      queueMessages(dv, op.prompt, op.error);
      return;
    }
    case "validationNumber": {
      const dv = sheet(op.sheet).getRange(formatRange(parseRange(op.address))).dataValidation;
      dv.clear();
      const cond =
        op.min !== undefined && op.max !== undefined
          ? { formula1: op.min, formula2: op.max, operator: "Between" }
          : op.min !== undefined
            ? { formula1: op.min, operator: "GreaterThanOrEqualTo" }
            : op.max !== undefined
              ? { formula1: op.max, operator: "LessThanOrEqualTo" }
              : { formula1: -1e15, formula2: 1e15, operator: "Between" };
      dv.rule = (op.kind === "whole" ? { wholeNumber: cond } : { decimal: cond }) as Excel.DataValidationRule;
      queueMessages(dv, op.prompt, op.error);
      return;
    }
    case "conditionalFormat":
      queueConditional(sheet(op.sheet).getRange(formatRange(parseRange(op.address))), op.rule);
      return;
    case "chart": {
      const w = sheet(op.sheet);
      const src = op.source.includes("!") ? parseQualified(op.source) : { sheet: op.sheet, address: op.source };
      const source = (src.sheet ? sheet(src.sheet) : w).getRange(formatRange(parseRange(src.address)));
      const seriesBy = op.seriesBy === "rows" ? "Rows" : op.seriesBy === "columns" ? "Columns" : "Auto";
      const chart = w.charts.add(CHART_TYPES[op.type] as Excel.ChartType, source, seriesBy as Excel.ChartSeriesBy);
      chart.title.text = op.title;
      chart.setPosition(op.anchor);
      if (op.width) chart.width = op.width;
      if (op.height) chart.height = op.height;
      if (op.colors?.length) {
        // A pie's slices are the points of its one series; other charts colour whole series.
        if (op.type === "pie")
          op.colors.forEach((c, i) => chart.series.getItemAt(0).points.getItemAt(i).format.fill.setSolidColor(c));
        else op.colors.forEach((c, i) => chart.series.getItemAt(i).format.fill.setSolidColor(c));
      }
      return;
    }
    case "print": {
      const ws = sheet(op.sheet);
      const layout = ws.pageLayout;
      if (op.landscape !== undefined)
        layout.orientation = (op.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
      if (op.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      else if (op.scale !== undefined) layout.zoom = { scale: op.scale };
      if (op.titleColumns) layout.setPrintTitleColumns(op.titleColumns);
      // Page breaks and page layout arrive together in ExcelApi 1.9 (the pageLayout capability).
      for (const row of op.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row}`);
      if (op.titleRows)
        layout.setPrintTitleRows(op.titleRows.includes("$") ? op.titleRows : op.titleRows.replace(/(\d+)/g, "$$$1"));
      if (op.area) layout.setPrintArea(formatRange(parseRange(op.area)));
      return;
    }
    case "protect": {
      const p = sheet(op.sheet).protection;
      // Re-protecting a protected sheet fails; add-in sheets never carry a password.
      p.unprotect();
      const allow = !!op.allowFormatting;
      p.protect({ allowFormatCells: allow, allowFormatColumns: allow, allowFormatRows: allow });
      return;
    }
    default: {
      const never: never = op;
      throw new Error(`Неизвестное действие записи: ${JSON.stringify(never)}`);
    }
  }
}

function queueMessages(dv: Excel.DataValidation, prompt?: string, error?: string): void {
  if (prompt) dv.prompt = { showPrompt: true, message: prompt.slice(0, 255), title: "" };
  dv.errorAlert = {
    showAlert: true,
    style: "Stop" as Excel.DataValidationAlertStyle,
    message: (error ?? "Значение не подходит для этой ячейки.").slice(0, 225),
    title: "МСОКО",
  };
}

function queueFormat(range: Excel.Range, address: string, f: CellFormat): void {
  if (f.numberFormat !== undefined) {
    // A single value applies to every cell of the range (no per-cell array for whole columns).
    (range as unknown as { numberFormat: unknown }).numberFormat = f.numberFormat;
  }
  const font = range.format.font;
  if (f.bold !== undefined) font.bold = f.bold;
  if (f.italic !== undefined) font.italic = f.italic;
  if (f.fontSize !== undefined) font.size = f.fontSize;
  if (f.fontColor !== undefined) font.color = f.fontColor;
  if (f.fill !== undefined) range.format.fill.color = f.fill;
  if (f.wrap !== undefined) range.format.wrapText = f.wrap;
  if (f.hAlign !== undefined)
    range.format.horizontalAlignment = ({ left: "Left", center: "Center", right: "Right" } as const)[f.hAlign];
  if (f.vAlign !== undefined)
    range.format.verticalAlignment = ({ top: "Top", center: "Center", bottom: "Bottom" } as const)[f.vAlign];
  if (f.borders) {
    const size = rangeSize(address);
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (size.rows > 1) edges.push("InsideHorizontal");
    if (size.columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const b = range.format.borders.getItem(edge as Excel.BorderIndex);
      b.style = "Continuous" as Excel.BorderLineStyle;
      b.weight = "Thin" as Excel.BorderWeight;
      b.color = "#808080";
    }
  }
  if (f.locked !== undefined) range.format.protection.locked = f.locked;
}

function queueConditional(range: Excel.Range, rule: ConditionalRule): void {
  const cfs = range.conditionalFormats;
  switch (rule.kind) {
    case "cellValue": {
      const cf = cfs.add("CellValue" as Excel.ConditionalFormatType);
      if (rule.fill) cf.cellValue.format.fill.color = rule.fill;
      if (rule.fontColor) cf.cellValue.format.font.color = rule.fontColor;
      cf.cellValue.rule = {
        formula1: rule.formula1 ?? "0",
        ...(rule.formula2 !== undefined ? { formula2: rule.formula2 } : {}),
        operator: OPERATORS[rule.operator ?? "greaterThan"],
      } as Excel.ConditionalCellValueRule;
      return;
    }
    case "expression": {
      const cf = cfs.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = rule.formula1 ?? "=FALSE";
      if (rule.fill) cf.custom.format.fill.color = rule.fill;
      if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
      return;
    }
    case "dataBar": {
      const cf = cfs.add("DataBar" as Excel.ConditionalFormatType);
      if (rule.fill) cf.dataBar.positiveFormat.fillColor = rule.fill;
      return;
    }
    case "colorScale": {
      const [lo, mid, hi] = rule.colors ?? ["#F8696B", "#FFEB84", "#63BE7B"];
      const cf = cfs.add("ColorScale" as Excel.ConditionalFormatType);
      cf.colorScale.criteria = {
        minimum: {
          formula: null as unknown as string,
          type: "LowestValue" as Excel.ConditionalFormatColorCriterionType,
          color: lo,
        },
        midpoint: { formula: "50", type: "Percentile" as Excel.ConditionalFormatColorCriterionType, color: mid },
        maximum: {
          formula: null as unknown as string,
          type: "HighestValue" as Excel.ConditionalFormatColorCriterionType,
          color: hi,
        },
      };
      return;
    }
  }
}

/** The port over the running Excel. */
export function createOfficePort(): WorkbookPort {
  return new OfficePort();
}
