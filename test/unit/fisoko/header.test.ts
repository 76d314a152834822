/**
 * Title block and row labels: report kind by title (case, «ё», spaces), year/grade/subject
 * variants, hierarchy levels from labels and order, school logins.
 */
import { describe, expect, it } from "vitest";
import { detectReport, readTestHeader } from "../../../src/fisoko/header";
import { HierarchyTracker, schoolOfLabel } from "../../../src/fisoko/hierarchy";
import { SheetScan } from "../../../src/fisoko/sheet";

const scan = (rows: string[][], name = "Лист1") => new SheetScan("f.xlsx", name, { values: rows, merges: [] });

describe("detectReport", () => {
  it.each([
    ["СТАТИСТИКА   ПО ОТМЕТКАМ", "marks"],
    ["Сравнение отметок с отметками по журналу", "journal"],
    ["Распределение первичных баллов (% участников)", "distribution"],
    ["Выполнение заданий", "tasks"],
    ["Индивидуальные результаты участников", "individual"],
  ])("«%s» → %s", (title, kind) => {
    const d = detectReport(scan([[], ["ВПР 2025. Математика. 5 класс"], [title]]));
    expect(d.ok && d.match.kind).toBe(kind);
  });
});

describe("readTestHeader", () => {
  it.each([
    [["ВПР 2025. Математика. 5 класс"], 2025, 5, "Математика"],
    [["ВПР-2024, русский язык, 4 кл."], 2024, 4, "Русский язык"],
    [["ВПР 2023 Окружающий мир 4 класс"], 2023, 4, "Окружающий мир"],
    [["Всероссийские проверочные работы 2023 (6 класс)", "Предмет: История"], 2023, 6, "История"],
    [["Всероссийские проверочные работы 2022", "Класс: 7", "Предмет: География"], 2022, 7, "География"],
    [["ВПР 2025. Английский язык. 7 класс"], 2025, 7, "Английский язык"],
  ] as [string[], number, number, string][])("%j", (lines, year, grade, subject) => {
    const s = scan(lines.map((l) => [l]));
    expect(readTestHeader(s, lines.length)).toMatchObject({ year, grade, subject });
    expect(s.findings).toEqual([]);
  });

  it("states the maximum score when the header gives it", () => {
    const s = scan([["ВПР 2025. Математика. 5 класс"], ["Максимальный первичный балл: 20"]]);
    expect(readTestHeader(s, 2)?.maxScore).toBe(20);
  });
});

describe("hierarchy labels", () => {
  it("orders Russia, region, municipality, schools", () => {
    const t = new HierarchyTracker();
    expect(
      [
        "Вся выборка",
        "Алтайский край",
        "г. Барнаул",
        "(sch220001) МБОУ «СОШ № 1»",
        "Топчихинский район",
        "sch220102 МКОУ ООШ",
      ].map((l) => t.classify(l)),
    ).toEqual([
      { level: "country", name: "Вся выборка" },
      { level: "region", name: "Алтайский край" },
      { level: "municipality", name: "г. Барнаул" },
      { level: "school", login: "sch220001", name: "МБОУ «СОШ № 1»" },
      { level: "municipality", name: "Топчихинский район" },
      { level: "school", login: "sch220102", name: "МКОУ ООШ" },
    ]);
  });

  it("takes the first unnamed row after Russia as the region, and «все муниципалитеты» as the region too", () => {
    const t = new HierarchyTracker();
    expect(t.classify("Кузбасс").level).toBe("region");
    expect(t.classify("Все муниципалитеты")).toEqual({ level: "region", name: "Кузбасс" });
    expect(t.classify("Беловский муниципальный округ").level).toBe("municipality");
  });

  it("reads logins in parentheses anywhere, upper case or leading", () => {
    expect(schoolOfLabel("МБОУ СОШ № 7 (SCH420107)")).toEqual({ login: "sch420107", name: "МБОУ СОШ № 7" });
    expect(schoolOfLabel("edu420107 — Гимназия")).toEqual({ login: "edu420107", name: "Гимназия" });
    expect(schoolOfLabel("Ленинск-Кузнецкий городской округ")).toBeNull();
  });

  it("a school name without a login is a school, never a municipality", () => {
    const t = new HierarchyTracker();
    t.classify("Кемеровская область - Кузбасс");
    expect(
      ["МБОУ СОШ № 1", "Гимназия № 2", "МАОУ «Лицей № 4»", "Ленинск-Кузнецкий городской округ", "Школьный район"].map(
        (l) => t.classify(l).level,
      ),
    ).toEqual(["school", "school", "school", "municipality", "municipality"]);
  });
});
