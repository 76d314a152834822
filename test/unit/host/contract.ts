/**
 * The behavioural contract every WorkbookPort meets (memory, exceljs, Office.js over a fake
 * Excel): one suite, one factory per port, so a batch that works in the preview works in Excel
 * and in the CLI.
 */
import { describe, expect, it } from "vitest";
import type { Grid, WorkbookPort } from "../../../src/host/port";

export type PortFactory = (grids: Record<string, Grid>) => Promise<WorkbookPort>;

const INJECTION = [
  "=1+1",
  "+7",
  "-3",
  "@SUM(A1)",
  "\tcmd",
  '=HYPERLINK("http://x")',
  "-",
  "=",
  "'quoted",
  "0012",
  "12,5",
];

export function portContract(label: string, make: PortFactory): void {
  describe(`контракт порта книги: ${label}`, () => {
    it("lists sheets in order with visibility and reads grids from A1", async () => {
      const port = await make({
        Первый: [
          ["a", 1],
          [true, null],
        ],
        Второй: [],
      });
      expect(await port.listSheets()).toEqual([
        { name: "Первый", position: 0, visibility: "visible" },
        { name: "Второй", position: 1, visibility: "visible" },
      ]);
      const [first, second] = await port.readSheets(["Первый", "Второй"]);
      expect(first.values).toEqual([
        ["a", 1],
        [true, null],
      ]);
      expect(second.values).toEqual([]);
      expect(await port.readSheets(["Нет такого"])).toEqual([]);
    });

    it("pads reads so that values[0][0] is A1", async () => {
      const port = await make({ Л: [] });
      await port.write({ ops: [{ op: "values", sheet: "Л", address: "C3", values: [[5]] }] });
      const [r] = await port.readSheets(["Л"]);
      expect(r.values).toEqual([
        [null, null, null],
        [null, null, null],
        [null, null, 5],
      ]);
    });

    it("adds sheets at a position and refuses duplicates case-insensitively", async () => {
      const port = await make({ Данные: [] });
      await port.write({
        ops: [
          { op: "addSheet", name: "Свод по ОО" },
          { op: "addSheet", name: "Начало", position: 0 },
        ],
      });
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["Начало", "Данные", "Свод по ОО"]);
      await expect(port.write({ ops: [{ op: "addSheet", name: "СВОД ПО ОО" }] })).rejects.toThrow(/уже есть/);
      await expect(port.write({ ops: [{ op: "addSheet", name: "данные" }] })).rejects.toThrow(/«данные».*уже есть/);
    });

    it("refuses sheet names Excel refuses", async () => {
      const port = await make({ Данные: [] });
      for (const bad of ["", "a".repeat(32), "Свод/2026", "Итоги?", "[x]", "a:b", "a*b", "a\\b", "'начало"]) {
        await expect(port.write({ ops: [{ op: "addSheet", name: bad }] }), bad).rejects.toThrow(/Нельзя создать лист/);
      }
      await port.write({ ops: [{ op: "addSheet", name: "a".repeat(31) }] });
      expect((await port.listSheets()).length).toBe(2);
    });

    it("renames, refusing an existing name, and keeps formulas pointing at the sheet", async () => {
      const port = await make({ Данные: [[1], [2]], Свод: [] });
      await port.write({ ops: [{ op: "formulas", sheet: "Свод", address: "A1", formulas: [["=SUM(Данные!A1:A2)"]] }] });
      await expect(port.write({ ops: [{ op: "renameSheet", from: "Данные", to: "свод" }] })).rejects.toThrow(
        /уже есть/,
      );
      await port.write({ ops: [{ op: "renameSheet", from: "Данные", to: "Исходные данные" }] });
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["Исходные данные", "Свод"]);
      const [s] = await port.readSheets(["Свод"], { formulas: true });
      expect(s.formulas?.[0][0]).toBe("=SUM('Исходные данные'!A1:A2)");
      // Changing only the case of the name is allowed.
      await port.write({ ops: [{ op: "renameSheet", from: "Свод", to: "СВОД" }] });
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["Исходные данные", "СВОД"]);
    });

    it("never deletes or hides the last visible sheet", async () => {
      const port = await make({ Один: [], Скрытый: [] });
      await port.write({ ops: [{ op: "sheetVisibility", name: "Скрытый", visibility: "veryHidden" }] });
      expect((await port.listSheets())[1].visibility).toBe("veryHidden");
      await expect(port.write({ ops: [{ op: "deleteSheet", name: "Один" }] })).rejects.toThrow(/хотя бы один видимый/);
      await expect(
        port.write({ ops: [{ op: "sheetVisibility", name: "Один", visibility: "hidden" }] }),
      ).rejects.toThrow(/хотя бы один видимый/);
      await port.write({ ops: [{ op: "deleteSheet", name: "Скрытый" }] });
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["Один"]);
    });

    it("keeps text that looks like a formula as text", async () => {
      const port = await make({ Л: [] });
      await port.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: INJECTION.map((s) => [s]) }] });
      const [r] = await port.readSheets(["Л"], { formulas: true });
      expect(r.values.map((row) => row[0])).toEqual(INJECTION);
      expect(r.formulas!.map((row) => row[0])).toEqual(INJECTION);
    });

    it("writes formulas only through formulas ops; a formula cell reads back without a computed value", async () => {
      const port = await make({ Л: [[2], [3]] });
      await port.write({
        ops: [{ op: "formulas", sheet: "Л", address: "A3", formulas: [["=SUM(A1:A2)", "42", "текст"]] }],
      });
      const [r] = await port.readSheets(["Л"], { formulas: true });
      expect(r.formulas![2]).toEqual(["=SUM(A1:A2)", 42, "текст"]);
      expect(r.values[2].slice(1)).toEqual([42, "текст"]);
      expect(r.formulas![0]).toEqual([2, "", ""]);
    });

    it("fails a write to a missing sheet and then changes nothing at the sheet level", async () => {
      const port = await make({ Л: [] });
      await expect(
        port.write({
          ops: [
            { op: "addSheet", name: "Новый" },
            { op: "values", sheet: "Нет такого", address: "A1", values: [[1]] },
          ],
        }),
      ).rejects.toThrow(/«Нет такого» не найден/);
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["Л"]);
    });

    it("pads ragged grids, clears with null and refuses non-finite numbers naming the cell", async () => {
      const port = await make({ Л: [[1, 2, 3]] });
      await port.write({ ops: [{ op: "values", sheet: "Л", address: "A1", values: [[9], [8, 7]] }] });
      const [r] = await port.readSheets(["Л"]);
      expect(r.values).toEqual([
        [9, null, 3],
        [8, 7, null],
      ]);
      await expect(
        port.write({ ops: [{ op: "values", sheet: "Л", address: "B2", values: [[1, Number.NaN]] }] }),
      ).rejects.toThrow(/C2/);
      const [again] = await port.readSheets(["Л"]);
      expect(again.values).toEqual(r.values);
    });

    it("merges, reporting merged areas and refusing overlaps", async () => {
      const port = await make({ Л: [["Заголовок", "лишнее"]] });
      await port.write({ ops: [{ op: "merge", sheet: "Л", address: "A1:C1" }] });
      const [r] = await port.readSheets(["Л"]);
      // Excel before ExcelApi 1.13 cannot report merged areas.
      expect(r.merges).toEqual((await port.capabilities()).mergedAreas ? ["A1:C1"] : []);
      expect(r.values[0][0]).toBe("Заголовок");
      expect(r.values[0][1] ?? null).toBeNull();
      await expect(port.write({ ops: [{ op: "merge", sheet: "Л", address: "B1:B2" }] })).rejects.toThrow(/объедин/);
    });

    it("keeps table names unique per workbook and refuses invalid ones", async () => {
      const port = await make({
        А: [
          ["Школа", "Доля"],
          ["№1", 50],
        ],
        Б: [
          ["Школа", "Доля"],
          ["№2", 40],
        ],
      });
      const caps = await port.capabilities();
      if (!caps.tables) return;
      await port.write({ ops: [{ op: "table", sheet: "А", address: "A1:B2", name: "СводОО" }] });
      await expect(
        port.write({ ops: [{ op: "table", sheet: "Б", address: "A1:B2", name: "сводоо" }] }),
      ).rejects.toThrow(/уже есть/);
      for (const bad of ["1абв", "A1", "Моя таблица", "R1C1", "c"]) {
        await expect(
          port.write({ ops: [{ op: "table", sheet: "Б", address: "A1:B2", name: bad }] }),
          bad,
        ).rejects.toThrow(/имя таблицы/);
      }
      await port.write({ ops: [{ op: "table", sheet: "Б", address: "A1:B2", name: "Свод_2" }] });
    });

    it("refuses a drop-down list whose item holds a comma", async () => {
      const port = await make({ Л: [] });
      if (!(await port.capabilities()).dataValidation) return;
      await expect(
        port.write({ ops: [{ op: "validationList", sheet: "Л", address: "A2:A5", list: ["да", "нет, не знаю"] }] }),
      ).rejects.toThrow(/запятую/);
      await port.write({ ops: [{ op: "validationList", sheet: "Л", address: "A2:A5", list: ["да", "нет"] }] });
    });

    it("applies every kind of op without error and reports skipped ones as Russian notices", async () => {
      const port = await make({
        Свод: [
          ["Школа", "Доля"],
          ["№1", 12.5],
          ["№2", 40],
        ],
      });
      const caps = await port.capabilities();
      const { notices } = await port.write({
        ops: [
          {
            op: "format",
            sheet: "Свод",
            address: "A1:B1",
            format: { bold: true, fill: "#DDEBF7", borders: true, hAlign: "center", vAlign: "center", wrap: true },
          },
          { op: "format", sheet: "Свод", address: "B2:B3", format: { numberFormat: '0.0" %"', locked: false } },
          { op: "columnWidths", sheet: "Свод", from: "A", widths: [30, 12] },
          { op: "rowHeight", sheet: "Свод", row: 1, height: 30 },
          { op: "freeze", sheet: "Свод", rows: 1, columns: 1 },
          {
            op: "validationNumber",
            sheet: "Свод",
            address: "B2:B3",
            kind: "decimal",
            min: 0,
            max: 100,
            error: "0…100",
          },
          {
            op: "conditionalFormat",
            sheet: "Свод",
            address: "B2:B3",
            rule: { kind: "cellValue", operator: "lessThan", formula1: "=20", fill: "#FFC7CE" },
          },
          { op: "chart", sheet: "Свод", type: "columnClustered", source: "A1:B3", title: "Доли", anchor: "D2" },
          { op: "print", sheet: "Свод", landscape: true, fitToWidth: true, titleRows: "1:1" },
          { op: "protect", sheet: "Свод", allowFormatting: true },
        ],
      });
      const missing = Object.entries(caps).filter(([k, v]) => !v && k !== "mergedAreas").length;
      expect(notices.length).toBe(missing);
      for (const n of notices) expect(n).toMatch(/не поддержива.*пропущено 1 действие на листе «Свод»/);
      const [r] = await port.readSheets(["Свод"]);
      expect(r.values[1]).toEqual(["№1", 12.5]);
    });

    it("reads ranges in one call, null for a missing sheet", async () => {
      const port = await make({
        Л: [
          ["a", "b"],
          [1, 2],
        ],
      });
      if (!port.readRanges) return;
      expect(
        await port.readRanges([
          { sheet: "Л", address: "A2:C2" },
          { sheet: "Нет", address: "A1" },
        ]),
      ).toEqual([[[1, 2, null]], null]);
    });

    it("selects a range and reports the selection", async () => {
      const port = await make({ Один: [], Два: [] });
      await port.select("Два", "B3:C4");
      expect(await port.selection()).toEqual({ sheet: "Два", address: "B3:C4" });
      await port.activate("Один");
      expect((await port.selection()).sheet).toBe("Один");
    });
  });
}
