/**
 * A STRICT fake of the slice of the Office.js Excel object model that src/host/officejs.ts uses,
 * backed by a MemoryWorkbook. It behaves like Office.js where the port's discipline matters:
 * commands are queued and run only at `context.sync()`; a property can be read only after it was
 * loaded AND synced (otherwise it throws like PropertyNotLoaded); syncs, runs and loads are counted.
 * Like Excel, a string whose cell is not text-formatted and starts with "=" becomes a formula —
 * so the port's text-safety is tested, not assumed.
 *
 * Stricter than office-addin-mock, like Excel on the web:
 * - every sync measures its request — the UTF-8 JSON of every queued action's arguments (values,
 *   formulas, number formats, styles, addresses) plus a fixed cost per action and object path —
 *   and refuses one over `limit` (5 MB) with code RequestPayloadSizeLimitExceeded, applying nothing;
 * - it measures the response — the UTF-8 JSON of every loaded property — and refuses one over
 *   `limit` with ResponsePayloadSizeLimitExceeded;
 * - getMergedAreasOrNullObject fails on a range holding more than 512 merged areas (Excel returns
 *   the areas whose top-left cell lies in the range);
 * - the largest request and response seen are logged, so tests assert them.
 */
import {
  columnIndex,
  formatRange,
  parseQualified,
  parseRange,
  qualify,
  rangeSize,
  type RangePos,
} from "../../../src/core/a1";
import { MemoryWorkbook } from "../../../src/host/memory";
import type { CellFormat, ConditionalRule, WriteOp } from "../../../src/host/port";
import { jsonBytes, utf8Length } from "../../../src/host/payload";

type Step = () => Promise<void> | void;

export interface FakeLog {
  runs: number;
  syncs: number;
  /** "worksheets: items/name", "range(Лист!A1:B2): values" … in call order. */
  loads: string[];
  /** Largest request and response (UTF-8 JSON bytes) of any sync, refused ones included. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Sum over all syncs of the requests and responses (bytes the pane sent to and got from Excel). */
  totalRequestBytes: number;
  totalResponseBytes: number;
  /** Syncs refused for size (request or response over the limit). */
  refused: string[];
  /** Application.calculate calls that reached Excel, with their calculation type. */
  calculations: string[];
  /** Most sheets whose merged areas were asked for in one sync. */
  maxMergeSheetsPerSync: number;
  /** Excel.createWorkbook calls (their base64 argument, "" for an empty book). */
  created: string[];
}

/** Bytes Office.js spends per queued action and per object path besides the arguments (measured order of magnitude). */
const ACTION_BYTES = 120;
/** Excel on the web: 5 MB per request and per response. */
export const EXCEL_PAYLOAD_LIMIT = 5_000_000;
/** getMergedAreasOrNullObject fails above this many merged areas in the range. */
export const MERGED_AREAS_LIMIT = 512;

function excelFailure(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, debugInfo: { code, message } });
}

const CAP_ORDER = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.9",
  "1.10",
  "1.11",
  "1.12",
  "1.13",
  "1.14",
];

function loaded<T extends object>(target: T, label: string): T & { _loaded: Set<string>; _synced: Set<string> } {
  return Object.assign(target, { _loaded: new Set<string>(), _synced: new Set<string>(), _label: label });
}

function need(obj: { _synced: Set<string>; _label?: string }, prop: string): void {
  if (!obj._synced.has(prop)) throw new Error(`PropertyNotLoaded: ${obj._label}.${prop} прочитано без load+sync`);
}

/** Cells and ranges given the text number format "@" (so Excel keeps "=…" strings as text). */
class TextFormatted {
  private cells = new Set<string>();
  private ranges = new Map<string, RangePos[]>();
  addCell(sheet: string, row: number, col: number): void {
    this.cells.add(`${sheet.toUpperCase()}|${row}|${col}`);
  }
  addRange(sheet: string, r: RangePos): void {
    const key = sheet.toUpperCase();
    const list = this.ranges.get(key) ?? [];
    list.push(r);
    this.ranges.set(key, list);
  }
  has(sheet: string, row: number, col: number): boolean {
    const key = sheet.toUpperCase();
    if (this.cells.has(`${key}|${row}|${col}`)) return true;
    return (this.ranges.get(key) ?? []).some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  }
}

export class FakeExcel {
  readonly textFormatted = new TextFormatted();
  readonly log: FakeLog = {
    runs: 0,
    syncs: 0,
    loads: [],
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
    refused: [],
    calculations: [],
    maxMergeSheetsPerSync: 0,
    created: [],
  };
  /** Largest request or response accepted (UTF-8 JSON bytes). */
  limit = EXCEL_PAYLOAD_LIMIT;
  /** Highest supported ExcelApi version. */
  apiVersion: string;
  readonly wb: MemoryWorkbook;
  fileUrl = "https://example.sharepoint.com/sites/uo/Shared%20Documents/%D0%A1%D0%B2%D0%BE%D0%B4.xlsx";

  constructor(wb: MemoryWorkbook, apiVersion = "1.14") {
    this.wb = wb;
    this.apiVersion = apiVersion;
  }

  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const prev = { Excel: g.Excel, Office: g.Office };
    g.Excel = {
      run: (fn: (ctx: unknown) => Promise<unknown>) => this.run(fn),
      // ExcelApi 1.8; strict: refused below it, as Excel refuses an API its version lacks.
      createWorkbook: async (base64?: string) => {
        if (CAP_ORDER.indexOf(this.apiVersion) < CAP_ORDER.indexOf("1.8"))
          throw Object.assign(new Error("createWorkbook is not supported"), { code: "ApiNotFound" });
        this.log.created.push(base64 ?? "");
      },
    };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) =>
            name === "ExcelApi" &&
            CAP_ORDER.indexOf(v) >= 0 &&
            CAP_ORDER.indexOf(v) <= CAP_ORDER.indexOf(this.apiVersion),
        },
        document: { url: this.fileUrl },
      },
    };
    return () => {
      g.Excel = prev.Excel;
      g.Office = prev.Office;
    };
  }

  async run<T>(fn: (ctx: unknown) => Promise<T>): Promise<T> {
    this.log.runs++;
    const ctx = new FakeContext(this);
    return fn(ctx);
  }
}

class FakeContext {
  private queue: Step[] = [];
  /** UTF-8 JSON bytes of everything queued since the last sync. */
  private requestBytes = 0;
  private responseBytes = 0;
  /** Sheets whose merged areas are asked for in the pending request. */
  readonly mergeSheets = new Set<string>();
  readonly workbook: FakeWorkbook;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Counts an action or object path and its arguments into the pending request. */
  charge(args?: unknown): void {
    this.requestBytes +=
      ACTION_BYTES + (args === undefined ? 0 : typeof args === "string" ? utf8Length(args) + 2 : jsonBytes(args));
  }

  enqueue(step: Step, args?: unknown): void {
    this.charge(args);
    this.queue.push(step);
  }

  /** Ops are queued as WriteOps (mutable until sync, like proxy objects) and applied in order. */
  op(op: WriteOp): WriteOp {
    this.enqueue(async () => {
      await this.fake.wb.write({ ops: [op] });
    }, op);
    return op;
  }

  /** `fill` returns what Excel sends back for the loaded properties (its JSON is the response's size). */
  load(obj: { _loaded: Set<string>; _synced: Set<string>; _label?: string }, props: string, fill: () => unknown): void {
    this.fake.log.loads.push(`${obj._label}: ${props}`);
    for (const p of props.split(",")) obj._loaded.add(p.trim());
    this.enqueue(async () => {
      const sent = await fill();
      this.responseBytes += jsonBytes(sent ?? null);
      for (const p of obj._loaded) obj._synced.add(p);
    }, props);
  }

  async sync(): Promise<void> {
    const log = this.fake.log;
    log.syncs++;
    const steps = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    log.maxMergeSheetsPerSync = Math.max(log.maxMergeSheetsPerSync, this.mergeSheets.size);
    this.mergeSheets.clear();
    log.maxRequestBytes = Math.max(log.maxRequestBytes, request);
    log.totalRequestBytes += request;
    if (request > this.fake.limit) {
      log.refused.push(`request ${request}`);
      throw excelFailure(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} bytes).`,
      );
    }
    for (const s of steps) await s();
    const response = this.responseBytes;
    this.responseBytes = 0;
    log.maxResponseBytes = Math.max(log.maxResponseBytes, response);
    log.totalResponseBytes += response;
    if (response > this.fake.limit) {
      log.refused.push(`response ${response}`);
      throw excelFailure(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${response} bytes).`,
      );
    }
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  private _tables?: ReturnType<FakeWorkbook["makeTables"]>;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
  }

  get tables() {
    this._tables ??= this.makeTables();
    return this._tables;
  }

  private makeTables() {
    const ctx = this.ctx;
    let items: { name: string }[] = [];
    const t = loaded(
      {
        load: (props: string) =>
          ctx.load(t, props, () => {
            items = ctx.fake.wb.snapshot().sheets.flatMap((s) => s.tables.map((x) => ({ name: x.name })));
            return items;
          }),
        get items() {
          need(t, "items/name");
          return items;
        },
      },
      "tables",
    );
    return t;
  }

  /** Application.calculate(type): counted when the sync reaches Excel. */
  get application() {
    const ctx = this.ctx;
    return {
      calculate: (type: string) =>
        ctx.enqueue(() => {
          ctx.fake.log.calculations.push(type);
        }, [type]),
    };
  }

  getSelectedRange() {
    const ctx = this.ctx;
    let address = "";
    const r = loaded(
      {
        load: (props: string) =>
          ctx.load(r, props, async () => {
            const sel = await ctx.fake.wb.selection();
            address = qualify(sel.sheet, sel.address);
            return { address };
          }),
        get address() {
          need(r, "address");
          return address;
        },
      },
      "selectedRange",
    );
    return r;
  }
}

class FakeWorksheets {
  private items_: FakeWorksheet[] = [];
  readonly _loaded = new Set<string>();
  readonly _synced = new Set<string>();
  readonly _label = "worksheets";

  constructor(private readonly ctx: FakeContext) {}

  load(props: string): void {
    this.ctx.load(this, props, async () => {
      const list = await this.ctx.fake.wb.listSheets();
      this.items_ = list.map((s) => {
        const w = new FakeWorksheet(this.ctx, { name: s.name });
        w.setLoaded(s.name, s.position, s.visibility);
        return w;
      });
      return list;
    });
  }

  get items(): FakeWorksheet[] {
    if (![...this._synced].some((p) => p.startsWith("items/"))) throw new Error("PropertyNotLoaded: worksheets.items");
    return this.items_;
  }

  getItem(name: string): FakeWorksheet {
    this.ctx.charge(name);
    return new FakeWorksheet(this.ctx, { name });
  }

  add(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.ctx, { name });
    w.pendingAdd = this.ctx.op({ op: "addSheet", name }) as Extract<WriteOp, { op: "addSheet" }>;
    return w;
  }
}

const VIS: Record<string, "visible" | "hidden" | "veryHidden"> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};
const VIS_OUT: Record<string, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

class FakeWorksheet {
  pendingAdd?: Extract<WriteOp, { op: "addSheet" }>;
  private loadedProps: { name?: string; position?: number; visibility?: string } = {};

  constructor(
    private readonly ctx: FakeContext,
    /** Shared by all ops on this sheet, so a rename re-targets later ops as Excel's object identity does. */
    readonly ref: { name: string },
  ) {}

  setLoaded(name: string, position: number, visibility: string): void {
    this.loadedProps = { name, position, visibility: VIS_OUT[visibility] };
  }

  get name(): string {
    if (this.loadedProps.name === undefined) throw new Error("PropertyNotLoaded: worksheet.name");
    return this.loadedProps.name;
  }
  set name(to: string) {
    const from = this.ref;
    this.ctx.enqueue(async () => {
      await this.ctx.fake.wb.write({ ops: [{ op: "renameSheet", from: from.name, to }] });
      from.name = to;
    });
  }
  get position(): number {
    return this.loadedProps.position!;
  }
  set position(p: number) {
    if (this.pendingAdd) this.pendingAdd.position = p;
  }
  set tabColor(c: string) {
    if (this.pendingAdd) this.pendingAdd.tabColor = c;
  }
  get visibility(): string {
    return this.loadedProps.visibility!;
  }
  set visibility(v: string) {
    this.ctx.enqueue(async () => {
      await this.ctx.fake.wb.write({ ops: [{ op: "sheetVisibility", name: this.ref.name, visibility: VIS[v] }] });
    });
  }
  delete(): void {
    this.ctx.enqueue(async () => {
      await this.ctx.fake.wb.write({ ops: [{ op: "deleteSheet", name: this.ref.name }] });
    });
  }
  activate(): void {
    this.ctx.enqueue(() => this.ctx.fake.wb.activate(this.ref.name));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.ref, address ?? "A1:XFD1048576");
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.ref, null, valuesOnly);
  }
  get freezePanes() {
    const sheet = () => this.ref.name;
    const op = (rows: number, columns: number) => this.ctx.op({ op: "freeze", sheet: sheet(), rows, columns });
    return {
      unfreeze: () => op(0, 0),
      freezeRows: (n: number) => op(n, 0),
      freezeColumns: (n: number) => op(0, n),
      freezeAt: (a: string) => {
        const s = rangeSize(a);
        op(s.rows, s.columns);
      },
    };
  }
  get tables() {
    return {
      add: (address: string, _headers: boolean) => {
        const op = this.ctx.op({
          op: "table",
          sheet: this.ref.name,
          address,
          name: `Таблица${this.ctx.fake.log.syncs}`,
        }) as Extract<WriteOp, { op: "table" }>;
        return {
          set name(n: string) {
            op.name = n;
          },
          set style(s: string) {
            op.style = s;
          },
          set showTotals(t: boolean) {
            op.totals = t;
          },
        };
      },
    };
  }
  get charts() {
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const map: Record<string, string> = {
          ColumnClustered: "columnClustered",
          BarClustered: "barClustered",
          Line: "line",
          Pie: "pie",
          ColumnStacked100: "columnStacked100",
          BarStacked100: "barStacked100",
        };
        const op = this.ctx.op({
          op: "chart",
          sheet: this.ref.name,
          type: map[type] as never,
          source: qualify(source.sheet.name, source.target!),
          title: "",
          anchor: "A1",
          ...(seriesBy !== "Auto" ? { seriesBy: seriesBy.toLowerCase() as "rows" | "columns" } : {}),
        }) as Extract<WriteOp, { op: "chart" }>;
        return {
          title: {
            set text(t: string) {
              op.title = t;
            },
          },
          setPosition: (a: string) => {
            op.anchor = a;
          },
          set width(w: number) {
            op.width = w;
          },
          set height(h: number) {
            op.height = h;
          },
          series: {
            getItemAt: (i: number) => {
              const paint = (at: number) => ({
                format: {
                  fill: {
                    setSolidColor: (c: string) => {
                      op.colors = op.colors ?? [];
                      op.colors[at] = c;
                    },
                  },
                },
              });
              return { ...paint(i), points: { getItemAt: (p: number) => paint(p) } };
            },
          },
        };
      },
    };
  }
  private printOp?: Extract<WriteOp, { op: "print" }>;
  get horizontalPageBreaks() {
    return {
      add: (a: string) => {
        const op = this.printOp!;
        op.rowBreaks = [...(op.rowBreaks ?? []), Number(a.replace(/^[A-Z]+/, ""))];
      },
    };
  }
  get pageLayout() {
    const op = this.ctx.op({ op: "print", sheet: this.ref.name }) as Extract<WriteOp, { op: "print" }>;
    this.printOp = op;
    return {
      set orientation(o: string) {
        op.landscape = o === "Landscape";
      },
      set zoom(z: { horizontalFitToPages?: number; scale?: number }) {
        if (z.scale !== undefined) op.scale = z.scale;
        else op.fitToWidth = z.horizontalFitToPages === 1;
      },
      setPrintTitleColumns: (c: string) => {
        op.titleColumns = c;
      },
      setPrintTitleRows: (r: string) => {
        op.titleRows = r.replace(/\$/g, "");
      },
      setPrintArea: (a: string) => {
        op.area = a;
      },
    };
  }
  get protection() {
    return {
      unprotect: () => undefined,
      protect: (o: { allowFormatCells?: boolean }) =>
        this.ctx.op({ op: "protect", sheet: this.ref.name, allowFormatting: !!o.allowFormatCells }),
    };
  }
}

class FakeRange {
  readonly _loaded = new Set<string>();
  readonly _synced = new Set<string>();
  readonly _label: string;
  private data: Record<string, unknown> = {};

  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: { name: string },
    /** The range's own address; null for a used range (known only after load). */
    readonly target: string | null,
    private readonly valuesOnly?: boolean,
  ) {
    this._label = target ? `range(${target})` : `usedRange(${valuesOnly ? "valuesOnly" : "all"})`;
    ctx.charge(target ?? undefined);
  }

  get address(): string {
    if (this.target && !this._loaded.has("address")) return this.target;
    return this.get("address") as string;
  }

  /** Returns the range itself, as Office.js does (`range.load("address")` chains). */
  load(props: string): this {
    this.ctx.load(this, props, async () => {
      if (this.target) {
        const blank = (v: unknown) => (v === null || v === undefined ? "" : v);
        const [values] = await this.ctx.fake.wb.readRanges([{ sheet: this.sheet.name, address: this.target }]);
        const [formulas] = await this.ctx.fake.wb.readRanges([{ sheet: this.sheet.name, address: this.target }], {
          formulas: true,
        });
        this.data = {
          address: qualify(this.sheet.name, this.target),
          values: values!.map((r) => r.map(blank)),
          formulas: formulas!.map((r) => r.map(blank)),
        };
        return this.sent(props);
      }
      const [read] = await this.ctx.fake.wb.readSheets([this.sheet.name], { formulas: true });
      const values = read?.values ?? [];
      let rows = Math.max(1, values.length);
      let cols = Math.max(1, values[0]?.length ?? 0);
      // Like Excel, the used range with formats (valuesOnly false) also covers merged blank cells.
      if (!this.valuesOnly) {
        for (const m of this.ctx.fake.wb.mergedAreas(this.sheet.name)) {
          const p = parseRange(m);
          rows = Math.max(rows, p.bottom + 1);
          cols = Math.max(cols, p.right + 1);
        }
      }
      const blank = (v: unknown) => (v === null || v === undefined ? "" : v);
      const pad = (grid: unknown[][]) =>
        Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => blank(grid[r]?.[c])));
      this.data = {
        address: qualify(this.sheet.name, formatRange({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 })),
        rowCount: rows,
        columnCount: cols,
        // Built only when loaded: a 50,000-row sheet's grid is not copied to answer its address.
        get values() {
          return pad(values);
        },
        get formulas() {
          return pad(read?.formulas ?? []);
        },
      };
      return this.sent(props);
    });
    return this;
  }

  /** Only the loaded properties travel back. */
  private sent(props: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props.split(",")) out[p.trim()] = this.data[p.trim()];
    return out;
  }

  private get(prop: string): unknown {
    need(this, prop);
    return this.data[prop];
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }

  set numberFormat(f: unknown) {
    const sheet = this.sheet;
    const at = parseRange(this.target!);
    const text = this.ctx.fake.textFormatted;
    if (Array.isArray(f)) {
      this.ctx.enqueue(() => {
        (f as unknown[][]).forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === "@") text.addCell(sheet.name, at.top + r, at.left + c);
          }),
        );
      }, f);
      return;
    }
    this.ctx.op({ op: "format", sheet: this.sheet.name, address: this.target!, format: { numberFormat: String(f) } });
    if (f === "@") this.ctx.enqueue(() => text.addRange(sheet.name, at));
  }

  set values(grid: unknown[][]) {
    const start = this.target!.split(":")[0];
    const at = parseRange(start);
    const text = this.ctx.fake.textFormatted;
    const sheet = this.sheet;
    this.ctx.enqueue(async () => {
      // Excel's parse of what is set: "" clears; "=…" on a cell not formatted as text is a formula.
      const values = grid.map((row, r) =>
        row.map((v, c) =>
          v === ""
            ? null
            : typeof v === "string" && /^[=+\-@]/.test(v) && !text.has(sheet.name, at.top + r, at.left + c)
              ? `__FORMULA__${v}`
              : v,
        ),
      );
      const asFormulas = values.map((row) =>
        row.map((v) =>
          typeof v === "string" && v.startsWith("__FORMULA__") ? `=${v.slice(11).replace(/^[=]/, "")}` : null,
        ),
      );
      await this.ctx.fake.wb.write({
        ops: [
          {
            op: "values",
            sheet: sheet.name,
            address: start,
            values: values.map((row) =>
              row.map((v) => (typeof v === "string" && v.startsWith("__FORMULA__") ? null : (v as never))),
            ),
          },
        ],
      });
      const injected = asFormulas.flatMap((row, r) => row.map((f, c) => ({ f, r, c }))).filter((x) => x.f !== null);
      if (injected.length) {
        const s = parseRange(start);
        for (const x of injected) {
          await this.ctx.fake.wb.write({
            ops: [
              {
                op: "formulas",
                sheet: sheet.name,
                address: formatRange({
                  top: s.top + x.r,
                  left: s.left + x.c,
                  bottom: s.top + x.r,
                  right: s.left + x.c,
                }),
                formulas: [[x.f]],
              },
            ],
          });
        }
      }
    }, grid);
  }

  set formulas(grid: unknown[][]) {
    this.ctx.op({
      op: "formulas",
      sheet: this.sheet.name,
      address: this.target!.split(":")[0],
      formulas: grid as never,
    });
  }

  get format() {
    const fmt = (f: CellFormat) =>
      this.ctx.op({ op: "format", sheet: this.sheet.name, address: this.target!, format: f });
    const addr = this.target!;
    const sheet = this.sheet;
    const ctx = this.ctx;
    return {
      font: {
        set bold(v: boolean) {
          fmt({ bold: v });
        },
        set italic(v: boolean) {
          fmt({ italic: v });
        },
        set size(v: number) {
          fmt({ fontSize: v });
        },
        set color(v: string) {
          fmt({ fontColor: v });
        },
      },
      fill: {
        set color(v: string) {
          fmt({ fill: v });
        },
      },
      set wrapText(v: boolean) {
        fmt({ wrap: v });
      },
      set horizontalAlignment(v: string) {
        fmt({ hAlign: v.toLowerCase() as CellFormat["hAlign"] });
      },
      set verticalAlignment(v: string) {
        fmt({ vAlign: v.toLowerCase() as CellFormat["vAlign"] });
      },
      borders: {
        getItem: (_edge: string) => ({
          set style(_s: string) {
            fmt({ borders: true });
          },
          set weight(_w: string) {},
          set color(_c: string) {},
        }),
      },
      protection: {
        set locked(v: boolean) {
          fmt({ locked: v });
        },
      },
      set columnWidth(points: number) {
        const letter = addr.split(":")[0].replace(/\d+/g, "");
        // Back from points to characters (inverse of the port's conversion).
        ctx.op({
          op: "columnWidths",
          sheet: sheet.name,
          from: letter,
          widths: [Math.round(((points / 0.75 - 5) / 7) * 100) / 100],
        });
        void columnIndex(letter);
      },
      set rowHeight(h: number) {
        ctx.op({ op: "rowHeight", sheet: sheet.name, row: Number(addr.split(":")[0]), height: h });
      },
    };
  }

  merge(_across: boolean): void {
    this.ctx.op({ op: "merge", sheet: this.sheet.name, address: this.target! });
  }

  select(): void {
    const sheet = this.sheet;
    const address = this.target!;
    this.ctx.enqueue(() => this.ctx.fake.wb.select(sheet.name, address));
  }

  get dataValidation() {
    const sheet = this.sheet;
    const address = this.target!;
    const ctx = this.ctx;
    let op: WriteOp | null = null;
    return {
      clear: () => undefined,
      set rule(r: {
        list?: { source: string };
        wholeNumber?: { formula1: number; formula2?: number; operator: string };
        decimal?: { formula1: number; formula2?: number; operator: string };
      }) {
        if (r.list) op = ctx.op({ op: "validationList", sheet: sheet.name, address, list: r.list.source.split(",") });
        else {
          const c = (r.wholeNumber ?? r.decimal)!;
          const [min, max] =
            c.operator === "Between"
              ? [c.formula1, c.formula2]
              : c.operator === "GreaterThanOrEqualTo"
                ? [c.formula1, undefined]
                : [undefined, c.formula1];
          op = ctx.op({
            op: "validationNumber",
            sheet: sheet.name,
            address,
            kind: r.wholeNumber ? "whole" : "decimal",
            min,
            max,
          });
        }
      },
      set prompt(p: { message: string }) {
        if (op && "prompt" in op) (op as { prompt?: string }).prompt = p.message;
        else if (op) Object.assign(op, { prompt: p.message });
      },
      set errorAlert(e: { message: string }) {
        if (op) Object.assign(op, { error: e.message });
      },
    };
  }

  get conditionalFormats() {
    const sheet = this.sheet;
    const address = this.target!;
    const ctx = this.ctx;
    return {
      add: (type: string) => {
        const kinds: Record<string, ConditionalRule["kind"]> = {
          CellValue: "cellValue",
          Custom: "expression",
          DataBar: "dataBar",
          ColorScale: "colorScale",
        };
        const rule: ConditionalRule = { kind: kinds[type] };
        ctx.op({ op: "conditionalFormat", sheet: sheet.name, address, rule });
        const format = {
          fill: {
            set color(c: string) {
              rule.fill = c;
            },
          },
          font: {
            set color(c: string) {
              rule.fontColor = c;
            },
          },
        };
        return {
          cellValue: {
            format,
            set rule(r: { formula1: string; formula2?: string; operator: string }) {
              rule.formula1 = r.formula1;
              if (r.formula2 !== undefined) rule.formula2 = r.formula2;
              rule.operator = (r.operator.charAt(0).toLowerCase() + r.operator.slice(1)).replace(
                "To",
                "",
              ) as ConditionalRule["operator"];
            },
          },
          custom: {
            format,
            rule: {
              set formula(f: string) {
                rule.formula1 = f;
              },
            },
          },
          dataBar: {
            positiveFormat: {
              set fillColor(c: string) {
                rule.fill = c;
              },
            },
          },
          colorScale: {
            set criteria(c: { minimum: { color: string }; midpoint: { color: string }; maximum: { color: string } }) {
              rule.colors = [c.minimum.color, c.midpoint.color, c.maximum.color];
            },
          },
        };
      },
    };
  }

  /** Like Excel: the merged areas whose top-left cell lies in this range; more than 512 fail the sync. */
  getMergedAreasOrNullObject() {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const within = this.target ? parseRange(this.target) : null;
    let address = "";
    ctx.charge();
    ctx.mergeSheets.add(sheet.name.toUpperCase());
    const r = loaded(
      {
        load: (props: string) =>
          ctx.load(r, props, () => {
            const areas = ctx.fake.wb.mergedAreas(sheet.name).filter((m) => {
              const p = parseRange(m);
              return (
                !within ||
                (p.top >= within.top && p.top <= within.bottom && p.left >= within.left && p.left <= within.right)
              );
            });
            if (areas.length > MERGED_AREAS_LIMIT) {
              throw excelFailure(
                "GeneralException",
                `The range has ${areas.length} merged areas; at most ${MERGED_AREAS_LIMIT} can be returned.`,
              );
            }
            address = areas.map((m) => qualify(sheet.name, m)).join(", ");
            return { address };
          }),
        get isNullObject() {
          need(r, "address");
          return address === "";
        },
        get address() {
          need(r, "address");
          return address;
        },
      },
      `mergedAreas(${sheet.name})`,
    );
    return r;
  }
}

/** Parses "Лист!A1" for tests. */
export { parseQualified };
