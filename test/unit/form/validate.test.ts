import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model";
import type { SheetRead } from "../../../src/host/port";
import { parseForm, validateForm } from "../../../src/form";

const PASSPORT: SheetRead = {
  name: "Паспорт ОО",
  merges: [],
  values: [
    ["Логин ОО в ФИС ОКО", "sch1"],
    ["Полное наименование ОО", "Школа"],
    ["Тип ОО", "лицей"],
    ["Местность", "город"],
    [],
    ["Год", "Класс", "Обучающихся"],
    [2026, 11, 30],
    [2026, 5, 20],
  ],
};
const HEAD = [
  "Процедура",
  "Год",
  "Класс",
  "Класс (буква)",
  "Предмет",
  "Участников",
  "«5»",
  "«4»",
  "«3»",
  "«2»",
  "Средний балл",
  "Ниже минимума",
  "81–99",
  "100",
];
const results = (...rows: unknown[][]): SheetRead => ({
  name: "Результаты",
  merges: [],
  values: [HEAD, ...rows] as SheetRead["values"],
});
const at = (findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

describe("cell rules", () => {
  it("accepts numbers stored as text with a warning naming the cell and the value read", () => {
    const { findings, form } = validateForm([
      PASSPORT,
      results(["ВПР", 2026, 5, "", "Математика", "20", 5, 5, "5,0", 5]),
    ]);
    expect(at(findings, "number.text")).toEqual(["Результаты!F2"]);
    expect(at(findings, "number.decimalComma")).toEqual(["Результаты!I2"]);
    expect(findings.find((f) => f.rule === "number.decimalComma")!.message).toBe(
      "В столбце «3» число «5,0» записано текстом с запятой; прочитано как 5.",
    );
    expect(form.tables.get("results")!.rows[0].values.participants).toBe(20);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("checks ЕГЭ groups against participants", () => {
    const { findings } = validateForm([
      PASSPORT,
      results(["ЕГЭ", 2026, 11, "", "Физика", 10, null, null, null, null, 55, 11, 6, 5]),
    ]);
    expect(at(findings, "sum.ege")).toEqual(["Результаты!L2", "Результаты!M2"]);
  });

  it("reads enum aliases and subject aliases without findings", () => {
    const { report, findings } = parseForm([
      PASSPORT,
      results(["егэ", 2026, 11, "", "Математика профиль", 10, null, null, null, null, "70,5", 0, 2, 0]),
    ]);
    expect(report!.results[0]).toMatchObject({
      procedure: "ЕГЭ",
      subject: "Математика (профильная)",
      ege: { meanScore: 70.5, belowMin: 0, high81: 2, score100: 0 },
    });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("rejects a login with spaces (type.code) and reports the missing school", () => {
    const p = structuredClone(PASSPORT);
    p.values[0][1] = "sch 1";
    const { report, findings } = parseForm([p, results(["ВПР", 2026, 5, "", "Математика", 20, 5, 5, 5, 5])]);
    expect(at(findings, "type.code")).toEqual(["Паспорт ОО!B1"]);
    expect(report).toBeNull();
  });
});

describe("layout rules", () => {
  it("reports a repeated column and reads the first one", () => {
    const { findings, form } = validateForm([
      PASSPORT,
      {
        name: "Результаты",
        merges: [],
        values: [
          [...HEAD, "Участников"],
          ["ВПР", 2026, 5, "", "Математика", 20, 5, 5, 5, 5, null, null, null, null, 99],
        ],
      },
    ]);
    expect(at(findings, "column.duplicate")).toEqual(["Результаты!O1"]);
    expect(form.tables.get("results")!.rows[0].values.participants).toBe(20);
  });

  it("reports a sheet without a header row and an empty results sheet", () => {
    const a = validateForm([PASSPORT, { name: "Результаты", merges: [], values: [["просто текст"], [1, 2, 3]] }]);
    expect(at(a.findings, "header.notFound")).toEqual(["Результаты!A1"]);
    const b = validateForm([PASSPORT, results()]);
    expect(at(b.findings, "sheet.empty")).toEqual(["Результаты!"]);
  });

  it("finds a column of names on a sheet that is not the form's", () => {
    const { findings } = validateForm([
      PASSPORT,
      results(["ВПР", 2026, 5, "", "Математика", 20, 5, 5, 5, 5]),
      { name: "Лист1", merges: [], values: [[], ["№", "Фамилия, имя"], [1, "Иванов Иван"]] },
    ]);
    expect(at(findings, "privacy.names")).toEqual(["Лист1!B2"]);
  });
});

describe("cycle rules", () => {
  it("reads dates typed as text and flags components 1–6 of a partial track", () => {
    const cycle: SheetRead = {
      name: "Цикл",
      merges: [],
      values: [
        [
          "Год",
          "Направление",
          "Трек",
          "Тип трека",
          "Компонент",
          "Оценка",
          "Документ №",
          "Дата документа",
          "Плановый срок",
        ],
        [
          2026,
          "Система мониторинга качества дошкольного образования",
          "МКДО",
          "частичный цикл",
          3,
          "да",
          "7",
          "05.09.2025",
          "2026-05-30",
        ],
      ],
    };
    const { report, findings } = parseForm([
      PASSPORT,
      results(["ВПР", 2026, 5, "", "Математика", 20, 5, 5, 5, 5]),
      cycle,
    ]);
    expect(at(findings, "cycle.partialComponent")).toEqual(["Цикл!E2"]);
    expect(report!.cycle[0]).toMatchObject({
      direction: 8,
      trackKind: "partial",
      component: 3,
      score: 2,
      docNumber: "7",
      docDate: "2025-09-05",
      plannedDate: "2026-05-30",
    });
  });
});

describe("passport layouts", () => {
  it("reads a contingent table that stands beside the fields", () => {
    const p: SheetRead = {
      name: "Паспорт ОО",
      merges: [],
      values: [
        ["Логин ОО в ФИС ОКО", "sch1", null, "Год", "Класс", "Обучающихся"],
        ["Тип ОО", "ООШ", null, 2026, 9, 15],
        ["Местность", "село", null, 2026, 5, 12],
        ["Полное наименование ОО", "Школа"],
      ],
    };
    const { report, findings } = parseForm([p, results(["ОГЭ", 2026, 9, "", "Математика", 16, 4, 4, 4, 4])]);
    expect(report!.passport.contingent).toEqual([
      { year: 2026, grade: 9, pupils: 15 },
      { year: 2026, grade: 5, pupils: 12 },
    ]);
    expect(at(findings, "cross.contingent")).toEqual(["Результаты!F2"]);
  });
});
