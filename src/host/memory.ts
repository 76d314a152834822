/**
 * An in-memory workbook with Excel's behaviour where it matters (sheet-name rules, unique table
 * names, text never becoming a formula, writes outside existing sheets failing). It backs the
 * browser preview (the pane runs without Excel) and the tests of every writer. It does not
 * calculate: a formula cell reads back `null` in `values` and its text in `formulas`.
 */
import type { CellValue } from "../core/values";
import {
  columnIndex,
  columnLetters,
  formatCell,
  formatRange,
  intersects,
  parseCell,
  parseRange,
  qualify,
  type RangePos,
} from "../core/a1";
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
import {
  ALL_CAPABILITIES,
  checkBatch,
  checkCells,
  constantFromFormulaText,
  filterByCapabilities,
  isFormulaText,
  listSourceProblem,
  cellInBook,
  normalizeGrid,
  renameInFormula,
  sameName,
  sheetNameProblem,
  tableNameProblem,
} from "./rules";

interface StoredCell {
  value: string | number | boolean | null;
  /** "=…" when the cell holds a formula. */
  formula?: string;
}

export interface TableSnapshot {
  name: string;
  address: string;
  style?: string;
  totals: boolean;
  headers: string[];
}

export type ValidationSnapshot =
  | { address: string; type: "list"; list: string[]; prompt?: string; error?: string }
  | { address: string; type: "whole" | "decimal"; min?: number; max?: number; prompt?: string; error?: string };

export interface ChartSnapshot {
  type: ChartType;
  source: string;
  title: string;
  anchor: string;
  width?: number;
  height?: number;
  seriesBy?: "rows" | "columns";
  colors?: string[];
}

export interface PrintSnapshot {
  landscape?: boolean;
  fitToWidth?: boolean;
  scale?: number;
  titleColumns?: string;
  rowBreaks?: number[];
  titleRows?: string;
  area?: string;
}

/** Everything about one sheet, serialisable: the preview grid draws it, tests assert on it. */
export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: SheetInfo["visibility"];
  tabColor?: string;
  /** Values from A1 to the last used cell ([] when the sheet is empty); formula cells are null. */
  values: CellValue[][];
  /** Formula text by A1 address ("B5" → "=SUM(B2:B4)"). */
  formulas: Record<string, string>;
  /** Format ops in the order they were applied (later ones win per property). */
  formats: { address: string; format: CellFormat }[];
  merges: string[];
  /** Column letter → width in characters. */
  columnWidths: Record<string, number>;
  /** Row number (1-based) → height in points. */
  rowHeights: Record<string, number>;
  freeze: { rows: number; columns: number } | null;
  tables: TableSnapshot[];
  validations: ValidationSnapshot[];
  conditionalFormats: { address: string; rule: ConditionalRule }[];
  charts: ChartSnapshot[];
  print: PrintSnapshot | null;
  protection: { allowFormatting: boolean } | null;
}

export interface WorkbookSnapshot {
  fileName: string;
  activeSheet: string;
  selection: { sheet: string; address: string };
  sheets: SheetSnapshot[];
}

class MemorySheet {
  name: string;
  visibility: SheetInfo["visibility"] = "visible";
  tabColor?: string;
  readonly cells = new Map<number, StoredCell>();
  formats: { range: RangePos; format: CellFormat }[] = [];
  merges: RangePos[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  tables: (TableSnapshot & { range: RangePos })[] = [];
  validations: ValidationSnapshot[] = [];
  conditionalFormats: { address: string; rule: ConditionalRule }[] = [];
  charts: ChartSnapshot[] = [];
  print: PrintSnapshot | null = null;
  protection: { allowFormatting: boolean } | null = null;
  selection = "A1";

  constructor(name: string) {
    this.name = name;
  }

  static key(row: number, col: number): number {
    // 16 384 columns fit in 14 bits; rows × 2^14 stays far below 2^53.
    return row * 16_384 + col;
  }

  cell(row: number, col: number): StoredCell | undefined {
    return this.cells.get(MemorySheet.key(row, col));
  }

  setCell(row: number, col: number, cell: StoredCell | null): void {
    const k = MemorySheet.key(row, col);
    if (cell === null || (cell.value === null && cell.formula === undefined)) this.cells.delete(k);
    else this.cells.set(k, cell);
  }

  /** Last used row and column (0-based), or null when no cell holds anything. */
  usedExtent(): { rows: number; columns: number } | null {
    let maxRow = -1;
    let maxCol = -1;
    for (const k of this.cells.keys()) {
      const row = Math.floor(k / 16_384);
      const col = k % 16_384;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    }
    return maxRow < 0 ? null : { rows: maxRow + 1, columns: maxCol + 1 };
  }
}

export interface MemoryWorkbookOptions {
  fileName?: string;
  /** Capabilities to pretend (to preview or test what an older Excel loses). */
  capabilities?: Partial<Capabilities>;
}

/**
 * Reads and writes complete on a later task, as Excel's round trips do: the pane repaints between
 * them (progress bars move in the preview), and code cannot come to rely on instant answers.
 */
function roundTrip(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class MemoryWorkbook implements WorkbookPort {
  readonly kind = "memory" as const;
  private sheets: MemorySheet[] = [];
  private active = "";
  private readonly caps: Capabilities;
  private name: string;
  private readonly listeners = new Set<() => void>();
  /** Grows by one with every applied write, activation or selection (for re-rendering). */
  version = 0;
  /** Recalculations asked for through recalculate() (the preview does not calculate; tests count them). */
  recalculations = 0;

  constructor(opts: MemoryWorkbookOptions = {}) {
    this.caps = { ...ALL_CAPABILITIES, ...opts.capabilities };
    this.name = opts.fileName ?? "";
  }

  /** A workbook whose sheets hold these grids (values; "=…" strings stay text), in this order. */
  static fromGrids(grids: Record<string, Grid>, opts: MemoryWorkbookOptions = {}): MemoryWorkbook {
    const wb = new MemoryWorkbook(opts);
    for (const [name, grid] of Object.entries(grids)) {
      wb.applyOp({ op: "addSheet", name });
      if (grid.length > 0 && grid.some((r) => r.length > 0))
        wb.applyOp({ op: "values", sheet: name, address: "A1", values: grid });
    }
    return wb;
  }

  /** Books opened by openNewWorkbook, newest last (the preview and tests look at them). */
  readonly opened: MemoryWorkbook[] = [];

  /** A new book as Excel makes one (one empty sheet «Лист1»), with this book's capabilities. */
  async openNewWorkbook(): Promise<MemoryWorkbook> {
    await roundTrip();
    const wb = MemoryWorkbook.fromGrids({ Лист1: [] }, { capabilities: this.caps });
    this.opened.push(wb);
    this.changed();
    return wb;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private find(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  private sheet(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw new Error(`Лист «${name}» не найден в книге.`);
    return s;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s, position) => ({ name: s.name, position, visibility: s.visibility }));
  }

  async readSheets(names: string[], opts: { formulas?: boolean } = {}): Promise<SheetRead[]> {
    await roundTrip();
    const out: SheetRead[] = [];
    for (const name of names) {
      const s = this.find(name);
      if (!s) continue;
      // Pretending an Excel before ExcelApi 1.13, merged areas cannot be read.
      const read: SheetRead = {
        name: s.name,
        values: this.gridOf(s, false),
        merges: this.caps.mergedAreas ? s.merges.map(formatRange) : [],
      };
      if (opts.formulas) read.formulas = this.gridOf(s, true);
      out.push(read);
    }
    return out;
  }

  /** Counts the request: the memory workbook holds no computed values to refresh. */
  async recalculate(): Promise<RecalcResult> {
    await roundTrip();
    this.recalculations++;
    return { recalculated: true };
  }

  /** Merged areas of a sheet in A1 notation ([] for a missing sheet), without reading its cells. */
  mergedAreas(sheet: string): string[] {
    return this.find(sheet)?.merges.map(formatRange) ?? [];
  }

  /** Values (or formulas) of any ranges, in one call; null for a missing sheet. */
  async readRanges(
    requests: { sheet: string; address: string }[],
    opts: { formulas?: boolean } = {},
  ): Promise<(Grid | null)[]> {
    return requests.map(({ sheet, address }) => {
      const s = this.find(sheet);
      if (!s) return null;
      const r = parseRange(address);
      return this.block(s, r, !!opts.formulas);
    });
  }

  private gridOf(s: MemorySheet, formulas: boolean): Grid {
    const used = s.usedExtent();
    if (!used) return [];
    return this.block(s, { top: 0, left: 0, bottom: used.rows - 1, right: used.columns - 1 }, formulas);
  }

  private block(s: MemorySheet, r: RangePos, formulas: boolean): Grid {
    const rows: Grid = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = s.cell(row, col);
        if (formulas) line.push(c ? (c.formula ?? c.value) : "");
        else line.push(c ? (c.formula !== undefined ? null : c.value) : null);
      }
      rows.push(line);
    }
    return rows;
  }

  async write(batch: WriteBatch): Promise<{ notices: string[] }> {
    await roundTrip();
    const { ops, notices } = filterByCapabilities(batch.ops, this.caps);
    // Like the Office.js port, a batch that breaks a sheet-level rule or holds bad cells changes nothing.
    checkBatch(
      ops,
      this.sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
      this.sheets.flatMap((s) => s.tables.map((t) => t.name)),
    );
    checkCells(ops, this.name);
    try {
      for (const op of ops) this.applyOp(op);
    } finally {
      this.changed();
    }
    return { notices };
  }

  /** Applies one op with Excel's rules; throws a Russian error naming the sheet and cell. */
  private applyOp(op: WriteOp): void {
    switch (op.op) {
      case "addSheet": {
        const problem = sheetNameProblem(op.name);
        if (problem) throw new Error(`Нельзя создать лист: ${problem}.`);
        if (this.find(op.name))
          throw new Error(
            `Нельзя создать лист «${op.name}»: лист с таким именем уже есть (регистр букв не различается).`,
          );
        const s = new MemorySheet(op.name);
        s.tabColor = op.tabColor;
        const pos =
          op.position === undefined ? this.sheets.length : Math.max(0, Math.min(op.position, this.sheets.length));
        this.sheets.splice(pos, 0, s);
        if (!this.active) this.active = s.name;
        return;
      }
      case "deleteSheet": {
        const s = this.sheet(op.name);
        const visibleLeft = this.sheets.filter((x) => x !== s && x.visibility === "visible").length;
        if (visibleLeft === 0)
          throw new Error(`Нельзя удалить лист «${s.name}»: в книге должен остаться хотя бы один видимый лист.`);
        this.sheets = this.sheets.filter((x) => x !== s);
        if (sameName(this.active, s.name)) this.active = this.sheets.find((x) => x.visibility === "visible")!.name;
        return;
      }
      case "renameSheet": {
        const s = this.sheet(op.from);
        const problem = sheetNameProblem(op.to);
        if (problem) throw new Error(`Нельзя переименовать лист «${s.name}»: ${problem}.`);
        const other = this.find(op.to);
        if (other && other !== s)
          throw new Error(`Нельзя переименовать лист «${s.name}» в «${op.to}»: лист с таким именем уже есть.`);
        if (sameName(this.active, s.name)) this.active = op.to;
        const from = s.name;
        s.name = op.to;
        // Excel re-points formulas at the renamed sheet.
        for (const sheet of this.sheets) {
          for (const cell of sheet.cells.values())
            if (cell.formula !== undefined) cell.formula = renameInFormula(cell.formula, from, op.to);
        }
        return;
      }
      case "sheetVisibility": {
        const s = this.sheet(op.name);
        if (op.visibility !== "visible" && !this.sheets.some((x) => x !== s && x.visibility === "visible")) {
          throw new Error(`Нельзя скрыть лист «${s.name}»: в книге должен остаться хотя бы один видимый лист.`);
        }
        s.visibility = op.visibility;
        if (op.visibility !== "visible" && sameName(this.active, s.name))
          this.active = this.sheets.find((x) => x.visibility === "visible")!.name;
        return;
      }
      case "values":
      case "formulas": {
        const s = this.sheet(op.sheet);
        const start = parseCell(op.address.split(":")[0]);
        const grid = normalizeGrid(op.op === "values" ? op.values : op.formulas, (r, c) =>
          cellInBook(this.name, qualify(s.name, formatCell({ row: start.row + r, col: start.col + c }))),
        );
        const end = { row: start.row + grid.length - 1, col: start.col + grid[0].length - 1 };
        formatCell(end); // throws when the block runs off the sheet
        grid.forEach((row, r) =>
          row.forEach((v, c) => {
            if (op.op === "formulas" && isFormulaText(v)) {
              s.setCell(start.row + r, start.col + c, { value: null, formula: v });
            } else if (op.op === "formulas" && typeof v === "string") {
              s.setCell(start.row + r, start.col + c, { value: constantFromFormulaText(v) });
            } else s.setCell(start.row + r, start.col + c, { value: v === "" ? null : (v as StoredCell["value"]) }); // "" clears, as in Excel
          }),
        );
        return;
      }
      case "format": {
        const s = this.sheet(op.sheet);
        s.formats.push({ range: parseRange(op.address), format: { ...op.format } });
        return;
      }
      case "merge": {
        const s = this.sheet(op.sheet);
        const r = parseRange(op.address);
        if (r.top === r.bottom && r.left === r.right) return;
        const clash = s.merges.find((m) => intersects(m, r));
        if (clash)
          throw new Error(
            `Нельзя объединить ${qualify(s.name, formatRange(r))}: диапазон пересекается с уже объединёнными ячейками ${formatRange(clash)}.`,
          );
        s.merges.push(r);
        // Excel keeps only the top-left value of a merged area.
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) s.setCell(row, col, null);
        }
        return;
      }
      case "columnWidths": {
        const s = this.sheet(op.sheet);
        const from = columnIndex(op.from);
        op.widths.forEach((w, i) => {
          if (!(w >= 0 && w <= 255))
            throw new Error(
              `Ширина столбца ${columnLetters(from + i)} на листе «${s.name}» должна быть 0…255 символов, а указано ${w}.`,
            );
          s.columnWidths.set(from + i, w);
        });
        return;
      }
      case "rowHeight": {
        const s = this.sheet(op.sheet);
        if (!Number.isInteger(op.row) || op.row < 1)
          throw new Error(`Номер строки ${op.row} на листе «${s.name}» должен быть целым ≥ 1.`);
        if (!(op.height >= 0 && op.height <= 409))
          throw new Error(
            `Высота строки ${op.row} на листе «${s.name}» должна быть 0…409 пунктов, а указано ${op.height}.`,
          );
        s.rowHeights.set(op.row, op.height);
        return;
      }
      case "freeze": {
        const s = this.sheet(op.sheet);
        s.freeze = op.rows > 0 || op.columns > 0 ? { rows: op.rows, columns: op.columns } : null;
        return;
      }
      case "table": {
        const s = this.sheet(op.sheet);
        const problem = tableNameProblem(op.name);
        if (problem) throw new Error(`Нельзя создать таблицу на листе «${s.name}»: ${problem}.`);
        for (const other of this.sheets) {
          if (other.tables.some((t) => sameName(t.name, op.name))) {
            throw new Error(
              `Нельзя создать таблицу «${op.name}»: таблица с таким именем уже есть в книге (на листе «${other.name}»).`,
            );
          }
        }
        const r = parseRange(op.address);
        const clash = s.tables.find((t) => intersects(t.range, r));
        if (clash)
          throw new Error(
            `Нельзя создать таблицу «${op.name}» в ${qualify(s.name, formatRange(r))}: диапазон пересекается с таблицей «${clash.name}».`,
          );
        const headers = this.tableHeaders(s, r);
        s.tables.push({
          name: op.name,
          address: formatRange(r),
          style: op.style,
          totals: !!op.totals,
          headers,
          range: r,
        });
        return;
      }
      case "validationList": {
        const s = this.sheet(op.sheet);
        const problem = listSourceProblem(op.list);
        if (problem)
          throw new Error(`Нельзя задать список проверки данных для ${qualify(s.name, op.address)}: ${problem}.`);
        s.validations.push({
          address: formatRange(parseRange(op.address)),
          type: "list",
          list: [...op.list],
          prompt: op.prompt,
          error: op.error,
        });
        return;
      }
      case "validationNumber": {
        const s = this.sheet(op.sheet);
        if (op.min !== undefined && op.max !== undefined && op.min > op.max) {
          throw new Error(
            `Ограничение ввода для ${qualify(s.name, op.address)}: минимум ${op.min} больше максимума ${op.max}.`,
          );
        }
        s.validations.push({
          address: formatRange(parseRange(op.address)),
          type: op.kind,
          min: op.min,
          max: op.max,
          prompt: op.prompt,
          error: op.error,
        });
        return;
      }
      case "conditionalFormat": {
        const s = this.sheet(op.sheet);
        s.conditionalFormats.push({ address: formatRange(parseRange(op.address)), rule: { ...op.rule } });
        return;
      }
      case "chart": {
        const s = this.sheet(op.sheet);
        const src = op.source.includes("!") ? op.source : qualify(s.name, op.source);
        parseCell(op.anchor);
        const { type, title, anchor, width, height, seriesBy, colors } = op;
        s.charts.push({
          type,
          source: src,
          title,
          anchor,
          width,
          height,
          seriesBy,
          ...(colors?.length ? { colors: [...colors] } : {}),
        });
        return;
      }
      case "print": {
        const s = this.sheet(op.sheet);
        if (op.area) parseRange(op.area);
        s.print = { landscape: op.landscape, fitToWidth: op.fitToWidth, titleRows: op.titleRows, area: op.area };
        if (op.scale !== undefined) s.print.scale = op.scale;
        if (op.titleColumns !== undefined) s.print.titleColumns = op.titleColumns;
        if (op.rowBreaks?.length) s.print.rowBreaks = [...op.rowBreaks];
        return;
      }
      case "protect": {
        const s = this.sheet(op.sheet);
        s.protection = { allowFormatting: !!op.allowFormatting };
        return;
      }
      default: {
        const never: never = op;
        throw new Error(`Неизвестное действие записи: ${JSON.stringify(never)}`);
      }
    }
  }

  private tableHeaders(s: MemorySheet, r: RangePos): string[] {
    const headers: string[] = [];
    const seen = new Set<string>();
    for (let col = r.left; col <= r.right; col++) {
      const c = s.cell(r.top, col);
      // Excel fills blank headers with "Столбец1…" and makes duplicates unique the same way.
      let h = c && c.value !== null ? String(c.value) : "";
      if (h === "" || seen.has(h.toLocaleUpperCase("ru"))) {
        let n = col - r.left + 1;
        while (seen.has(`СТОЛБЕЦ${n}`)) n++;
        h = h === "" ? `Столбец${n}` : `${h}${n}`;
        s.setCell(r.top, col, { value: h });
      }
      seen.add(h.toLocaleUpperCase("ru"));
      headers.push(h);
    }
    return headers;
  }

  async activate(sheet: string): Promise<void> {
    const s = this.sheet(sheet);
    if (s.visibility !== "visible") throw new Error(`Нельзя перейти на скрытый лист «${s.name}».`);
    this.active = s.name;
    this.changed();
  }

  async select(sheet: string, address: string): Promise<void> {
    const s = this.sheet(sheet);
    if (s.visibility !== "visible") throw new Error(`Нельзя выделить ячейки на скрытом листе «${s.name}».`);
    s.selection = formatRange(parseRange(address));
    this.active = s.name;
    this.changed();
  }

  async selection(): Promise<{ sheet: string; address: string }> {
    const s = this.find(this.active);
    return { sheet: s?.name ?? "", address: s?.selection ?? "A1" };
  }

  async capabilities(): Promise<Capabilities> {
    return { ...this.caps };
  }

  async fileName(): Promise<string> {
    return this.name;
  }

  /** The merged format of one cell (later format ops win per property); {} when none. */
  formatAt(sheet: string, address: string): CellFormat {
    const s = this.sheet(sheet);
    const { row, col } = parseCell(address);
    const out: CellFormat = {};
    for (const f of s.formats) {
      if (row >= f.range.top && row <= f.range.bottom && col >= f.range.left && col <= f.range.right)
        Object.assign(out, f.format);
    }
    return out;
  }

  /** A serialisable description of everything in the workbook. */
  snapshot(): WorkbookSnapshot {
    const sel = this.find(this.active);
    return {
      fileName: this.name,
      activeSheet: sel?.name ?? "",
      selection: { sheet: sel?.name ?? "", address: sel?.selection ?? "A1" },
      sheets: this.sheets.map((s, position) => {
        const formulas: Record<string, string> = {};
        const keys = [...s.cells.keys()].sort((a, b) => a - b);
        for (const k of keys) {
          const c = s.cells.get(k)!;
          if (c.formula !== undefined)
            formulas[formatCell({ row: Math.floor(k / 16_384), col: k % 16_384 })] = c.formula;
        }
        const widths: Record<string, number> = {};
        for (const [col, w] of [...s.columnWidths].sort((a, b) => a[0] - b[0])) widths[columnLetters(col)] = w;
        const heights: Record<string, number> = {};
        for (const [row, h] of [...s.rowHeights].sort((a, b) => a[0] - b[0])) heights[String(row)] = h;
        return {
          name: s.name,
          position,
          visibility: s.visibility,
          ...(s.tabColor ? { tabColor: s.tabColor } : {}),
          values: this.gridOf(s, false),
          formulas,
          formats: s.formats.map((f) => ({ address: formatRange(f.range), format: { ...f.format } })),
          merges: s.merges.map(formatRange),
          columnWidths: widths,
          rowHeights: heights,
          freeze: s.freeze ? { ...s.freeze } : null,
          tables: s.tables.map(({ range: _r, ...t }) => ({ ...t, headers: [...t.headers] })),
          validations: s.validations.map((v) => ({ ...v })),
          conditionalFormats: s.conditionalFormats.map((c) => ({ address: c.address, rule: { ...c.rule } })),
          charts: s.charts.map((c) => ({ ...c })),
          print: s.print ? { ...s.print } : null,
          protection: s.protection ? { ...s.protection } : null,
        };
      }),
    };
  }

  toJSON(): WorkbookSnapshot {
    return this.snapshot();
  }

  /** Rebuilds a workbook from a snapshot (e.g. one saved by the preview). */
  static fromSnapshot(snap: WorkbookSnapshot, opts: MemoryWorkbookOptions = {}): MemoryWorkbook {
    const wb = new MemoryWorkbook({ fileName: snap.fileName, ...opts });
    const ordered = [...snap.sheets].sort((a, b) => a.position - b.position);
    for (const s of ordered) wb.applyOp({ op: "addSheet", name: s.name, tabColor: s.tabColor });
    for (const s of ordered) {
      if (s.values.length) wb.applyOp({ op: "values", sheet: s.name, address: "A1", values: s.values });
      for (const [address, f] of Object.entries(s.formulas))
        wb.applyOp({ op: "formulas", sheet: s.name, address, formulas: [[f]] });
      for (const f of s.formats) wb.applyOp({ op: "format", sheet: s.name, address: f.address, format: f.format });
      for (const m of s.merges) wb.applyOp({ op: "merge", sheet: s.name, address: m });
      for (const [col, w] of Object.entries(s.columnWidths))
        wb.applyOp({ op: "columnWidths", sheet: s.name, from: col, widths: [w] });
      for (const [row, h] of Object.entries(s.rowHeights))
        wb.applyOp({ op: "rowHeight", sheet: s.name, row: Number(row), height: h });
      if (s.freeze) wb.applyOp({ op: "freeze", sheet: s.name, ...s.freeze });
      for (const t of s.tables)
        wb.applyOp({ op: "table", sheet: s.name, address: t.address, name: t.name, style: t.style, totals: t.totals });
      for (const v of s.validations) {
        if (v.type === "list")
          wb.applyOp({
            op: "validationList",
            sheet: s.name,
            address: v.address,
            list: v.list,
            prompt: v.prompt,
            error: v.error,
          });
        else
          wb.applyOp({
            op: "validationNumber",
            sheet: s.name,
            address: v.address,
            kind: v.type,
            min: v.min,
            max: v.max,
            prompt: v.prompt,
            error: v.error,
          });
      }
      for (const c of s.conditionalFormats)
        wb.applyOp({ op: "conditionalFormat", sheet: s.name, address: c.address, rule: c.rule });
      for (const c of s.charts) wb.applyOp({ op: "chart", sheet: s.name, ...c });
      if (s.print) wb.applyOp({ op: "print", sheet: s.name, ...s.print });
      if (s.protection) wb.applyOp({ op: "protect", sheet: s.name, allowFormatting: s.protection.allowFormatting });
    }
    for (const s of ordered)
      if (s.visibility !== "visible") wb.applyOp({ op: "sheetVisibility", name: s.name, visibility: s.visibility });
    const active = wb.find(snap.activeSheet);
    if (active) {
      wb.active = active.name;
      if (sameName(snap.selection.sheet, active.name)) active.selection = snap.selection.address;
    }
    return wb;
  }
}
