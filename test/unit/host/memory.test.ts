import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { portContract } from "./contract";

portContract("MemoryWorkbook", async (grids) => MemoryWorkbook.fromGrids(grids));
portContract("MemoryWorkbook без новых возможностей Excel", async (grids) =>
  MemoryWorkbook.fromGrids(grids, {
    capabilities: {
      conditionalFormatting: false,
      dataValidation: false,
      freezePanes: false,
      pageLayout: false,
      mergedAreas: false,
    },
  }),
);

describe("MemoryWorkbook", () => {
  it("describes everything in a serialisable snapshot", async () => {
    const wb = MemoryWorkbook.fromGrids(
      {
        Свод: [
          ["Школа", "Доля"],
          ["№1", 12.5],
        ],
      },
      { fileName: "свод.xlsx" },
    );
    await wb.write({
      ops: [
        { op: "formulas", sheet: "Свод", address: "B3", formulas: [["=AVERAGE(B2:B2)"]] },
        { op: "format", sheet: "Свод", address: "A1:B1", format: { bold: true } },
        { op: "format", sheet: "Свод", address: "B1", format: { fill: "#FFFF00", bold: false } },
        { op: "merge", sheet: "Свод", address: "A5:B5" },
        { op: "columnWidths", sheet: "Свод", from: "A", widths: [30, 12] },
        { op: "rowHeight", sheet: "Свод", row: 1, height: 28 },
        { op: "freeze", sheet: "Свод", rows: 1, columns: 0 },
        { op: "table", sheet: "Свод", address: "A1:B2", name: "Т1", style: "TableStyleLight9" },
        { op: "validationList", sheet: "Свод", address: "C2:C9", list: ["да", "нет"], prompt: "Выберите" },
        { op: "validationNumber", sheet: "Свод", address: "D2:D9", kind: "whole", min: 0 },
        { op: "conditionalFormat", sheet: "Свод", address: "B2:B9", rule: { kind: "dataBar", fill: "#638EC6" } },
        { op: "chart", sheet: "Свод", type: "pie", source: "A1:B2", title: "Доли", anchor: "E2" },
        { op: "print", sheet: "Свод", landscape: true, area: "A1:B9" },
        { op: "protect", sheet: "Свод" },
        { op: "addSheet", name: "Скрытый", tabColor: "#FF0000" },
        { op: "sheetVisibility", name: "Скрытый", visibility: "hidden" },
      ],
    });
    const snap = wb.snapshot();
    expect(snap.fileName).toBe("свод.xlsx");
    expect(snap.activeSheet).toBe("Свод");
    const s = snap.sheets[0];
    expect(s.values).toEqual([
      ["Школа", "Доля"],
      ["№1", 12.5],
      [null, null],
    ]);
    expect(s.formulas).toEqual({ B3: "=AVERAGE(B2:B2)" });
    expect(s.merges).toEqual(["A5:B5"]);
    expect(s.columnWidths).toEqual({ A: 30, B: 12 });
    expect(s.rowHeights).toEqual({ "1": 28 });
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    expect(s.tables).toEqual([
      { name: "Т1", address: "A1:B2", style: "TableStyleLight9", totals: false, headers: ["Школа", "Доля"] },
    ]);
    expect(s.validations).toEqual([
      { address: "C2:C9", type: "list", list: ["да", "нет"], prompt: "Выберите", error: undefined },
      { address: "D2:D9", type: "whole", min: 0, max: undefined, prompt: undefined, error: undefined },
    ]);
    expect(s.conditionalFormats).toEqual([{ address: "B2:B9", rule: { kind: "dataBar", fill: "#638EC6" } }]);
    expect(s.charts).toEqual([
      {
        type: "pie",
        source: "'Свод'!A1:B2",
        title: "Доли",
        anchor: "E2",
        width: undefined,
        height: undefined,
        seriesBy: undefined,
      },
    ]);
    expect(s.print).toEqual({ landscape: true, fitToWidth: undefined, titleRows: undefined, area: "A1:B9" });
    expect(s.protection).toEqual({ allowFormatting: false });
    expect(snap.sheets[1]).toMatchObject({ name: "Скрытый", visibility: "hidden", tabColor: "#FF0000", values: [] });
    expect(wb.formatAt("Свод", "B1")).toEqual({ bold: false, fill: "#FFFF00" });
    expect(wb.formatAt("Свод", "A1")).toEqual({ bold: true });
    expect(wb.formatAt("Свод", "C7")).toEqual({});
    // JSON round trip rebuilds the same workbook.
    const again = MemoryWorkbook.fromSnapshot(JSON.parse(JSON.stringify(wb)));
    expect(JSON.parse(JSON.stringify(again.snapshot()))).toEqual(JSON.parse(JSON.stringify(snap)));
  });

  it("fills blank and duplicate table headers the way Excel does", async () => {
    const wb = MemoryWorkbook.fromGrids({
      Л: [
        ["Код", null, "Код"],
        [1, 2, 3],
      ],
    });
    await wb.write({ ops: [{ op: "table", sheet: "Л", address: "A1:C2", name: "Т" }] });
    expect(wb.snapshot().sheets[0].tables[0].headers).toEqual(["Код", "Столбец2", "Код3"]);
    await expect(wb.write({ ops: [{ op: "table", sheet: "Л", address: "B2:D4", name: "Т2" }] })).rejects.toThrow(
      /пересекается с таблицей «Т»/,
    );
  });

  it("notifies listeners after each change and counts versions", async () => {
    const wb = MemoryWorkbook.fromGrids({ Л: [] });
    let calls = 0;
    const off = wb.onChange(() => calls++);
    const v0 = wb.version;
    await wb.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: [[1]] }] });
    await wb.select("Л", "A1");
    off();
    await wb.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: [[2]] }] });
    expect(calls).toBe(2);
    expect(wb.version).toBe(v0 + 3);
  });

  it("refuses writes beyond the sheet and bad widths", async () => {
    const wb = MemoryWorkbook.fromGrids({ Л: [] });
    await expect(wb.write({ ops: [{ op: "values", sheet: "Л", address: "XFD1", values: [[1, 2]] }] })).rejects.toThrow(
      /вне листа/,
    );
    await expect(wb.write({ ops: [{ op: "columnWidths", sheet: "Л", from: "B", widths: [300] }] })).rejects.toThrow(
      /Ширина столбца B/,
    );
    await expect(
      wb.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: [["x".repeat(32768)]] }] }),
    ).rejects.toThrow(/32767/);
    await expect(
      wb.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: [[{ a: 1 } as never]] }] }),
    ).rejects.toThrow(/объект/);
  });

  it("moves the active sheet away from a deleted or hidden sheet", async () => {
    const wb = MemoryWorkbook.fromGrids({ А: [], Б: [], В: [] });
    await wb.activate("Б");
    await wb.write({ ops: [{ op: "deleteSheet", name: "Б" }] });
    expect((await wb.selection()).sheet).toBe("А");
    await wb.write({ ops: [{ op: "sheetVisibility", name: "А", visibility: "hidden" }] });
    expect((await wb.selection()).sheet).toBe("В");
    await expect(wb.activate("А")).rejects.toThrow(/скрытый/);
  });
});
