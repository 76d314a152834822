import { afterEach, describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { createOfficePort, needsTextFormat, padFromA1, splitLargeOps, widthToPoints } from "../../../src/host/officejs";
import type { Grid, WriteOp } from "../../../src/host/port";
import { portContract } from "./contract";
import { FakeExcel } from "./fakeExcel";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function officeOver(grids: Record<string, Grid>, apiVersion = "1.14") {
  const fake = new FakeExcel(MemoryWorkbook.fromGrids(grids), apiVersion);
  uninstall?.();
  uninstall = fake.install();
  return { fake, port: createOfficePort() };
}

portContract("Office.js (поддельный Excel поверх памяти)", async (grids) => officeOver(grids).port);
portContract("Office.js в Excel 2016 (ExcelApi 1.2)", async (grids) => officeOver(grids, "1.2").port);

describe("Office.js port: load and sync discipline", () => {
  it("applies a batch of many ops in one Excel.run with two syncs", async () => {
    const { fake, port } = officeOver({ Данные: [["x"]] });
    const ops: WriteOp[] = [{ op: "addSheet", name: "Свод по ОО" }];
    for (let i = 0; i < 40; i++)
      ops.push({ op: "values", sheet: "Свод по ОО", address: `A${i + 1}`, values: [[`Школа ${i}`, i, "=1+1"]] });
    ops.push(
      { op: "formulas", sheet: "Свод по ОО", address: "B41", formulas: [["=SUM(B1:B40)"]] },
      { op: "format", sheet: "Свод по ОО", address: "A1:C1", format: { bold: true, borders: true, fill: "#DDEBF7" } },
      { op: "columnWidths", sheet: "Свод по ОО", from: "A", widths: [30, 10, 10] },
      { op: "freeze", sheet: "Свод по ОО", rows: 1, columns: 0 },
      { op: "table", sheet: "Свод по ОО", address: "A1:C40", name: "СводОО" },
      { op: "validationList", sheet: "Данные", address: "B2:B9", list: ["да", "нет"] },
      {
        op: "conditionalFormat",
        sheet: "Свод по ОО",
        address: "B1:B40",
        rule: { kind: "cellValue", operator: "lessThan", formula1: "=10", fill: "#FFC7CE" },
      },
      { op: "chart", sheet: "Свод по ОО", type: "barClustered", source: "A1:B10", title: "Доли", anchor: "E2" },
      { op: "print", sheet: "Свод по ОО", landscape: true },
      { op: "protect", sheet: "Данные" },
    );
    const before = { ...fake.log, loads: [...fake.log.loads] };
    const { notices } = await port.write({ ops });
    expect(notices).toEqual([]);
    expect(fake.log.runs - before.runs).toBe(1);
    expect(fake.log.syncs - before.syncs).toBe(2);
    expect(fake.log.loads.slice(before.loads.length)).toEqual([
      "worksheets: items/name,items/visibility",
      "tables: items/name",
    ]);
    const snap = fake.wb.snapshot().sheets[1];
    expect(snap.values[5]).toEqual(["Школа 5", 5, "=1+1"]);
    expect(snap.formulas).toEqual({ B41: "=SUM(B1:B40)" });
    expect(snap.tables.map((t) => t.name)).toEqual(["СводОО"]);
    expect(snap.freeze).toEqual({ rows: 1, columns: 0 });
    expect(snap.columnWidths).toEqual({ A: 30, B: 10, C: 10 });
    expect(snap.charts[0]).toMatchObject({ type: "barClustered", title: "Доли", anchor: "E2" });
    expect(snap.conditionalFormats[0]).toEqual({
      address: "B1:B40",
      rule: { kind: "cellValue", fill: "#FFC7CE", formula1: "=10", operator: "lessThan" },
    });
  });

  it("sends a batch too big for one request in parts of about 4 MB", async () => {
    const { fake, port } = officeOver({ Л: [] });
    const rows: Grid = Array.from({ length: 4_500 }, (_, i) => [`Участник ${i}`, "x".repeat(1000), i]);
    await port.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: rows }] });
    // ~4.6 MB of JSON: one sync for names, two for the data.
    expect(fake.log.syncs).toBe(3);
    const [r] = await fake.wb.readSheets(["Л"]);
    expect(r.values.length).toBe(4_500);
    expect(r.values[4_499]).toEqual(["Участник 4499", "x".repeat(1000), 4_499]);
  });

  it("loads no table names when the batch creates no table", async () => {
    const { fake, port } = officeOver({ Л: [] });
    await port.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: [[1]] }] });
    expect(fake.log.loads).toEqual(["worksheets: items/name,items/visibility"]);
    expect(fake.log.syncs).toBe(2);
  });

  it("reads all requested sheets with one sync for the data, loading only what is needed", async () => {
    const { fake, port } = officeOver({ А: [[1, 2]], Б: [["x"]], В: [] });
    await fake.wb.write({ ops: [{ op: "merge", sheet: "А", address: "A3:B3" }] });
    const reads = await port.readSheets(["А", "Б", "Нет"]);
    expect(reads).toEqual([
      { name: "А", values: [[1, 2]], merges: ["A3:B3"] },
      { name: "Б", values: [["x"]], merges: [] },
    ]);
    expect(fake.log.runs).toBe(1);
    // Names; sizes (values-only used range, and the used range with formats for merged blanks
    // such as A3:B3); then both small sheets' values and merged areas in one sync.
    expect(fake.log.syncs).toBe(3);
    expect(fake.log.loads).toEqual([
      "worksheets: items/name",
      "usedRange(valuesOnly): address,rowCount,columnCount",
      "usedRange(valuesOnly): address,rowCount,columnCount",
      "usedRange(all): address",
      "usedRange(all): address",
      "range(A1:B1): values",
      "mergedAreas(А): address",
      "range(A1): values",
      "mergedAreas(Б): address",
    ]);
  });

  it("skips what an older Excel cannot do, with Russian notices, and never loads merged areas there", async () => {
    const { fake, port } = officeOver({ Л: [["a"]] }, "1.2");
    const caps = await port.capabilities();
    expect(caps).toEqual({
      tables: true,
      charts: true,
      conditionalFormatting: false,
      freezePanes: false,
      dataValidation: false,
      pageLayout: false,
      mergedAreas: false,
    });
    const { notices } = await port.write({
      ops: [
        { op: "freeze", sheet: "Л", rows: 1, columns: 0 },
        { op: "validationList", sheet: "Л", address: "A2:A3", list: ["да"] },
        { op: "validationNumber", sheet: "Л", address: "B2:B3", kind: "whole", min: 0 },
        { op: "table", sheet: "Л", address: "A1:A2", name: "Т", totals: true },
      ],
    });
    expect(notices).toEqual([
      "Эта версия Excel не поддерживает закрепление областей: пропущено 1 действие на листе «Л». Остальное записано.",
      "Эта версия Excel не поддерживает проверку данных (списки и ограничения ввода): пропущено 2 действия на листе «Л». Остальное записано.",
      "Эта версия Excel не умеет включать строку итогов в таблицах: таблицы созданы без неё.",
    ]);
    expect(fake.wb.snapshot().sheets[0].tables[0]).toMatchObject({ name: "Т", totals: false });
    await port.readSheets(["Л"]);
    expect(fake.log.loads.some((l) => l.startsWith("mergedAreas"))).toBe(false);
  });

  it("in Excel 2016 (ExcelApi 1.1) skips merges, widths, heights and protection with one notice", async () => {
    const { fake, port } = officeOver({ Л: [["a", "b"]] }, "1.1");
    const { notices } = await port.write({
      ops: [
        { op: "merge", sheet: "Л", address: "A3:B3" },
        { op: "columnWidths", sheet: "Л", from: "A", widths: [20, 20] },
        { op: "rowHeight", sheet: "Л", row: 1, height: 20 },
        { op: "format", sheet: "Л", address: "A1:B1", format: { bold: true, locked: false } },
        { op: "addSheet", name: "Новый", tabColor: "#FF0000" },
      ],
    });
    expect(notices).toEqual([
      "Эта версия Excel не умеет объединять ячейки, задавать ширину столбцов и высоту строк и защищать листы: пропущено 3 действия. Остальное записано.",
    ]);
    const snap = fake.wb.snapshot();
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].formats).toEqual([{ address: "A1:B1", format: { bold: true } }]);
    expect(snap.sheets[1].tabColor).toBeUndefined();
    // Without valuesOnly (ExcelApi 1.2) the used range is read as is and trimmed.
    expect((await port.readSheets(["Л"]))[0].values).toEqual([["a", "b"]]);
  });

  it("refuses a bad batch before sending anything", async () => {
    const { fake, port } = officeOver({ Л: [] });
    await expect(
      port.write({
        ops: [
          { op: "addSheet", name: "Новый" },
          { op: "addSheet", name: "новый" },
        ],
      }),
    ).rejects.toThrow(/«новый».*уже есть/);
    expect(fake.log.syncs).toBe(1);
    expect((await fake.wb.listSheets()).map((s) => s.name)).toEqual(["Л"]);
  });

  it("explains an Excel failure in Russian, keeping Excel's code", async () => {
    const { port } = officeOver({ Л: [] });
    (globalThis as { Excel: unknown }).Excel = {
      run: async () => {
        throw Object.assign(new Error("The sheet is protected."), {
          code: "AccessDenied",
          debugInfo: { errorLocation: "Range.values" },
        });
      },
    };
    await expect(port.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: [[1]] }] })).rejects.toThrow(
      "Excel не выполнил запись в книгу: лист или книга защищены от изменений — снимите защиту («Рецензирование → Снять защиту листа») и повторите. Сообщение Excel: The sheet is protected. (код AccessDenied, Range.values).",
    );
  });

  it("reports the file name from the document URL", async () => {
    const { port } = officeOver({ Л: [] });
    expect(await port.fileName()).toBe("Свод.xlsx");
  });
});

describe("Office.js helpers", () => {
  it("marks text Excel would re-interpret", () => {
    for (const s of ["=1+1", "+7", "-3", "@x", "\tx", "0012", "15.05.2026", "TRUE", "ложь", "#N/A", "'abc"])
      expect(needsTextFormat(s), s).toBe(true);
    for (const s of ["", "Школа", "н/а", "отс"]) expect(needsTextFormat(s), s).toBe(false);
  });
  it("splits only oversized grids, keeping addresses contiguous", () => {
    const small: WriteOp = { op: "values", sheet: "Л", address: "B2", values: [[1]] };
    expect(splitLargeOps([small])).toEqual([small]);
    // Rows of 300,004 bytes (+1 comma, +9 for text formats) in blocks of at most 1,000,000 bytes: 3, 3, 2.
    const big: WriteOp = {
      op: "values",
      sheet: "Л",
      address: "B2:C9",
      values: Array.from({ length: 8 }, () => ["y".repeat(300_000)]),
    };
    const parts = splitLargeOps([big]) as Extract<WriteOp, { op: "values" }>[];
    expect(parts.map((p) => [p.address, p.values.length])).toEqual([
      ["B2", 3],
      ["B5", 3],
      ["B8", 2],
    ]);
    // Cyrillic counts twice: 150,000 letters are 300,000 bytes, so the same blocks.
    const cyr: WriteOp = {
      op: "formulas",
      sheet: "Л",
      address: "A1",
      formulas: Array.from({ length: 8 }, () => ["ш".repeat(150_000)]),
    };
    expect(
      (splitLargeOps([cyr]) as Extract<WriteOp, { op: "formulas" }>[]).map((p) => [p.address, p.formulas.length]),
    ).toEqual([
      ["A1", 3],
      ["A4", 3],
      ["A7", 2],
    ]);
  });
  it("converts widths in characters to points", () => {
    expect(widthToPoints(10)).toBe(56.25);
    expect(widthToPoints(0)).toBe(0);
  });
  it("pads a used range that starts below A1 and trims trailing blanks", () => {
    expect(
      padFromA1("Лист!B2:C3", [
        ["x", ""],
        ["", ""],
      ]),
    ).toEqual({
      values: [
        [null, null],
        [null, "x"],
      ],
    });
    expect(padFromA1("'Свод по ОО'!A1", [[""]], [[""]])).toEqual({ values: [], formulas: [] });
  });
});
