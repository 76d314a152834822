/**
 * office.js for the pane's memory benchmark (bench/cases/pane-memory.mjs): bundled by esbuild into
 * one browser script that the benchmark serves in place of Microsoft's office.js. The pane then
 * starts as in Excel on the web — no memory hook, the Office.js port (src/host/officejs.ts) — and
 * talks to the strict fake of the Excel object model (test/unit/host/fakeExcel.ts: queued
 * commands, PropertyNotLoaded, 5 MB requests refused).
 *
 * Unlike the unit tests, the fake's workbook is a sink: in Excel the written cells live in Excel,
 * outside the pane's memory, so what the summary writes into its sheets is counted (ops, UTF-8
 * JSON bytes) and dropped. Only what the port reads back is kept: the sheets themselves (names,
 * order, visibility), the settings sheet (the generated-sheet registry) and each sheet's marker cell.
 */
import { MemoryWorkbook } from "../../src/host/memory";
import { MARKER_CELL } from "../../src/host/generated";
import { jsonBytes } from "../../src/host/payload";
import type { WriteBatch, WriteOp } from "../../src/host/port";
import { SETTINGS_SHEET } from "../../src/host/settings";
import { FakeExcel } from "../../test/unit/host/fakeExcel";

/** Ops that only change a sheet's structure (kept: the port reads sheet names back). */
const STRUCTURE = new Set<WriteOp["op"]>(["addSheet", "deleteSheet", "renameSheet", "sheetVisibility"]);

export interface SinkStats {
  /** Ops that reached the workbook, and those dropped after counting. */
  ops: number;
  dropped: number;
  /** UTF-8 JSON bytes of the dropped ops (what Excel would have stored). */
  droppedBytes: number;
  /** The same per sheet (by its final name). */
  bySheet: Record<string, number>;
}

class SinkWorkbook extends MemoryWorkbook {
  readonly stats: SinkStats = { ops: 0, dropped: 0, droppedBytes: 0, bySheet: {} };

  override async write(batch: WriteBatch): Promise<{ notices: string[] }> {
    const kept: WriteOp[] = [];
    for (const op of batch.ops) {
      this.stats.ops++;
      // The summary's sheets are written under temporary names and renamed at the end: follow them.
      if (op.op === "renameSheet" && op.from in this.stats.bySheet) {
        this.stats.bySheet[op.to] = this.stats.bySheet[op.from];
        delete this.stats.bySheet[op.from];
      }
      if (keep(op)) kept.push(op);
      else {
        const bytes = jsonBytes(op);
        this.stats.dropped++;
        this.stats.droppedBytes += bytes;
        const sheet = "sheet" in op ? op.sheet : "";
        this.stats.bySheet[sheet] = (this.stats.bySheet[sheet] ?? 0) + bytes;
      }
    }
    return kept.length ? super.write({ ...batch, ops: kept }) : { notices: [] };
  }
}

function keep(op: WriteOp): boolean {
  if (STRUCTURE.has(op.op)) return true;
  if (!("sheet" in op)) return true;
  if (op.sheet.toLocaleUpperCase("ru") === SETTINGS_SHEET.toLocaleUpperCase("ru")) return true;
  // The generated-sheet marker: one cell the next run reads to know the sheet is the add-in's.
  return op.op === "values" && op.address === MARKER_CELL;
}

declare global {
  interface Window {
    __paneBench?: { log: FakeExcel["log"]; sink: SinkStats };
  }
}

const sink = new SinkWorkbook();
sink.write({ ops: [{ op: "addSheet", name: "Лист1" }] }).catch(() => undefined);
const fake = new FakeExcel(sink);
fake.install();
window.__paneBench = { log: fake.log, sink: sink.stats };

// What the pane's entry needs of Office besides Excel: onReady and the host (Excel on the web).
const office = (window as unknown as { Office: Record<string, unknown> }).Office;
const context = office.context as Record<string, unknown>;
Object.assign(office, {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const ready = Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    if (typeof callback === "function") ready.then(callback);
    return ready;
  },
});
Object.assign(context, {
  displayLanguage: "ru-RU",
  officeTheme: {
    bodyBackgroundColor: "#ffffff",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#ffffff",
    controlForegroundColor: "#000000",
    isDarkTheme: false,
  },
  diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
});
