/**
 * Title block and row labels: report kind by title (case, «ё», spaces), year/grade/subject
 * variants, hierarchy levels from labels and order, school logins.
 */
import { describe, expect, it } from "vitest";
import { detectReport, hasReportTitle, readTestHeader } from "../../../src/fisoko/header";
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

describe("hasReportTitle: detectReport's match «via title», without the header look", () => {
  it.each([
    [[[], ["ВПР 2025. Математика. 5 класс"], ["Выполнение заданий"]], "Лист1", true],
    // A title the import does not read comes first: not a readable report, as detectReport says.
    [[["Достижение планируемых результатов"], ["Статистика по отметкам"]], "Лист1", false],
    // «Код участника» without a title (a form's «Участники», a pasted table): detectReport says
    // «individual» via the header, but no title names a report.
    [[["№"], ["Код участника", "Балл"]], "Лист1", false],
    // Named after a report, no title: detectReport says «marks» via the sheet name.
    [[["1", "2"]], "Статистика по отметкам", false],
    [[], "Лист1", false],
  ] as [string[][], string, boolean][])("%j on «%s» → %s", (rows, name, title) => {
    const s = scan(rows, name);
    const d = detectReport(s);
    expect(hasReportTitle(s)).toBe(title);
    expect(d.ok && d.match.via === "title").toBe(title);
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
