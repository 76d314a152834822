/**
 * Limits: a range or a workbook far beyond any school's or municipality's size is refused early
 * with a clear Russian message instead of freezing Excel or exhausting memory, and a cancelled
 * build of generated sheets leaves the workbook exactly as it was.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import * as F from "../../../src/functions/functions";
import { MAX_RANGE_CELLS } from "../../../src/functions/ranges";
import { ShimCustomFunctionError } from "../../../src/functions/shim";
import { readXlsxBuffer, readXlsxFile } from "../../../src/xlsx/exceljs";
import { checkXlsxPackage, defaultLimits } from "../../../src/xlsx/exceljs/zipguard";
import { MemoryWorkbook } from "../../../src/host/memory";
import { GenerationAbortedError, writeGeneratedSheets, type GeneratedSheetSpec } from "../../../src/host/generated";
import { writeSetting } from "../../../src/host/settings";
import { RESULTS_TABLE_HEADER } from "../functions/results-header";

const dir = mkdtempSync(join(tmpdir(), "msoko-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function excelError(fn: () => unknown): ShimCustomFunctionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShimCustomFunctionError) return e;
    throw e;
  }
  throw new Error("ожидалась ошибка");
}

/** A column of `n` rows sharing one row array: a million-row range for the price of one array. */
function column(n: number, v: unknown): unknown[][] {
  return new Array(n).fill([v]);
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("custom functions refuse ranges that would not fit in memory (issue 23: whole columns are read)", () => {
  it("a sheet-wide range (1 048 576 × 33) gives #ЗНАЧ! naming the argument and the limit", () => {
    const wide = new Array(1_048_576).fill(new Array(33).fill(5));
    const e = excelError(() => F.success(wide as never));
    expect(e.code).toBe("#ЗНАЧ!");
    expect(e.message).toBe(
      "Диапазон аргумента «отметки» слишком велик: 1\u00a0048\u00a0576 × 33 = 34\u00a0603\u00a0008 ячеек, предел — 33\u00a0554\u00a0432 ячейки. " +
        "Укажите только столбцы и строки с данными (например, A1:M5000 вместо A:XFD).",
    );
  });
  it("a whole column (A:A, 1 048 576 rows) is computed", () => {
    expect(MAX_RANGE_CELLS).toBe(33_554_432);
    expect(F.quality(column(1_048_576, 4) as never)).toBe(100);
  });
  it("a wide range of the journal, scores and cycle arguments is refused too", () => {
    const wide = [new Array(16_384).fill(4), ...new Array(2_048).fill(new Array(16_384).fill(null))];
    expect(excelError(() => F.confirm(column(5, 4) as never, wide as never)).message).toContain(
      "«отметки по журналу» слишком велик",
    );
    expect(excelError(() => F.belowmin("ЕГЭ", "Физика", 2026, wide as never)).message).toContain("слишком велик");
    expect(excelError(() => F.cycle(1, wide as never, null, "2026-05-15")).message).toContain("слишком велик");
  });
});

// Defect found here and fixed in src/functions/analysis.ts: the analysis functions read their table
// without the range guard (a whole-column table took 51 s in OBJECTIVITY). Since issue 23 a
// whole-column table (A:M) is read, blank rows skipped; a sheet-wide one is still refused at once.
describe("analysis functions over whole columns", () => {
  const HEADER = RESULTS_TABLE_HEADER;
  it("A:M (1 048 576 rows, data in 6) gives the same answer as the trimmed table", () => {
    const data = [HEADER];
    for (const year of [2024, 2025])
      for (const [login, n2] of [
        ["sch1", 1],
        ["sch2", 9],
        ["sch3", 2],
      ] as const)
        data.push([login, "СОШ", "город", "ВПР", year, 5, "", "Математика", 20, 2, 6, 11 - n2, n2] as never);
    const tall = [...data, ...new Array(1_048_576 - data.length).fill(new Array(13).fill(null))];
    expect(F.risk("sch2", tall as never, "балл")).toBe(F.risk("sch2", data.map((r) => [...r]) as never, "балл"));
  });
  it("a sheet-wide table gives #ЗНАЧ! «слишком велик» before any work", () => {
    const table = [new Array(16_384).fill("Год"), ...new Array(2_048).fill(new Array(16_384).fill(null))];
    for (const call of [
      () => F.objectivity("sch1", table as never),
      () => F.risk("sch1", table as never),
      () => F.stable("sch1", table as never),
      () => F.explain("sch1", "R1", table as never),
    ]) {
      const e = excelError(call);
      expect(e.code).toBe("#ЗНАЧ!");
      expect(e.message).toContain("«таблица» слишком велик");
    }
  });
});

describe("readXlsxFile refuses files and sheets beyond sane size", () => {
  it("a file over 50 MB is refused by its size before it is read (a sparse 51 MB file)", async () => {
    const path = join(dir, "огромный.xlsx");
    writeFileSync(path, "PK\u0003\u0004");
    truncateSync(path, 51 * 1024 * 1024);
    await expect(readXlsxFile(path)).rejects.toThrow(
      "Файл «огромный.xlsx» слишком велик: 51 МБ, допускается не больше 50 МБ. Разделите книгу или удалите лишние листы.",
    );
  });
  it("the size limit can be lowered (maxBytes)", async () => {
    const buf = await xlsx((wb) => (wb.addWorksheet("Лист1").getCell("A1").value = "x".repeat(5000)));
    await expect(readXlsxBuffer(buf, "школа.xlsx", { maxBytes: 1024 })).rejects.toThrow(
      /^Файл «школа\.xlsx» слишком велик: .* допускается не больше 0 МБ/,
    );
  });
  it("more sheets than allowed (maxSheets, default 1 000) are refused with the count", async () => {
    const buf = await xlsx((wb) => {
      for (let i = 1; i <= 4; i++) wb.addWorksheet(`Лист${i}`);
    });
    await expect(readXlsxBuffer(buf, "листы.xlsx", { maxSheets: 3 })).rejects.toThrow(
      "Файл «листы.xlsx» содержит 4 листа, допускается не больше 3: это не похоже на школьную форму или отчёт.",
    );
  });
  it("a zip with more than 10 000 parts (10 001 sheets) is refused from its directory alone", () => {
    // Only the local header signature and the end-of-central-directory record: the check must
    // stop at the part count without reading anything else.
    const buf = new Uint8Array(64);
    buf.set([0x50, 0x4b, 0x03, 0x04]);
    const eocd = buf.length - 22;
    const v = new DataView(buf.buffer);
    v.setUint32(eocd, 0x06054b50, true);
    v.setUint16(eocd + 8, 10_001, true);
    v.setUint16(eocd + 10, 10_001, true);
    expect(() => checkXlsxPackage(buf, "10001.xlsx", defaultLimits())).toThrow(
      "Файл «10001.xlsx» содержит 10001 частей, допускается не больше 10000: это не похоже на обычную книгу.",
    );
  });
  it("a sheet whose used range spans 16 384 columns × 400 rows (over 5 million cells) is refused", async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet("Широкий");
      ws.getCell(1, 1).value = 1;
      ws.getCell(400, 16_384).value = 2;
    });
    await expect(readXlsxBuffer(buf, "широкий.xlsx")).rejects.toThrow(
      "Лист «Широкий» файла «широкий.xlsx» слишком велик: 400 строк × 16\u00a0384 столбца, допускается не больше 5\u00a0000\u00a0000 ячеек.",
    );
  });
});

describe("a cancelled build leaves the workbook as it was (all-or-nothing)", () => {
  const specs: GeneratedSheetSpec[] = ["Свод", "Риски", "Объективность"].map((name, i) => ({
    name,
    kind: `test.${i}`,
    batch: (sheet) => [
      { op: "values", sheet, address: "A1", values: [[`${name}: новый`], [null], ['=HYPERLINK("http://evil")']] },
    ],
  }));

  async function bookWithEarlierRun(): Promise<MemoryWorkbook> {
    const wb = MemoryWorkbook.fromGrids({ "Мои данные": [["не трогать", 1]] });
    await writeSetting(wb, "report.date", "2026-05-15");
    await writeGeneratedSheets(
      wb,
      specs.map((s) => ({
        ...s,
        batch: (sheet: string) => [{ op: "values" as const, sheet, address: "A1", values: [[`${s.name}: старый`]] }],
      })),
      { now: new Date(2026, 0, 1) },
    );
    return wb;
  }

  for (const after of [1, 2, 3]) {
    it(`cancelled after sheet ${after} of 3: the same sheets, cells and settings as before`, async () => {
      const wb = await bookWithEarlierRun();
      const before = JSON.stringify(wb.snapshot());
      const ctl = new AbortController();
      const run = writeGeneratedSheets(wb, specs, {
        signal: ctl.signal,
        now: new Date(2026, 5, 1),
        onProgress: (done) => {
          if (done === after) ctl.abort();
        },
      });
      await expect(run).rejects.toBeInstanceOf(GenerationAbortedError);
      await expect(run).rejects.toThrow("Построение отменено: книга оставлена без изменений.");
      expect(JSON.stringify(wb.snapshot())).toBe(before);
      expect((await wb.listSheets()).map((s) => s.name)).not.toContain("~МСОКО 1");
    });
  }

  it("a write that fails mid-way (a bad batch on sheet 2) also leaves the workbook unchanged", async () => {
    const wb = await bookWithEarlierRun();
    const before = JSON.stringify(wb.snapshot());
    const broken = specs.map((s, i) =>
      i === 1
        ? { ...s, batch: (sheet: string) => [{ op: "values" as const, sheet, address: "A1", values: [[NaN]] }] }
        : s,
    );
    await expect(writeGeneratedSheets(wb, broken)).rejects.toThrow(/[А-Яа-я]/);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});
