import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import {
  cellText,
  chartPlaceholders,
  followedSheet,
  gridModel,
  sheetExtras,
} from "../../../src/taskpane/preview/gridModel";
import { generatedNote } from "../../../src/taskpane/preview/generatedNote";

async function sheet(ops: Parameters<MemoryWorkbook["write"]>[0]["ops"]) {
  const wb = MemoryWorkbook.fromGrids({ Данные: [] });
  await wb.write({ ops });
  return wb.snapshot().sheets[0];
}

describe("cellText", () => {
  it("shows cells as Russian Excel does in the General format", () => {
    expect(cellText(58.4)).toBe("58,4");
    expect(cellText(2026)).toBe("2026");
    expect(cellText(true)).toBe("ИСТИНА");
    expect(cellText(false)).toBe("ЛОЖЬ");
    expect(cellText(null)).toBe("");
    expect(cellText("н/а")).toBe("н/а");
  });
});

describe("gridModel", () => {
  it("draws values, formula text, formats and merges", async () => {
    const s = await sheet([
      {
        op: "values",
        sheet: "Данные",
        address: "A1",
        values: [
          ["Школа", "Качество"],
          ["sch1", 58.4],
        ],
      },
      { op: "formulas", sheet: "Данные", address: "C2", formulas: [["=B2*2"]] },
      { op: "format", sheet: "Данные", address: "A1:B1", format: { bold: true, fill: "#DDEBF7" } },
      { op: "format", sheet: "Данные", address: "B1", format: { fill: "#FFFFFF" } },
      { op: "merge", sheet: "Данные", address: "A3:B3" },
    ]);
    const m = gridModel(s);
    expect(m.columns).toEqual(["A", "B", "C"]);
    expect(m.rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(m.rows[0].cells.map((c) => c.text)).toEqual(["Школа", "Качество", ""]);
    expect(m.rows[1].cells[1].text).toBe("58,4");
    expect(m.rows[1].cells[2]).toMatchObject({ text: "=B2*2", formula: "=B2*2" });
    expect(m.rows[0].cells[0].format).toEqual({ bold: true, fill: "#DDEBF7" });
    expect(m.rows[0].cells[1].format).toEqual({ bold: true, fill: "#FFFFFF" });
    expect(m.rows[2].cells[0]).toMatchObject({ span: { rows: 1, columns: 2 } });
    expect(m.rows[2].cells[0].covered).toBeFalsy();
    expect(m.rows[2].cells[1].covered).toBe(true);
  });

  it("draws one empty cell for an empty sheet", async () => {
    const m = gridModel(await sheet([]));
    expect(m.columns).toEqual(["A"]);
    expect(m.rows).toEqual([{ number: 1, cells: [{ text: "" }] }]);
    expect(m.usedRows).toBe(1);
  });

  it("stops at the limits but reports the full used size", async () => {
    const values = Array.from({ length: 5 }, (_, r) => Array.from({ length: 4 }, (_, c) => r * 10 + c));
    const s = await sheet([
      { op: "values", sheet: "Данные", address: "A1", values },
      { op: "merge", sheet: "Данные", address: "B2:D5" },
      { op: "format", sheet: "Данные", address: "D5", format: { bold: true } },
    ]);
    const m = gridModel(s, { rows: 3, columns: 2 });
    expect(m.columns).toEqual(["A", "B"]);
    expect(m.rows.length).toBe(3);
    expect(m.usedRows).toBe(5);
    expect(m.usedColumns).toBe(4);
    // The merge is clipped to what is drawn.
    expect(m.rows[1].cells[1].span).toEqual({ rows: 2, columns: 1 });
  });

  it("shows values through their number format, right-aligns numbers, keeps the raw value", async () => {
    const s = await sheet([
      { op: "values", sheet: "Данные", address: "A1", values: [["sch1", 68.5472496474, 0.25, 46348, "н/а"]] },
      { op: "format", sheet: "Данные", address: "B1", format: { numberFormat: '0.0" %"' } },
      { op: "format", sheet: "Данные", address: "C1", format: { numberFormat: "0%" } },
      { op: "format", sheet: "Данные", address: "D1:E1", format: { numberFormat: "dd.mm.yyyy", bold: true } },
      { op: "columnWidths", sheet: "Данные", from: "B", widths: [12] },
    ]);
    const cells = gridModel(s).rows[0].cells;
    expect(cells.map((c) => c.text)).toEqual(["sch1", "68,5 %", "25%", "22.11.2026", "н/а"]);
    expect(cells.map((c) => !!c.numeric)).toEqual([false, true, true, true, false]);
    expect(cells[1].value).toBe(68.5472496474);
    expect(gridModel(s).widths).toEqual([undefined, 12, undefined, undefined, undefined]);
  });

  it("adds spare rows and columns for typing, within the limits; covered cells point at their merge head", async () => {
    const s = await sheet([
      {
        op: "values",
        sheet: "Данные",
        address: "A1",
        values: [
          ["Заголовок", null],
          [1, 2],
        ],
      },
      { op: "merge", sheet: "Данные", address: "A1:B1" },
    ]);
    const m = gridModel(s, { rows: 4, columns: 3, spareRows: 5, spareColumns: 1 });
    expect(m.columns).toEqual(["A", "B", "C"]);
    expect(m.rows.length).toBe(4);
    expect(m.usedRows).toBe(2);
    expect(m.rows[0].cells[1]).toMatchObject({ covered: true, head: { row: 0, col: 0 } });
    expect(m.rows[0].cells[0].head).toBeUndefined();
  });

  it("lists what else the pane put on a sheet", async () => {
    const s = await sheet([
      { op: "values", sheet: "Данные", address: "A1", values: [["Класс"], ["5А"]] },
      { op: "table", sheet: "Данные", address: "A1:A2", name: "Классы" },
      { op: "freeze", sheet: "Данные", rows: 1, columns: 0 },
    ]);
    expect(sheetExtras(s)).toEqual(["таблиц Excel: 1", "закреплено: строк 1, столбцов 0"]);
  });
});

describe("chartPlaceholders", () => {
  it("gives each chart a Russian type, its anchor cell and size", () => {
    const [c] = chartPlaceholders([
      { type: "columnClustered", source: "'Свод'!A5:C20", title: "Качество знаний", anchor: "H5", width: 480 },
    ]);
    expect(c).toMatchObject({
      title: "Качество знаний",
      kind: "гистограмма",
      anchor: "H5",
      row: 4,
      col: 7,
      width: 480,
      height: 216,
    });
    expect(c.description).toBe(
      "Диаграмма «Качество знаний»: гистограмма у ячейки H5, данные 'Свод'!A5:C20. Предпросмотр не рисует диаграммы — в Excel она будет здесь.",
    );
    expect(chartPlaceholders([{ type: "pie", source: "A1:B3", title: "Доли", anchor: "A10" }])[0].kind).toBe(
      "круговая диаграмма",
    );
  });
});

describe("generatedNote", () => {
  const marker = "Создано надстройкой МСОКО для Excel 22.11.2026 10:15, профиль методики msoko-2026.1.";

  it("marks a sheet with the row-2 marker that the settings registry lists", async () => {
    const wb = MemoryWorkbook.fromGrids({
      "Свод по ОО": [["Свод по ОО"], [marker]],
      "Настройки МСОКО": [
        ["Ключ", "Значение", "Пояснение"],
        ["generated|Свод по ОО", "summary.schools", ""],
      ],
      Данные: [["Свод"], [""]],
    });
    const snap = wb.snapshot();
    expect(generatedNote(snap.sheets[0], snap)).toEqual({
      registered: true,
      text: "Лист создан надстройкой: при следующем построении он будет пересоздан.",
    });
    expect(generatedNote(snap.sheets[2], snap)).toBeNull();
  });

  it("warns when the marker is there but the registry does not list the sheet", () => {
    const snap = MemoryWorkbook.fromGrids({ Копия: [["x"], [marker]] }).snapshot();
    expect(generatedNote(snap.sheets[0], snap)).toEqual({
      registered: false,
      text: "В строке 2 есть отметка надстройки, но листа нет в реестре на листе «Настройки МСОКО»: надстройка его не заменит.",
    });
  });
});

describe("followedSheet", () => {
  const book = (active: string, sheets: [string, "visible" | "hidden"][]) =>
    ({
      fileName: "",
      activeSheet: active,
      selection: { sheet: active, address: "A1" },
      sheets: sheets.map(([name, visibility], position) => ({ name, visibility, position })),
    }) as never;
  it("starts with the active sheet and follows a newly activated one", () => {
    expect(followedSheet(null, book("Лист1", [["Лист1", "visible"]]))).toBe("Лист1");
    expect(
      followedSheet(
        book("Лист1", [
          ["Лист1", "visible"],
          ["Цикл", "visible"],
        ]),
        book("Цикл", [
          ["Лист1", "visible"],
          ["Цикл", "visible"],
        ]),
      ),
    ).toBe("Цикл");
  });
  it("goes to the first visible sheet a write added, in workbook order; stays put otherwise", () => {
    const before = book("Лист1", [["Лист1", "visible"]]);
    const after = book("Лист1", [
      ["Лист1", "visible"],
      ["Настройки МСОКО", "hidden"],
      ["Паспорт ОО", "visible"],
      ["Результаты", "visible"],
    ]);
    expect(followedSheet(before, after)).toBe("Паспорт ОО");
    expect(followedSheet(after, after)).toBeNull();
    // A sheet replaced under the same name (in another case) is not new.
    expect(
      followedSheet(
        book("Лист1", [
          ["Лист1", "visible"],
          ["свод по ОО", "visible"],
        ]),
        book("Лист1", [
          ["Лист1", "visible"],
          ["Свод по ОО", "visible"],
        ]),
      ),
    ).toBeNull();
  });
});
