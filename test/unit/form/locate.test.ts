import { describe, expect, it } from "vitest";
import { locateColumns, locateFields, PASSPORT, PARTICIPANTS, RESULTS } from "../../../src/form/schema";

const HEAD = ["Процедура", "Год", "Класс", "Класс (буква)", "Предмет", "Участников", "«5»", "«4»", "«3»", "«2»"];

describe("locateColumns", () => {
  it("finds the template header in row 1", () => {
    const loc = locateColumns([HEAD, ["ВПР", 2026, 5, "", "Математика", 20, 5, 5, 5, 5]], RESULTS);
    expect(loc.headerRow).toBe(0);
    expect(loc.dataStart).toBe(1);
    expect(loc.columns.participants.col).toBe(5);
    expect(loc.columns.n2.col).toBe(9);
    expect(loc.columns.className.col).toBe(3);
    expect(loc.missing).toEqual([]);
    expect(loc.reordered).toBe(false);
  });

  it("finds reordered, renamed and look-alike headers below title rows", () => {
    const grid = [
      ["Результаты ВПР МБОУ СОШ № 3"],
      [],
      ["Предмет", "Кол-во участников", "ГОД", "Процедура", "Класс", "Буква", "5", "4", "3", "2", "Примечание"],
      ["Математика", 20, 2026, "ВПР", 5, "А", 5, 5, 5, 5, ""],
    ];
    // Latin "o" in «Прoцедура» and ё/е do not matter either
    grid[2][3] = "Прoцедура";
    const loc = locateColumns(grid, RESULTS);
    expect(loc.headerRow).toBe(2);
    expect(loc.dataStart).toBe(3);
    expect(loc.columns.participants).toMatchObject({ col: 1, how: "alias" });
    expect(loc.columns.procedure).toMatchObject({ col: 3, how: "exact" });
    expect(loc.columns.className.col).toBe(5);
    expect(loc.columns.n5.col).toBe(6);
    expect(loc.reordered).toBe(true);
    expect(loc.unknown).toEqual([{ col: 10, header: "Примечание" }]);
  });

  it("accepts a slight misspelling (one letter off)", () => {
    const loc = locateColumns([["Процедура", "Год", "Класс", "Предмет", "Учасников"]], RESULTS);
    expect(loc.columns.participants).toMatchObject({ col: 4, how: "fuzzy" });
  });

  it("reads two-level headers with merged group cells", () => {
    const grid = [
      ["Процедура", "Год", "Класс", "Предмет", "Участников", "Количество отметок", "", "", ""],
      ["", "", "", "", "", "«5»", "«4»", "«3»", "«2»"],
      ["ВПР", 2026, 5, "Математика", 20, 5, 5, 5, 5],
    ];
    const loc = locateColumns(grid, RESULTS, { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:I1"] });
    expect(loc.firstHeaderRow).toBe(0);
    expect(loc.headerRow).toBe(1);
    expect(loc.dataStart).toBe(2);
    expect(loc.columns.procedure.col).toBe(0);
    expect(loc.columns.n3.col).toBe(7);
    expect(loc.mergedHeaderCells).toContain("F1:I1");
  });

  it("reports missing required columns and no header at all", () => {
    const loc = locateColumns([["Процедура", "Год", "Класс", "Предмет"]], RESULTS);
    expect(loc.missing).toEqual(["participants"]);
    const none = locateColumns([["что-то"], [1, 2, 3]], RESULTS);
    expect(none.headerRow).toBe(-1);
    expect(none.missing).toContain("procedure");
  });

  it("collects numbered task columns in order", () => {
    const loc = locateColumns(
      [["Процедура", "Год", "Класс", "Предмет", "Код участника", "З2", "З1", "Задание 3", "ФИО"]],
      PARTICIPANTS,
    );
    expect(loc.repeated.map((r) => [r.n, r.col])).toEqual([
      [1, 6],
      [2, 5],
      [3, 7],
    ]);
    expect(loc.unknown).toEqual([{ col: 8, header: "ФИО" }]);
  });

  it("finds passport fields and the contingent table below them", () => {
    const grid = [
      ["Показатель", "Значение"],
      ["Логин ОО в ФИС ОКО", "sch420001"],
      ["Тип", "СОШ"],
      [],
      ["Контингент обучающихся"],
      ["Год", "Класс", "Обучающихся"],
      [2026, 5, 25],
    ];
    const f = locateFields(grid, PASSPORT.fields ?? []);
    expect(f.login.valueCell).toBe("B2");
    expect(f.type).toMatchObject({ valueCell: "B3", how: "alias" });
    const loc = locateColumns(grid, PASSPORT);
    expect(loc.headerRow).toBe(5);
    expect(loc.columns.pupils.col).toBe(2);
  });
});

describe("locateColumns under a merged title", () => {
  it("keeps a one-row header and does not report the title's merge", () => {
    const grid = [
      ["Результаты процедур"],
      ["Процедура", "Год", "Класс", "Предмет", "Участников"],
      ["ВПР", 2026, 5, "Математика", 20],
    ];
    const loc = locateColumns(grid, RESULTS, { merges: ["A1:E1"] });
    expect(loc.headerRow).toBe(1);
    expect(loc.firstHeaderRow).toBe(1);
    expect(loc.mergedHeaderCells).toEqual([]);
  });
});

describe("locateColumns with a merged group title above a one-row header", () => {
  it("takes the group row into the header and reports its merge", () => {
    const grid = [
      ["", "", "", "", "", "Количество отметок", "", "", ""],
      ["Процедура", "Год", "Класс", "Предмет", "Участников", "«5»", "«4»", "«3»", "«2»"],
      ["ВПР", 2026, 5, "Математика", 20, 5, 5, 5, 5],
    ];
    const loc = locateColumns(grid, RESULTS, { merges: ["F1:I1"] });
    expect(loc.headerRow).toBe(1);
    expect(loc.firstHeaderRow).toBe(0);
    expect(loc.mergedHeaderCells).toEqual(["F1:I1"]);
  });
});
