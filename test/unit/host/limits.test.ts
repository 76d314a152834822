/**
 * Excel on the web's limits, through the strict fake (fakeExcel.ts): no request or response over
 * 5 MB (UTF-8 JSON), no getMergedAreasOrNullObject over 512 areas. A 20,000-row summary sheet of
 * Cyrillic text and logins is written and read back; a sheet with 1,000 merged areas is read;
 * a response refused for size is retried in smaller blocks; every Excel error code reads in Russian.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { createOfficePort, prepareOp } from "../../../src/host/officejs";
import { EXCEL_ERROR_TEXTS, excelError, isPayloadLimit } from "../../../src/host/excel-errors";
import { jsonBytes, rowBlocks, rowBytes, utf8Length } from "../../../src/host/payload";
import { textFormatPlan } from "../../../src/host/text-format";
import type { Grid, WriteOp } from "../../../src/host/port";
import { EXCEL_PAYLOAD_LIMIT, FakeExcel } from "./fakeExcel";

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

const DISTRICTS = ["Заречный", "Центральный", "Октябрьский", "Ленинский", "Советский"];
const SUBJECTS = ["Русский язык", "Математика", "Биология", "История", "Обществознание"];

/** A summary-like row: login, Cyrillic names, numbers, a percentage, a date as text, a code with a leading "=". */
function summaryRow(i: number): (string | number | boolean | null)[] {
  return [
    `edu${203389 + i}`,
    `МБОУ «Средняя общеобразовательная школа № ${(i % 97) + 1}» — ${DISTRICTS[i % 5]} район`,
    DISTRICTS[i % 5],
    SUBJECTS[i % 5],
    4 + (i % 8),
    20 + (i % 13),
    (i % 1000) / 10,
    Math.round(((i * 37) % 1000) / 10) / 10,
    i % 3 === 0 ? "высокий" : i % 3 === 1 ? "средний" : "низкий",
    i % 7 === 0 ? "=ПРИЗНАК O1" : "нет признаков",
    "15.05.2026",
    `${i % 30} из ${30 + (i % 5)}`,
    i % 11 === 0 ? null : "Рекомендовано: методическое сопровождение",
    i,
    i % 2 === 0,
    `Учитель-код T${i % 400}`,
    "ВПР",
    2026,
    `Класс ${4 + (i % 8)}${"АБВГ"[i % 4]}`,
    "Примечание: результаты подтверждены",
  ];
}

describe("payload sizes in UTF-8 bytes", () => {
  it("counts Cyrillic as 2 bytes, emoji as 4, and JSON escapes", () => {
    expect(utf8Length("edu203389")).toBe(9);
    expect(utf8Length("Школа")).toBe(10);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes(["Школа", 12.5, null, true])).toBe(
      Buffer.byteLength(JSON.stringify(["Школа", 12.5, null, true]), "utf8"),
    );
    const row = ['кавычка "в тексте"', "a\\b", "\t", 1e21, false, null];
    expect(rowBytes(row)).toBe(Buffer.byteLength(JSON.stringify(row), "utf8"));
  });

  it("cuts rows into blocks by bytes; a row bigger than the budget stands alone", () => {
    const rows = [["ш".repeat(10)], ["ш".repeat(10)], ["x".repeat(100)], ["y"]];
    // Row JSON: ["шшш…"] = 24 bytes (+1 comma); the 100-char row is 104 (+1).
    expect(rowBlocks(rows, 60)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(rowBlocks([], 60)).toEqual([]);
  });

  it("sizes a values op by everything it sends: grid, address and text formats", () => {
    const op: WriteOp = {
      op: "values",
      sheet: "Свод",
      address: "A1",
      values: [
        ["edu1", "Школа"],
        ["edu2", 5],
      ],
    };
    const p = prepareOp(op);
    // Grid JSON [["edu1","Школа"],["edu2",5]] is 34 bytes (counted with one spare comma: 35),
    // sheet name «Свод» 8 bytes, 2 actions of 200; column A's formats: a two-row column of
    // formats (400 + 2 × 9 = 418 bytes) is cheaper than one run (424).
    expect(jsonBytes(p.grid)).toBe(34);
    expect(p.text).toEqual([{ kind: "column", col: 0, formats: ["@", "@"] }]);
    expect(p.bytes).toBe(400 + 8 + 35 + 418);
  });
});

describe("text formats go per run, not as a whole grid", () => {
  it("a column of logins is one run; plain words and numbers get none", () => {
    const grid = Array.from({ length: 1000 }, (_, i) => [`edu${i}`, "Школа", i]);
    expect(textFormatPlan(grid)).toEqual([{ kind: "run", col: 0, top: 0, bottom: 999 }]);
  });

  it("scattered cells in a long column become one column of formats when that is fewer bytes", () => {
    const grid = Array.from({ length: 1000 }, (_, i) => [i % 2 === 0 ? "=1+1" : "слово"]);
    const [part] = textFormatPlan(grid);
    expect(part.kind).toBe("column");
    if (part.kind === "column") expect(part.formats.slice(0, 4)).toEqual(["@", null, "@", null]);
    // Two runs in a long column stay runs (2 × 424 bytes against 400 + 1000 × 9).
    const two = Array.from({ length: 1000 }, (_, i) => [i < 10 || i >= 990 ? "0012" : "слово"]);
    expect(textFormatPlan(two)).toEqual([
      { kind: "run", col: 0, top: 0, bottom: 9 },
      { kind: "run", col: 0, top: 990, bottom: 999 },
    ]);
  });
});

describe("the strict fake refuses what Excel on the web refuses", () => {
  it("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const { fake } = officeOver({ Л: [] });
    const grid = Array.from({ length: 3000 }, () => ["ш".repeat(1000)]);
    await expect(
      fake.run(async (ctx) => {
        const c = ctx as {
          workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown } } } };
          sync(): Promise<void>;
        };
        c.workbook.worksheets.getItem("Л").getRange("A1:A3000").values = grid;
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.log.maxRequestBytes).toBeGreaterThan(EXCEL_PAYLOAD_LIMIT);
    expect((await fake.wb.readSheets(["Л"]))[0].values).toEqual([]);
  });

  it("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
    const { fake } = officeOver({ Л: Array.from({ length: 3000 }, () => ["ш".repeat(1000)]) });
    await expect(
      fake.run(async (ctx) => {
        const c = ctx as {
          workbook: { worksheets: { getItem(n: string): { getRange(a: string): { load(p: string): unknown } } } };
          sync(): Promise<void>;
        };
        c.workbook.worksheets.getItem("Л").getRange("A1:A3000").load("values");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("Office.js port within Excel's limits", () => {
  it("writes and reads back a 20,000 × 20 summary sheet with Cyrillic text and logins, no request or response over 5 MB", async () => {
    const { fake, port } = officeOver({ Данные: [["x"]] });
    const rows = Array.from({ length: 20_000 }, (_, i) => summaryRow(i));
    // The old estimate (characters of the values JSON) saw far less than Excel receives.
    const bytes = jsonBytes(rows);
    expect(bytes).toBeGreaterThan(JSON.stringify(rows).length * 1.3);
    expect(bytes).toBeGreaterThan(EXCEL_PAYLOAD_LIMIT);

    await port.write({
      ops: [
        { op: "addSheet", name: "Свод по ОО" },
        { op: "values", sheet: "Свод по ОО", address: "A1", values: rows },
      ],
    });
    expect(fake.log.refused).toEqual([]);
    expect(fake.log.maxRequestBytes).toBeLessThanOrEqual(4_000_000);
    const writeSyncs = fake.log.syncs;
    // 1 sync for sheet names, then ~4 MB parts: at least ceil(bytes / 4 MB) of them.
    expect(writeSyncs - 1).toBeGreaterThanOrEqual(Math.ceil(bytes / 4_000_000));
    expect(Math.ceil(bytes / 4_000_000)).toBeGreaterThanOrEqual(3); // the sheet really is split

    const [read] = await port.readSheets(["Свод по ОО"]);
    expect(fake.log.refused).toEqual([]);
    expect(fake.log.maxResponseBytes).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT);
    expect(fake.log.maxRequestBytes).toBeLessThanOrEqual(4_000_000);
    expect(read.values.length).toBe(20_000);
    expect(read.values[0]).toEqual(summaryRow(0));
    expect(read.values[7]).toEqual(summaryRow(7)); // "=ПРИЗНАК O1" stayed text
    expect(read.values[19_999]).toEqual(summaryRow(19_999));
    expect(read.values[13_333]).toEqual(summaryRow(13_333));
    // Logins with digits were written as text: none became a number or a formula.
    expect(fake.wb.snapshot().sheets[1].formulas).toEqual({});
    console.log(
      `20 000 × 20: JSON ${bytes} Б UTF-8; запрос до ${fake.log.maxRequestBytes} Б, ответ до ${fake.log.maxResponseBytes} Б; синхронизаций записи ${writeSyncs}, всего ${fake.log.syncs}`,
    );
  }, 120_000);

  it("reads a sheet with 1,000 merged areas, in a sync of its own, combining blocks", async () => {
    const grid: Grid = Array.from({ length: 2000 }, (_, i) => [`Раздел ${i}`, null, i]);
    const { fake, port } = officeOver({ Мелкий: [["a", "b"]], Форма: grid, Ещё: [["c"]] });
    const ops: WriteOp[] = [];
    for (let r = 1; r <= 2000; r += 2) ops.push({ op: "merge", sheet: "Форма", address: `A${r}:B${r}` });
    ops.push({ op: "merge", sheet: "Мелкий", address: "A3:B3" });
    await fake.wb.write({ ops });
    const reads = await port.readSheets(["Мелкий", "Форма", "Ещё"]);
    expect(reads.map((r) => r.name)).toEqual(["Мелкий", "Форма", "Ещё"]);
    const form = reads[1];
    expect(form.merges.length).toBe(1000);
    expect(form.merges[0]).toBe("A1:B1");
    expect(form.merges[999]).toBe("A1999:B1999");
    expect(new Set(form.merges).size).toBe(1000);
    expect(form.values[1998]).toEqual(["Раздел 1998", null, 1998]);
    expect(form.notices).toBeUndefined();
    expect(reads[0].merges).toEqual(["A3:B3"]);
    expect(reads[2].merges).toEqual([]);
    // The whole-sheet call was refused once (over 512), then blocks of at most 512 cells.
    expect(fake.log.maxMergeSheetsPerSync).toBeLessThanOrEqual(2);
  });

  it("a response refused for size is read again in smaller blocks", async () => {
    // Long Cyrillic cells: the first guess of bytes per cell is far too low.
    const grid: Grid = Array.from({ length: 3000 }, (_, i) => [`${i}`, "ш".repeat(1000)]);
    const { fake, port } = officeOver({ Длинный: grid });
    const [read] = await port.readSheets(["Длинный"]);
    expect(fake.log.refused.length).toBeGreaterThan(0);
    expect(fake.log.refused.every((r) => r.startsWith("response"))).toBe(true);
    expect(read.values.length).toBe(3000);
    expect(read.values[2999]).toEqual(["2999", "ш".repeat(1000)]);
  });

  it("readRanges splits many large ranges over syncs, each response under the limit", async () => {
    // 40,000 × 10 cells of 10 Cyrillic letters: ~9.2 MB of JSON if loaded in one sync.
    const grid: Grid = Array.from({ length: 40_000 }, () => Array.from({ length: 10 }, () => "ш".repeat(10)));
    const { fake, port } = officeOver({ Большой: grid });
    const requests = [0, 1, 2, 3].map((k) => ({
      sheet: "Большой",
      address: `A${k * 10_000 + 1}:J${(k + 1) * 10_000}`,
    }));
    const before = fake.log.syncs;
    const got = await port.readRanges!([...requests, { sheet: "Нет", address: "A1" }]);
    expect(got.length).toBe(5);
    expect(got[3]![9_999]).toEqual(grid[39_999]);
    expect(got[4]).toBeNull();
    expect(fake.log.refused).toEqual([]);
    expect(fake.log.maxResponseBytes).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT);
    // Names, then one sync per 10,000-row range (estimated 4,000,000 bytes each).
    expect(fake.log.syncs - before).toBe(5);
  });

  it("recalculates the workbook through Application.calculate(full), and says when it cannot", async () => {
    const { fake, port } = officeOver({ Л: [] });
    expect(await port.recalculate!()).toEqual({ recalculated: true });
    expect(fake.log.calculations).toEqual(["Full"]);
    const old = officeOver({ Л: [] }, "1.0");
    expect(await old.port.recalculate!()).toEqual({ recalculated: false });
    expect(old.fake.log.calculations).toEqual([]);
  });
});

describe("Excel error codes in Russian", () => {
  const codes = [
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "InvalidArgument",
    "ItemNotFound",
    "AccessDenied",
    "GeneralException",
    "InsertDeleteConflict",
    "RangeExceedsLimit",
    "InvalidOperationInCellEditMode",
    "ActivityLimitReached",
    "MergedRangeConflict",
    "FilteredRangeConflict",
    "Conflict",
  ];
  it.each(codes)("%s has a Russian explanation", (code) => {
    expect(EXCEL_ERROR_TEXTS[code]).toMatch(/[а-яё]/);
    const e = excelError(Object.assign(new Error("Something failed."), { code }), "запись в книгу");
    expect(e.message).toBe(
      `Excel не выполнил запись в книгу: ${EXCEL_ERROR_TEXTS[code]}. Сообщение Excel: Something failed. (код ${code}).`,
    );
  });

  it("spells out the size limits and an unknown code", () => {
    expect(
      excelError(Object.assign(new Error("x"), { code: "RequestPayloadSizeLimitExceeded" }), "запись в книгу").message,
    ).toContain("больше 5 МБ");
    expect(excelError(Object.assign(new Error("Odd."), { code: "BrandNewCode" }), "чтение листов").message).toBe(
      "Excel не выполнил чтение листов: Сообщение Excel: Odd. (код BrandNewCode).",
    );
    const own = new Error("Лист «Свод» не найден в книге.");
    expect(excelError(own, "запись в книгу")).toBe(own);
    expect(isPayloadLimit({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadLimit({ code: "InvalidArgument" })).toBe(false);
  });
});
