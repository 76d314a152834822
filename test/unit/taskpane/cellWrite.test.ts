import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import type { WriteOp } from "../../../src/host/port";
import { cellWrite, formatOfCell } from "../../../src/taskpane/preview/cellWrite";

const TODAY = new Date(2026, 10, 22);

async function book(ops: WriteOp[]) {
  const wb = MemoryWorkbook.fromGrids({
    Результаты: [
      ["Процедура", "Участников"],
      ["ВПР", 25],
    ],
  });
  await wb.write({ ops });
  return wb;
}

describe("cellWrite", () => {
  it("writes a Russian number into the memory workbook, which then holds the number", async () => {
    const wb = await book([]);
    const w = cellWrite(wb.snapshot().sheets[0], "B2", "24,5", TODAY);
    expect(w).toEqual({
      ops: [{ op: "values", sheet: "Результаты", address: "B2", values: [[24.5]] }],
      done: "B2: записано «24,5».",
    });
    await wb.write({ ops: w.ops });
    expect(wb.snapshot().sheets[0].values[1][1]).toBe(24.5);
  });

  it("writes text that breaks a validation rule, with Excel's message as a warning", async () => {
    const wb = await book([
      {
        op: "validationNumber",
        sheet: "Результаты",
        address: "B2:B100",
        kind: "whole",
        min: 0,
        error: "Ожидается целое число не меньше 0.",
      },
    ]);
    const w = cellWrite(wb.snapshot().sheets[0], "B2", "много", TODAY);
    expect(w.ops).toEqual([{ op: "values", sheet: "Результаты", address: "B2", values: [["много"]] }]);
    expect(w.warning).toBe(
      "В Excel проверка данных не пропустила бы это значение в B2: Ожидается целое число не меньше 0. Предпросмотр записал его, чтобы «Проверка» показала, как находит такие ошибки.",
    );
  });

  it("gives a General cell the date format Excel would, and clears with an empty text", async () => {
    const wb = await book([]);
    const snap = wb.snapshot().sheets[0];
    expect(cellWrite(snap, "C2", "22.11.2026", TODAY).ops).toEqual([
      { op: "values", sheet: "Результаты", address: "C2", values: [[46348]] },
      { op: "format", sheet: "Результаты", address: "C2", format: { numberFormat: "dd.mm.yyyy" } },
    ]);
    expect(cellWrite(snap, "B2", "", TODAY).ops).toEqual([
      { op: "values", sheet: "Результаты", address: "B2", values: [[""]] },
    ]);
    expect(cellWrite(snap, "D2", "=B2*2", TODAY).ops).toEqual([
      { op: "formulas", sheet: "Результаты", address: "D2", formulas: [["=B2*2"]] },
    ]);
  });

  it("refuses a locked cell of a protected sheet and accepts an unlocked one", async () => {
    const wb = await book([
      { op: "format", sheet: "Результаты", address: "B2:B10", format: { locked: false, numberFormat: "0" } },
      { op: "protect", sheet: "Результаты" },
    ]);
    const snap = wb.snapshot().sheets[0];
    const refused = cellWrite(snap, "A1", "x", TODAY);
    expect(refused.ops).toEqual([]);
    expect(refused.refused).toBe(
      "Ячейка A1 на листе «Результаты» защищена: лист защищён, и Excel не даст её изменить. Вводите данные в ячейки для ввода.",
    );
    expect(cellWrite(snap, "B3", "7", TODAY).ops).toHaveLength(1);
    expect(formatOfCell(snap, "B3")).toEqual({ locked: false, numberFormat: "0" });
    expect(formatOfCell(snap, "C3")).toEqual({});
  });
});
